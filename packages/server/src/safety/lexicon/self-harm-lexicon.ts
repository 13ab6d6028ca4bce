// Self-harm and suicide, in English and a few common terms of other languages; "suicide vest" is a weapon instead.
import type { CategoryLexicon } from './category-lexicon.ts';
import { NOT_A_PERSON, PERSON } from './people.ts';

const SELF = ['myself', 'himself', 'herself', 'themselves', 'themself', 'yourself', 'oneself'];
const selfPhrases = (verbs: readonly string[]) => verbs.flatMap((verb) => SELF.map((self) => `${verb} ${self}`));

export const SELF_HARM_LEXICON: CategoryLexicon = {
  category: 'self-harm',
  terms: [
    'suicide',
    'suicidal',
    'suicides',
    'selbstmord',
    'suizid',
    'suicidio',
    '=kys',
    'self harm',
    'selfharm',
    'self harming',
    'self injury',
    'self mutilation',
    'seppuku',
    'harakiri',
    'hara kiri',
    'overdose',
    'overdosing',
    'slit * wrists',
    'slitting * wrists',
    'slit wrists',
    'slashed wrists',
    'slashing * wrists',
    'cut * wrists',
    'cutting * wrists',
    'gun to * head',
    'pistol to * head',
    'erhangen',
    ...selfPhrases(['kill', 'killing', 'killed', 'cut', 'cutting', 'hang', 'hanging', '=hanged', 'shoot', 'shooting', 'shot', 'stab', 'stabbing', 'stabbed', 'burn', 'burning', 'starve', 'starving']),
  ],
  rules: [
    { name: 'a hanged person', groups: [['=hanged', 'hanging body', 'hanging corpse'], PERSON], window: 3, unless: ['tarot'] },
    { name: 'a noose on a person', groups: [['noose', 'nooses'], [...PERSON, 'neck', '=hanged', 'hanging']], window: 5 },
  ],
  allow: [...NOT_A_PERSON, 'suicide squad', 'suicide door', 'suicide doors', 'suicide king', 'suicide vest', 'suicide belt', 'suicide bomb', 'suicide bomber', 'suicide bombers', 'suicide bombing', 'suicide drone', 'suicide drones'],
  fuzzy: ['suicide', 'suicidal', 'seppuku'],
};
