// Types for damerau-levenshtein (the package ships none): edit steps between two strings, transpositions counted once.
declare module 'damerau-levenshtein' {
  export default function damerauLevenshtein(
    from: string,
    to: string,
    limit?: number,
  ): { steps: number; relative: number; similarity: number };
}
