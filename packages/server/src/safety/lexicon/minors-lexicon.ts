// Minors in a sexual or violent context: a child word together with nudity, sexual words, or injury and death.
import type { CategoryLexicon } from './category-lexicon.ts';
import { MINOR, NOT_A_PERSON } from './people.ts';
import { GENITAL_WORDS, NUDITY, SEXUAL_ACTS } from './sexual-lexicon.ts';

/** Words that sexualise a person without being explicit on their own. */
const SEXUALISING = [
  'sexy',
  'seductive',
  'seductively',
  'lingerie',
  'provocative',
  'provocatively',
  'sensual',
  'sultry',
  'naughty',
  'posing sexy',
  'thong',
  'stripping',
  'undressing',
];

/** Injury, death and abuse (a child word next to these is refused even where an adult's would not be). */
const HARM = [
  'dead',
  'killed',
  '=murdered',
  'corpse',
  'blood',
  'bloody',
  'bloodied',
  'bleeding',
  '=stabbed',
  '=shot',
  'bullet hole',
  '=beaten',
  'strangled',
  'tortured',
  'abused',
  'abuse',
  'mutilated',
  'decapitated',
  'dismembered',
  '=hanged',
  'drowned',
  'wounded',
  'injured',
];

export const MINORS_LEXICON: CategoryLexicon = {
  category: 'minors',
  terms: [
    'child porn',
    'child pornography',
    'kiddie porn',
    'csam',
    'pedo',
    'pedophile',
    'paedophile',
    'pedophilia',
    'lolicon',
    'shotacon',
    'jailbait',
    'underage sex',
  ],
  rules: [
    { name: 'a minor shown naked', groups: [MINOR, NUDITY], window: 5 },
    { name: 'a minor sexualised', groups: [MINOR, SEXUALISING], window: 6 },
    { name: 'a minor in sexual content', groups: [MINOR, [...SEXUAL_ACTS, ...GENITAL_WORDS]], window: Infinity },
    { name: 'a minor hurt or killed', groups: [MINOR, HARM], window: 4 },
  ],
  allow: [
    ...NOT_A_PERSON,
    'lolita fashion',
    'product shot',
    'shot glass',
    'photo shot',
    'screen shot',
    'mug shot',
    'shot put',
    'flu shot',
    'booster shot',
    'bloody nose',
    'bloody knee',
  ],
};
