// The prompt's words made ready for reading: misspellings corrected (recorded), hyphenated words kept as one
// adjective unless they are a name, a count or colours, and names written apart ("space ship") joined.
import type { CategoryIndex } from './category-index.ts';
import { NUMBER_WORDS } from './prompt-vocabulary.ts';
import { isColourWord } from './read-attributes.ts';
import { isAttributeWord } from './attribute-words.ts';
import { correctSpelling } from './spell-correct.ts';
import { singular, type PromptToken } from './word-forms.ts';

/** Spelling corrections, and hyphenated words kept as one adjective unless they are a name, a count or colours. */
export function prepareTokens(
  raw: PromptToken[],
  corrections: { from: string; to: string }[],
  categories: CategoryIndex,
): PromptToken[] {
  const tokens: PromptToken[] = [];
  for (let index = 0; index < raw.length; index++) {
    const token = raw[index];
    if (token.hyphenGroup === undefined) {
      tokens.push(corrected(token, corrections, categories));
      continue;
    }
    const group = raw.filter((other) => other.hyphenGroup === token.hyphenGroup);
    index += group.length - 1;
    const groupForms = group.map((part) => part.form);
    const joined = group.map((part) => part.word).join('');
    const separate = () =>
      group.map(({ word, form, endsSegment, possessive }) => ({ word, form, endsSegment, possessive }));
    const { endsSegment, possessive } = group[group.length - 1];
    if (categories.lookup(groupForms)) tokens.push(...separate());
    else if (categories.lookup([joined]))
      tokens.push({ word: group.map((part) => part.word).join('-'), form: joined, endsSegment, possessive });
    else if (
      /^\d+$/.test(groupForms[0]) ||
      NUMBER_WORDS[groupForms[0]] !== undefined ||
      groupForms.every((form) => isColourWord(form) || form === 'and' || form === 'light' || form === 'dark')
    )
      tokens.push(...separate());
    else if (groupForms.length === 2 && isAttributeWord(groupForms[0]) && categories.lookup([groupForms[1]]))
      tokens.push(...separate());
    else
      tokens.push({
        word: group.map((part) => part.word).join('-'),
        form: groupForms.join('-'),
        endsSegment,
        possessive,
      });
  }
  return joinSplitNames(tokens, categories);
}

function corrected(
  token: PromptToken,
  corrections: { from: string; to: string }[],
  categories: CategoryIndex,
): PromptToken {
  if (categories.vocabulary.has(token.form) || categories.vocabulary.has(token.word)) return token;
  const correction =
    correctSpelling(token.word, categories.vocabulary) ??
    (token.form !== token.word ? correctSpelling(token.form, categories.vocabulary) : undefined);
  if (!correction) return token;
  corrections.push({ from: token.word, to: correction });
  return { ...token, word: correction, form: correction, correctedFrom: token.word };
}

/** Two words that are one name written apart ("space ship", "sail boat", "book case") become that name. */
function joinSplitNames(tokens: PromptToken[], categories: CategoryIndex): PromptToken[] {
  const joined: PromptToken[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const [first, second] = [tokens[index], tokens[index + 1]];
    if (
      second &&
      !first.endsSegment &&
      /^[a-z]+$/.test(first.word + second.word) &&
      !categories.lookup([first.form, second.form])
    ) {
      const form = singular(first.word + second.word);
      if (categories.lookup([form])) {
        joined.push({ ...second, word: `${first.word} ${second.word}`, form });
        index++;
        continue;
      }
    }
    joined.push(first);
  }
  return joined;
}
