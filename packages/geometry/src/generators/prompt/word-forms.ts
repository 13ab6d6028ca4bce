// Turns prompt text into comparable words: accents folded (é → e, ü → u), lower case, punctuation dropped,
// "low-poly" / "low poly" joined into one word, and each word reduced to its singular form (pluralize's English
// rules, after the irregular nouns and the words ending in "s" that are singular or foreign listed here).
// promptTokens() keeps the words of a hyphenated compound together as a group ("fire-breathing", "t-rex"), so
// the parser can tell a name ("t-rex") from a compound adjective, and marks where punctuation ends a segment.

import pluralize from 'pluralize';

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
  'chess',
  'pisa',
  'dress',
  'grass',
  'glass',
  'moss',
  'class',
  'cross',
  'brass',
  'compass',
  'hummus',
  'asparagus',
  'hibiscus',
  'narcissus',
  'platypus',
  'pegasus',
  'octopus',
  'nautilus',
  'hippopotamus',
  'stegosaurus',
  'brontosaurus',
  'diplodocus',
  'tyrannosaurus',
  'triceratops',
  'velociraptor',
  'apatosaurus',
  'bus',
  'gas',
  'mattress',
  'fries',
  'series',
  'dais',
  'oasis',
  'tennis',
  'jeans',
  'pants',
  'shorts',
  'scissors',
  'pliers',
  'tongs',
  'sunglasses',
  'goggles',
  'headphones',
  'earphones',
  'binoculars',
  'overalls',
  'pajamas',
  'news',
  'christmas',
  'paris',
  'ufos',
]);

export function singular(word: string): string {
  const irregular = IRREGULAR_SINGULARS[word];
  if (irregular) return irregular;
  if (
    word.length <= 3 ||
    SINGULAR_ENDING_IN_S.has(word) ||
    (!word.endsWith('s') && !word.endsWith('i') && !word.endsWith('a') && !word.endsWith('en'))
  )
    return word;
  if (/(ss|us)$/.test(word)) return word;
  return pluralize.singular(word);
}

/** Lower-case, accent-free words of the text, "low-poly" joined as "lowpoly", hyphenated words split. */
export function promptWords(text: string): string[] {
  return foldText(text)
    .split(/[\s-]+/)
    .filter((word) => word.length > 0);
}

export interface PromptToken {
  /** the word as written, folded and lower case */
  word: string;
  /** its singular form: what names and vocabularies are compared with */
  form: string;
  /** tokens of one hyphenated word share a group number ("t-rex", "fire-breathing") */
  hyphenGroup?: number;
  /** the word as written, when a spelling correction replaced it */
  correctedFrom?: string;
  /** written with "'s": an owner ("a witch's cauldron") */
  possessive?: boolean;
  /** followed by a comma, semicolon, colon, full stop, bracket or dash: the end of a segment of the prompt */
  endsSegment?: boolean;
}

/** The prompt's tokens: folded words with their singular forms, hyphenated words marked as groups. */
export function promptTokens(text: string): PromptToken[] {
  const tokens: PromptToken[] = [];
  let group = 0;
  // "low poly" written with a space is still one style word: join it before the text is cut into words
  for (const chunk of text.replace(/\b(low|high)[\s_]+poly(gon)?\b/gi, '$1poly').split(/\s+/)) {
    const possessive = /[a-z]['’]s\W*$/i.test(chunk);
    if (/^[([]/.test(chunk) || /^[-–—|/]+$/.test(chunk)) endSegment(tokens);
    const folded = foldText(chunk, true)
      .split(' ')
      .filter((raw) => raw.length > 0);
    folded.forEach((raw, index) => {
      const parts = raw.split('-').filter((part) => part.length > 0);
      if (parts.length === 0) return;
      group += parts.length > 1 ? 1 : 0;
      for (const part of parts)
        tokens.push({
          word: part,
          form: singular(part),
          ...(parts.length > 1 ? { hyphenGroup: group } : {}),
          ...(possessive && index === folded.length - 1 ? { possessive: true } : {}),
        });
    });
    if (/[,;:.!?)\]]$/.test(chunk)) endSegment(tokens);
  }
  return tokens;
}

/** Marks the last token so far as the end of a comma-separated segment ("a fox, low poly, game ready"). */
function endSegment(tokens: PromptToken[]): void {
  if (tokens.length > 0) tokens[tokens.length - 1].endsSegment = true;
}

function foldText(text: string, keepHyphens = false): string {
  const folded = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/\blow[\s_-]*poly(gon)?\b/g, ' lowpoly ')
    .replace(/(\d+)\s*(?:-|\s)?\s*(m|cm)\b/g, ' $1 $2 ')
    .replace(/['’]s\b/g, '')
    .replace(keepHyphens ? /[^a-z0-9-]+/g : /[^a-z0-9]+/g, ' ')
    .replace(/(^|\s)-+|-+(?=\s|$)/g, ' ');
  return folded.trim().replace(/\s+/g, ' ');
}
