// Turns prompt text into comparable words: accents folded (é → e, ü → u), lower case, punctuation dropped,
// "low-poly" / "low poly" joined into one word, and each word reduced to its singular form by English
// plural rules with the common irregular nouns ("shelves" → "shelf", "people" → "person").

const IRREGULAR_SINGULARS: Readonly<Record<string, string>> = {
  people: 'person',
  men: 'man',
  women: 'woman',
  children: 'child',
  mice: 'mouse',
  geese: 'goose',
  feet: 'foot',
  teeth: 'tooth',
  cacti: 'cactus',
  fungi: 'fungus',
  oxen: 'ox',
  knives: 'knife',
  leaves: 'leaf',
  shelves: 'shelf',
  wolves: 'wolf',
  halves: 'half',
  hooves: 'hoof',
  scarves: 'scarf',
  calves: 'calf',
  loaves: 'loaf',
  lives: 'life',
  wives: 'wife',
  dice: 'die',
  storeys: 'storey',
  stories: 'story',
  axes: 'axe',
  ponies: 'pony',
  buses: 'bus',
  canoes: 'canoe',
  shoes: 'shoe',
  toes: 'toe',
  lorries: 'lorry',
};

/** Words that end in "s" but are singular (or not nouns), so the plural rule must leave them alone. */
const SINGULAR_ENDING_IN_S = new Set([
  'bus',
  'christmas',
  'lens',
  'series',
  'species',
  'news',
  'gas',
  'yes',
  'its',
  'has',
  'was',
  'this',
  'his',
  'is',
  'plus',
  'canvas',
  'atlas',
  'iris',
  'always',
  'perhaps',
  'chassis',
  'lotus',
  'walrus',
  'octopus',
  'cactus',
  'hippopotamus',
  'rhinoceros',
  'fungus',
  'us',
  'as',
  'less',
  'sans',
  'des',
  'les',
  'los',
  'las',
  'tres',
  'dos',
  'seis',
  'trois',
  'deux',
  'mais',
  'mas',
]);

export function singular(word: string): string {
  const irregular = IRREGULAR_SINGULARS[word];
  if (irregular) return irregular;
  if (word.length <= 3 || SINGULAR_ENDING_IN_S.has(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ch|sh|ss|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('oes')) return word.slice(0, -2);
  if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Lower-case, accent-free words of the text, "low-poly" joined as "lowpoly", hyphenated words split. */
export function promptWords(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/\blow[\s_-]*poly(gon)?\b/g, ' lowpoly ')
    .replace(/(\d+)\s*(?:-|\s)?\s*(m|cm)\b/g, ' $1 $2 ')
    .replace(/['’]s\b/g, '')
    .replace(/[^a-z0-9]+/g, ' ');
  return folded.split(' ').filter((word) => word.length > 0);
}
