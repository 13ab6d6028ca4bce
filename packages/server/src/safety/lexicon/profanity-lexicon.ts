// Offensive language. Whole words only: "cockpit", "shiitake" and "Moby Dick" are fine, and so are the bastard
// sword and the rooster (obscenity's substring list refused those).
import type { CategoryLexicon } from './category-lexicon.ts';

export const PROFANITY_LEXICON: CategoryLexicon = {
  category: 'profanity',
  terms: [
    'fuck',
    'fucking',
    'fucker',
    'fucked',
    'motherfucker',
    'motherfucking',
    'fck',
    'fuk',
    'fuq',
    'phuck',
    'cunt',
    'cunts',
    'shit',
    'shitty',
    'bullshit',
    'asshole',
    'assholes',
    'twat',
    'wanker',
    'bollocks',
  ],
  rules: [],
  allow: [],
  appliesToNegativePrompts: true,
};
