// More four-legged animals, each a set of real-world proportions (metres) over quadruped-body.ts: big cats,
// wolf, giraffe, zebra, deer, mouse, hedgehog, goat, camel, hippo, rhino, squirrel, donkey, raccoon.

import { quadruped } from './quadrupeds.ts';

const GOLD_FUR = { kinds: ['fur'], colors: ['sand', 'tan', 'amber'] } as const;

export const lion = quadruped(
  'lion',
  ['lion', 'lioness', 'leon', 'lowe'],
  { bodyLength: 1.9, bodyRadius: 0.36, legLength: 0.6, legRadius: 0.08, neckLength: 0.25, neckAngle: 0.6, headRadius: 0.2, snoutLength: 0.12, snoutRadius: 0.1, ears: 'round', tail: 'tuft', tailLength: 0.8, extras: ['whiskers', 'mane'] },
  GOLD_FUR,
  { kinds: ['fur'], colors: ['brown', 'walnut', 'amber'], words: ['mane'] },
  'a proud lion with a big mane',
);

export const tiger = quadruped(
  'tiger',
  ['tiger', 'tigress', ['leopard', 'leopard'], ['jaguar', 'leopard'], ['cheetah', 'leopard'], ['panther', 'panther'], ['snow leopard', 'leopard'], 'tigre'],
  { bodyLength: 2.0, bodyRadius: 0.33, legLength: 0.6, legRadius: 0.075, neckLength: 0.2, neckAngle: 0.5, headRadius: 0.18, snoutLength: 0.1, snoutRadius: 0.09, ears: 'round', tail: 'thin', tailLength: 0.9, extras: ['whiskers'] },
  { kinds: ['fur'], colors: ['orange', 'amber'] },
  { kinds: ['fur'], colors: ['white', 'cream'] },
  'an orange tiger',
  { leopard: ['leopard', 'jaguar', 'cheetah'], panther: ['panther'] },
  { leopard: { fur: { colors: ['amber', 'sand'] } }, panther: { fur: { colors: ['black', 'charcoal'] }, accent: { colors: ['charcoal'] } } },
);

export const wolf = quadruped(
  'wolf',
  ['wolf', 'werewolf', 'coyote', 'husky', 'lobo', 'loup'],
  { bodyLength: 1.1, bodyRadius: 0.2, legLength: 0.5, legRadius: 0.045, neckLength: 0.18, neckAngle: 0.6, headRadius: 0.12, snoutLength: 0.16, snoutRadius: 0.05, ears: 'pointed', tail: 'bushy', tailLength: 0.45, extras: [] },
  { kinds: ['fur'], colors: ['grey', 'charcoal', 'slate', 'white'] },
  { kinds: ['fur'], colors: ['cream', 'white', 'grey'] },
  'a grey wolf',
);

export const giraffe = quadruped(
  'giraffe',
  ['giraffe', 'jirafa', 'girafe'],
  { bodyLength: 1.9, bodyRadius: 0.42, legLength: 1.6, legRadius: 0.07, neckLength: 1.8, neckAngle: 1.25, headRadius: 0.14, snoutLength: 0.25, snoutRadius: 0.08, ears: 'small', tail: 'tuft', tailLength: 0.8, extras: ['hooves', 'horns'] },
  { kinds: ['fur'], colors: ['amber', 'sand'] },
  { kinds: ['fur'], colors: ['brown', 'walnut'] },
  'a tall giraffe',
);

export const zebra = quadruped(
  'zebra',
  ['zebra', 'cebra', 'zebre'],
  { bodyLength: 1.6, bodyRadius: 0.33, legLength: 0.85, legRadius: 0.06, neckLength: 0.6, neckAngle: 0.9, headRadius: 0.14, snoutLength: 0.3, snoutRadius: 0.09, ears: 'pointed', tail: 'tuft', tailLength: 0.6, extras: ['mane', 'hooves'] },
  { kinds: ['fur'], colors: ['white'] },
  { kinds: ['fur'], colors: ['black'] },
  'a zebra',
);

export const deer = quadruped(
  'deer',
  ['deer', 'stag', 'doe', 'fawn', 'reindeer', 'elk', 'moose', 'caribou', 'ciervo', 'cerf', 'hirsch'],
  { bodyLength: 1.3, bodyRadius: 0.26, legLength: 0.8, legRadius: 0.04, neckLength: 0.45, neckAngle: 1.0, headRadius: 0.11, snoutLength: 0.14, snoutRadius: 0.05, ears: 'pointed', tail: 'short', tailLength: 0.12, extras: ['hooves', 'antlers'] },
  { kinds: ['fur'], colors: ['brown', 'tan', 'amber'] },
  { kinds: ['fur'], colors: ['cream', 'white'] },
  'a deer with antlers',
  undefined,
  undefined,
  { optional: { antler: ['antler'] } },
);

export const mouse = quadruped(
  'mouse',
  ['mouse', 'rat', 'hamster', 'gerbil', 'raton', 'souris', 'maus'],
  { bodyLength: 0.09, bodyRadius: 0.028, legLength: 0.012, legRadius: 0.006, neckLength: 0.005, neckAngle: 0.6, headRadius: 0.02, snoutLength: 0.012, snoutRadius: 0.008, ears: 'round', tail: 'thin', tailLength: 0.09, extras: ['whiskers'] },
  { kinds: ['fur'], colors: ['grey', 'tan', 'white', 'brown'] },
  { kinds: ['fur'], colors: ['pink', 'cream'] },
  'a little grey mouse',
);

export const hedgehog = quadruped(
  'hedgehog',
  ['hedgehog', 'porcupine', 'erizo', 'herisson', 'igel'],
  { bodyLength: 0.22, bodyRadius: 0.08, legLength: 0.02, legRadius: 0.012, neckLength: 0.01, neckAngle: 0.3, headRadius: 0.04, snoutLength: 0.03, snoutRadius: 0.015, ears: 'round', tail: 'short', tailLength: 0.02, extras: ['quills'] },
  { kinds: ['fur'], colors: ['tan', 'brown', 'sand'] },
  { kinds: ['fur'], colors: ['walnut', 'brown', 'charcoal'], words: ['quill', 'spine', 'spike'] },
  'a cute hedgehog',
  undefined,
  undefined,
  { optional: { quill: ['quill', 'spine', 'spike'] } },
);

export const goat = quadruped(
  'goat',
  ['goat', 'billy goat', 'kid goat', 'ibex', 'cabra', 'chevre', 'ziege'],
  { bodyLength: 1.0, bodyRadius: 0.22, legLength: 0.5, legRadius: 0.04, neckLength: 0.2, neckAngle: 0.9, headRadius: 0.1, snoutLength: 0.12, snoutRadius: 0.05, ears: 'small', tail: 'short', tailLength: 0.1, extras: ['horns', 'hooves'] },
  { kinds: ['fur'], colors: ['white', 'cream', 'brown', 'grey'] },
  { kinds: ['fur'], colors: ['cream', 'white'] },
  'a white goat with horns',
);

export const camel = quadruped(
  'camel',
  ['camel', 'dromedary', 'llama', 'alpaca', 'camello', 'chameau', 'kamel'],
  { bodyLength: 2.0, bodyRadius: 0.4, legLength: 1.2, legRadius: 0.07, neckLength: 0.8, neckAngle: 0.7, headRadius: 0.13, snoutLength: 0.25, snoutRadius: 0.08, ears: 'small', tail: 'tuft', tailLength: 0.5, extras: ['hump'] },
  { kinds: ['fur'], colors: ['sand', 'tan'] },
  { kinds: ['fur'], colors: ['tan', 'brown'] },
  'a camel with a hump',
  undefined,
  undefined,
  { optional: { hump: ['hump'] } },
);

export const hippo = quadruped(
  'hippo',
  ['hippo', 'hippopotamus', 'hipopotamo', 'nilpferd'],
  { bodyLength: 3.2, bodyRadius: 0.8, legLength: 0.45, legRadius: 0.22, neckLength: 0.1, neckAngle: 0.2, headRadius: 0.42, snoutLength: 0.4, snoutRadius: 0.35, ears: 'small', tail: 'short', tailLength: 0.3, extras: ['snout-disc'] },
  { kinds: ['skin'], colors: ['grey', 'slate', 'purple'] },
  { kinds: ['skin'], colors: ['pink', 'grey'] },
  'a grey hippo',
);

export const rhino = quadruped(
  'rhino',
  ['rhino', 'rhinoceros', 'rinoceronte', 'nashorn'],
  { bodyLength: 3.0, bodyRadius: 0.7, legLength: 0.6, legRadius: 0.18, neckLength: 0.15, neckAngle: 0.1, headRadius: 0.35, snoutLength: 0.35, snoutRadius: 0.22, ears: 'pointed', tail: 'tuft', tailLength: 0.4, extras: ['unicorn-horn'] },
  { kinds: ['skin'], colors: ['grey', 'slate'] },
  { kinds: ['skin'], colors: ['grey'] },
  'a rhino',
  undefined,
  undefined,
  { optional: { horn: ['horn'] } },
);

export const squirrel = quadruped(
  'squirrel',
  ['squirrel', 'chipmunk', 'ardilla', 'ecureuil', 'eichhornchen'],
  { bodyLength: 0.2, bodyRadius: 0.05, legLength: 0.04, legRadius: 0.01, neckLength: 0.02, neckAngle: 1.0, headRadius: 0.035, snoutLength: 0.015, snoutRadius: 0.012, ears: 'pointed', tail: 'bushy', tailLength: 0.22, extras: ['whiskers'] },
  { kinds: ['fur'], colors: ['ginger', 'brown', 'grey'] },
  { kinds: ['fur'], colors: ['cream', 'white'] },
  'a red squirrel with a bushy tail',
);

export const donkey = quadruped(
  'donkey',
  ['donkey', 'mule', 'burro', 'ane', 'esel'],
  { bodyLength: 1.4, bodyRadius: 0.3, legLength: 0.7, legRadius: 0.06, neckLength: 0.45, neckAngle: 0.8, headRadius: 0.14, snoutLength: 0.25, snoutRadius: 0.09, ears: 'long', tail: 'tuft', tailLength: 0.5, extras: ['mane', 'hooves'] },
  { kinds: ['fur'], colors: ['grey', 'brown', 'tan'] },
  { kinds: ['fur'], colors: ['cream', 'charcoal'] },
  'a grey donkey',
);

export const raccoon = quadruped(
  'raccoon',
  ['raccoon', 'racoon', 'red panda', 'badger', 'mapache'],
  { bodyLength: 0.6, bodyRadius: 0.15, legLength: 0.12, legRadius: 0.03, neckLength: 0.05, neckAngle: 0.5, headRadius: 0.09, snoutLength: 0.05, snoutRadius: 0.03, ears: 'pointed', tail: 'bushy', tailLength: 0.35, extras: ['whiskers'] },
  { kinds: ['fur'], colors: ['grey', 'charcoal'] },
  { kinds: ['fur'], colors: ['black', 'white'] },
  'a raccoon',
);
