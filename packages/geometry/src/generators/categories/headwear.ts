// Headwear, designed around a head of radius 0.1 m centred on the origin (the "head" anchor of characters and
// creatures, so "a cat wearing a wizard hat" scales the hat to the cat's head): helmets (space, viking, knight,
// motorcycle, football, construction, roman), hats (wizard, witch, top, cowboy, pirate, chef, party, beanie,
// sombrero, fedora, bowler, santa, sun), the baseball cap and the crown.

import type { GeneratorDefinition } from '../generator-definition.ts';
import { partListCategory, ringPoints, type PartSpec } from '../kit/part-list.ts';

const ON_HEAD: GeneratorDefinition['traits'] = { wear: { place: 'head', designSize: 0.1 } };

export const helmet = partListCategory({
  category: 'helmet',
  family: 'wearable',
  names: [
    'helmet',
    ['astronaut helmet', 'space'],
    ['space helmet', 'space'],
    ['spacesuit helmet', 'space'],
    ['viking helmet', 'viking'],
    ['knight helmet', 'knight'],
    ['medieval helmet', 'knight'],
    ['motorcycle helmet', 'motorcycle'],
    ['motorbike helmet', 'motorcycle'],
    ['racing helmet', 'motorcycle'],
    ['football helmet', 'football'],
    ['hard hat', 'construction'],
    ['construction helmet', 'construction'],
    ['roman helmet', 'roman'],
    ['spartan helmet', 'roman'],
    ['bike helmet', 'bike'],
    ['bicycle helmet', 'bike'],
    ['army helmet', 'army'],
    'casco',
    'casque',
    'helm',
  ],
  variants: {
    space: ['astronaut', 'space'],
    viking: ['viking', 'horned'],
    knight: ['knight', 'medieval', 'crusader'],
    motorcycle: ['motorcycle', 'racing'],
    football: ['football'],
    construction: ['construction'],
    roman: ['roman', 'spartan', 'gladiator'],
    bike: ['bike', 'cycling'],
    army: ['army', 'military', 'soldier'],
  },
  variantSlots: {
    space: { shell: { kinds: ['plastic'], colors: ['white'] }, visor: { kinds: ['gold'], colors: ['gold'] } },
    viking: { shell: { kinds: ['metal'], colors: ['iron', 'steel', 'bronze'] } },
    knight: { shell: { kinds: ['metal'], colors: ['steel', 'silver'] } },
    construction: { shell: { kinds: ['plastic'], colors: ['yellow', 'orange'] } },
    roman: { shell: { kinds: ['metal'], colors: ['bronze', 'brass'] }, trim: { colors: ['red'] } },
    army: { shell: { kinds: ['paint'], colors: ['olive'] } },
  },
  slots: {
    shell: {
      kinds: ['plastic', 'metal', 'paint'],
      colors: ['red', 'black', 'white', 'blue', 'silver'],
      words: ['shell', 'dome', 'helmet'],
      primary: true,
    },
    visor: {
      kinds: ['glass', 'plastic'],
      colors: ['charcoal', 'black', 'cyan'],
      words: ['visor', 'glass', 'face guard', 'grill', 'guard'],
    },
    trim: {
      kinds: ['metal', 'rubber', 'fabric'],
      colors: ['charcoal', 'grey', 'red'],
      words: ['trim', 'rim', 'crest', 'plume'],
    },
    horn: { kinds: ['ceramic'], colors: ['ivory', 'cream'], words: ['horn'] },
  },
  optional: { horn: ['horn'], visor: ['visor'] },
  traits: ON_HEAD,
  example: 'a white astronaut helmet with a gold visor',
  parts: ({ variant, kit }) => {
    const dome = (radius: number, stretch = 1): PartSpec => ({
      part: 'shell',
      slot: 'shell',
      lathe: [
        [radius, -0.02],
        [radius * 1.02, radius * 0.35],
        [radius * 0.85, radius * 0.8 * stretch],
        [radius * 0.45, radius * 1.05 * stretch],
        [0, radius * 1.12 * stretch],
      ],
      segments: 32,
    });
    switch (variant) {
      case 'space':
        return [
          { part: 'shell', slot: 'shell', sphere: 0.16, at: [0, 0.01, 0], segments: 32 },
          { part: 'visor', slot: 'visor', sphere: [0.12, 0.095, 0.07], at: [0, 0.02, 0.11] },
          { part: 'collar', slot: 'trim', torus: [0.12, 0.022], at: [0, -0.13, 0], rotate: [Math.PI / 2, 0, 0] },
          {
            part: 'light',
            slot: 'trim',
            cylinder: [0.015, 0.015, 0.02],
            at: [0.13, 0.07, 0.04],
            rotate: [0, 0, Math.PI / 2],
            mirror: true,
          },
        ];
      case 'viking':
        return [
          dome(0.115),
          { part: 'band', slot: 'trim', torus: [0.115, 0.008], at: [0, 0.0, 0], rotate: [Math.PI / 2, 0, 0] },
          { part: 'nose_guard', slot: 'shell', box: [0.018, 0.08, 0.01], at: [0, -0.02, 0.115] },
          ...(kit.has('horn')
            ? [
                {
                  part: 'horn',
                  slot: 'horn',
                  tube: [
                    [0.1, 0.06, 0],
                    [0.16, 0.08, 0.01],
                    [0.2, 0.15, 0.03],
                    [0.2, 0.22, 0.05],
                  ],
                  radius: 0.018,
                  mirror: true,
                } satisfies PartSpec,
              ]
            : []),
        ];
      case 'knight':
        return [
          { part: 'shell', slot: 'shell', cylinder: [0.118, 0.118, 0.2], at: [0, 0.0, 0], segments: 28 },
          { part: 'top', slot: 'shell', sphere: [0.118, 0.05, 0.118], at: [0, 0.1, 0] },
          { part: 'visor', slot: 'visor', box: [0.16, 0.012, 0.02], at: [0, 0.03, 0.115] },
          { part: 'breath_holes', slot: 'visor', box: [0.04, 0.05, 0.02], at: [0.03, -0.04, 0.115], mirror: true },
          { part: 'plume', slot: 'trim', sphere: [0.02, 0.06, 0.06], at: [0, 0.17, -0.02] },
        ];
      case 'roman':
        return [
          dome(0.112),
          { part: 'crest', slot: 'trim', box: [0.03, 0.07, 0.22], at: [0, 0.14, -0.01], bevel: 0.01 },
          { part: 'cheek_guard', slot: 'shell', box: [0.01, 0.09, 0.07], at: [0.112, -0.06, 0.05], mirror: true },
        ];
      case 'motorcycle':
      case 'football':
        return [
          dome(0.125, 1.05),
          { part: 'shell', slot: 'shell', box: [0.2, 0.1, 0.06], at: [0, -0.06, 0.08], bevel: 0.02 },
          ...(kit.has('visor')
            ? [
                variant === 'football'
                  ? ({
                      part: 'visor',
                      slot: 'visor',
                      torus: [0.1, 0.006],
                      arc: Math.PI,
                      at: [0, -0.03, 0.11],
                      rotate: [0, 0, Math.PI],
                    } satisfies PartSpec)
                  : ({
                      part: 'visor',
                      slot: 'visor',
                      sphere: [0.11, 0.05, 0.04],
                      at: [0, 0.03, 0.105],
                    } satisfies PartSpec),
              ]
            : []),
        ];
      case 'construction':
        return [
          dome(0.11, 0.9),
          { part: 'brim', slot: 'shell', cylinder: [0.14, 0.14, 0.01], at: [0, -0.015, 0.01], segments: 32 },
          { part: 'ridge', slot: 'shell', box: [0.02, 0.02, 0.2], at: [0, 0.115, 0] },
        ];
      default:
        return [
          dome(0.118),
          { part: 'rim', slot: 'trim', torus: [0.118, 0.007], at: [0, -0.02, 0], rotate: [Math.PI / 2, 0, 0] },
          ...(variant === 'bike'
            ? ringPoints(4, 0.07, 0.1).map((at): PartSpec => ({
                part: 'vent',
                slot: 'trim',
                box: [0.02, 0.01, 0.05],
                at,
              }))
            : []),
        ];
    }
  },
});

export const hat = partListCategory({
  category: 'hat',
  family: 'wearable',
  names: [
    'hat',
    ['wizard hat', 'wizard'],
    ['witch hat', 'witch'],
    ['witches hat', 'witch'],
    ['magic hat', 'wizard'],
    ['top hat', 'top'],
    ['magician hat', 'top'],
    ['cowboy hat', 'cowboy'],
    ['stetson', 'cowboy'],
    ['pirate hat', 'pirate'],
    ['tricorn', 'pirate'],
    ['tricorne', 'pirate'],
    ['chef hat', 'chef'],
    ['toque', 'chef'],
    ['party hat', 'party'],
    ['birthday hat', 'party'],
    ['beanie', 'beanie'],
    ['wool hat', 'beanie'],
    ['winter hat', 'beanie'],
    ['sombrero', 'sombrero'],
    ['fedora', 'fedora'],
    ['trilby', 'fedora'],
    ['bowler hat', 'bowler'],
    ['derby hat', 'bowler'],
    ['santa hat', 'santa'],
    ['christmas hat', 'santa'],
    ['sun hat', 'sun'],
    ['straw hat', 'sun'],
    ['panama hat', 'fedora'],
    'chapeau',
  ],
  variants: {
    wizard: ['wizard', 'magic', 'sorcerer'],
    witch: ['witch'],
    top: ['top', 'magician'],
    cowboy: ['cowboy', 'western'],
    pirate: ['pirate'],
    chef: ['chef', 'cook'],
    party: ['party'],
    beanie: ['beanie', 'knitted'],
    sombrero: ['sombrero', 'mexican'],
    fedora: ['fedora', 'detective'],
    bowler: ['bowler'],
    santa: ['santa'],
    sun: ['sun', 'straw', 'beach'],
  },
  variantSlots: {
    wizard: { crown: { colors: ['navy', 'purple', 'blue'] }, band: { colors: ['gold', 'yellow'] } },
    witch: { crown: { colors: ['black', 'charcoal', 'purple'] } },
    top: { crown: { colors: ['black', 'charcoal'] }, band: { colors: ['maroon', 'black'] } },
    cowboy: { crown: { kinds: ['leather'], colors: ['tan', 'brown'] } },
    pirate: { crown: { colors: ['black'] }, band: { colors: ['gold'] } },
    chef: { crown: { colors: ['white'] } },
    party: { crown: { kinds: ['paper'], colors: ['pink', 'cyan', 'yellow'] }, band: { colors: ['white', 'gold'] } },
    santa: { crown: { colors: ['red'] }, band: { colors: ['white'] } },
    sun: { crown: { kinds: ['paper'], colors: ['sand', 'tan'] } },
  },
  slots: {
    crown: {
      kinds: ['fabric', 'leather', 'paper'],
      colors: ['black', 'brown', 'grey', 'navy', 'red'],
      words: ['hat', 'crown', 'brim', 'top'],
      primary: true,
    },
    band: {
      kinds: ['fabric'],
      colors: ['black', 'maroon', 'gold', 'white'],
      words: ['band', 'ribbon', 'pompom', 'trim', 'buckle', 'star'],
    },
  },
  traits: ON_HEAD,
  example: 'a purple wizard hat with stars',
  parts: ({ variant }) => {
    const brim = (radius: number, y = 0.07): PartSpec => ({
      part: 'brim',
      slot: 'crown',
      cylinder: [radius, radius, 0.008],
      at: [0, y, 0],
      segments: 36,
    });
    switch (variant) {
      case 'wizard':
      case 'witch':
        return [
          brim(variant === 'witch' ? 0.22 : 0.18),
          {
            part: 'crown',
            slot: 'crown',
            lathe: [
              [0.1, 0.07],
              [0.08, 0.16],
              [0.05, 0.26],
              [0.02, 0.34],
              [0.002, 0.38],
            ],
            at: [0, 0, 0],
            rotate: [-0.12, 0, 0],
          },
          { part: 'band', slot: 'band', torus: [0.098, 0.01], at: [0, 0.085, 0], rotate: [Math.PI / 2 - 0.12, 0, 0] },
          ...(variant === 'wizard'
            ? ringPoints(3, 0.07, 0.16, 0.6).map(([x, y, z]): PartSpec => ({
                part: 'star',
                slot: 'band',
                sphere: [0.012, 0.012, 0.004],
                at: [x * 0.9, y + 0.03, Math.abs(z) + 0.03],
              }))
            : []),
        ];
      case 'top':
        return [
          brim(0.15),
          { part: 'crown', slot: 'crown', cylinder: [0.1, 0.095, 0.17], at: [0, 0.16, 0], segments: 32 },
          { part: 'band', slot: 'band', cylinder: [0.1, 0.1, 0.03], at: [0, 0.09, 0], segments: 32 },
        ];
      case 'cowboy':
        return [
          {
            part: 'brim',
            slot: 'crown',
            lathe: [
              [0.21, 0.1],
              [0.15, 0.07],
              [0.1, 0.068],
              [0.1, 0.075],
              [0.15, 0.078],
              [0.21, 0.108],
            ],
            segments: 36,
          },
          { part: 'crown', slot: 'crown', sphere: [0.1, 0.075, 0.11], at: [0, 0.1, 0] },
          { part: 'band', slot: 'band', cylinder: [0.101, 0.101, 0.018], at: [0, 0.085, 0], segments: 32 },
        ];
      case 'pirate':
        return [
          { part: 'crown', slot: 'crown', sphere: [0.11, 0.07, 0.11], at: [0, 0.09, 0] },
          ...[0, 2.1, 4.2].map((angle): PartSpec => ({
            part: 'brim',
            slot: 'crown',
            box: [0.2, 0.07, 0.012],
            at: [Math.sin(angle) * 0.1, 0.12, Math.cos(angle) * 0.1],
            rotate: [-0.3, angle, 0],
          })),
          { part: 'skull', slot: 'band', sphere: [0.018, 0.02, 0.005], at: [0, 0.14, 0.135] },
        ];
      case 'chef':
        return [
          { part: 'band', slot: 'crown', cylinder: [0.1, 0.1, 0.06], at: [0, 0.1, 0], segments: 32 },
          { part: 'crown', slot: 'crown', sphere: [0.13, 0.1, 0.13], at: [0, 0.2, 0] },
        ];
      case 'party':
        return [
          { part: 'crown', slot: 'crown', cylinder: [0.002, 0.075, 0.2], at: [0, 0.17, 0], segments: 24 },
          { part: 'pompom', slot: 'band', sphere: 0.02, at: [0, 0.275, 0] },
        ];
      case 'beanie':
      case 'santa':
        return [
          { part: 'crown', slot: 'crown', sphere: [0.108, 0.1, 0.108], at: [0, 0.045, 0] },
          { part: 'band', slot: 'band', torus: [0.105, 0.018], at: [0, 0.035, 0], rotate: [Math.PI / 2, 0, 0] },
          ...(variant === 'santa'
            ? ([
                {
                  part: 'crown',
                  slot: 'crown',
                  cylinder: [0.01, 0.07, 0.15],
                  at: [0.05, 0.17, -0.02],
                  rotate: [0, 0, -0.7],
                },
                { part: 'pompom', slot: 'band', sphere: 0.025, at: [0.11, 0.22, -0.02] },
              ] satisfies PartSpec[])
            : [{ part: 'pompom', slot: 'band', sphere: 0.025, at: [0, 0.15, 0] } satisfies PartSpec]),
        ];
      case 'sombrero':
      case 'sun':
        return [
          brim(variant === 'sombrero' ? 0.3 : 0.2),
          {
            part: 'crown',
            slot: 'crown',
            cylinder: [0.06, 0.1, variant === 'sombrero' ? 0.16 : 0.08],
            at: [0, variant === 'sombrero' ? 0.15 : 0.11, 0],
            segments: 28,
          },
          { part: 'band', slot: 'band', cylinder: [0.1, 0.1, 0.02], at: [0, 0.08, 0], segments: 28 },
        ];
      default:
        // fedora, bowler, a plain hat
        return [
          brim(variant === 'bowler' ? 0.13 : 0.16),
          { part: 'crown', slot: 'crown', sphere: [0.1, variant === 'bowler' ? 0.1 : 0.085, 0.11], at: [0, 0.08, 0] },
          { part: 'band', slot: 'band', cylinder: [0.101, 0.101, 0.02], at: [0, 0.085, 0], segments: 32 },
        ];
    }
  },
});

export const cap = partListCategory({
  category: 'cap',
  family: 'wearable',
  names: ['cap', 'baseball cap', 'trucker cap', 'snapback', 'gorra', 'casquette', 'kappe'],
  slots: {
    crown: {
      kinds: ['fabric'],
      colors: ['red', 'blue', 'black', 'navy', 'white', 'green'],
      words: ['cap', 'crown'],
      primary: true,
    },
    visor: {
      kinds: ['fabric', 'plastic'],
      colors: ['black', 'navy', 'white'],
      words: ['visor', 'brim', 'peak', 'bill'],
    },
  },
  traits: ON_HEAD,
  example: 'a red baseball cap',
  parts: [
    {
      part: 'crown',
      slot: 'crown',
      lathe: [
        [0.108, 0.03],
        [0.106, 0.07],
        [0.085, 0.12],
        [0.04, 0.145],
        [0, 0.15],
      ],
      segments: 32,
    },
    {
      part: 'visor',
      slot: 'visor',
      cylinder: [0.09, 0.09, 0.006],
      at: [0, 0.035, 0.1],
      rotate: [0.15, 0, 0],
      segments: 24,
    },
    { part: 'button', slot: 'visor', sphere: [0.01, 0.006, 0.01], at: [0, 0.15, 0] },
  ],
});

export const crown = partListCategory({
  category: 'crown',
  family: 'wearable',
  names: ['crown', 'tiara', 'diadem', 'coronet', 'corona', 'couronne', 'krone'],
  slots: {
    band: { kinds: ['gold', 'metal'], colors: ['gold', 'silver'], words: ['band', 'crown', 'point'], primary: true },
    jewel: {
      kinds: ['glass'],
      colors: ['red', 'blue', 'green', 'violet'],
      words: ['jewel', 'gem', 'ruby', 'sapphire', 'emerald', 'diamond', 'stone'],
    },
  },
  counts: { points: { words: ['point', 'spike'], default: 6, min: 3, max: 12 } },
  optional: { jewel: ['jewel', 'gem'] },
  traits: ON_HEAD,
  example: 'a gold crown with red jewels',
  parts: ({ counts, kit }) => [
    { part: 'band', slot: 'band', cylinder: [0.105, 0.1, 0.05], at: [0, 0.085, 0], segments: 36, open: true },
    ...ringPoints(counts.points, 0.104, 0.125).map(([x, y, z]): PartSpec => ({
      part: 'point',
      slot: 'band',
      cylinder: [0.002, 0.018, 0.05],
      at: [x, y + 0.01, z],
      segments: 6,
    })),
    ...ringPoints(counts.points, 0.104, 0.14).map(([x, y, z]): PartSpec => ({
      part: 'ball',
      slot: 'band',
      sphere: 0.007,
      at: [x, y + 0.02, z],
    })),
    ...(kit.has('jewel')
      ? ringPoints(counts.points, 0.107, 0.085, Math.PI / counts.points).map((at): PartSpec => ({
          part: 'jewel',
          slot: 'jewel',
          sphere: 0.011,
          at,
        }))
      : []),
  ],
});
