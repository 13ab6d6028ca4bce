// Weapons, modelled upright: sword (dagger, katana, broadsword variants), spear, shield and bow with arrows.

import type { GeneratorDefinition } from '../generator-definition.ts';

const GRIP_COLOURS = ['brown', 'black', 'maroon', 'navy'];

export const sword: GeneratorDefinition = {
  category: 'sword',
  family: 'weapon',
  names: [
    'sword',
    'blade',
    'sabre',
    'saber',
    'rapier',
    'longsword',
    ['dagger', 'dagger'],
    ['knife', 'dagger'],
    ['katana', 'katana'],
    ['broadsword', 'broad'],
    'espada',
    'epee',
    'schwert',
  ],
  variants: {
    dagger: ['dagger', 'knife'],
    katana: ['katana', 'samurai', 'japanese'],
    broad: ['broad', 'great', 'claymore'],
  },
  slots: {
    blade: {
      kinds: ['metal', 'gold', 'glass', 'wood'],
      colors: ['steel', 'silver'],
      words: ['blade', 'edge'],
      primary: true,
    },
    guard: {
      kinds: ['metal', 'gold'],
      colors: ['brass', 'gold', 'steel', 'iron'],
      words: ['guard', 'crossguard', 'hilt', 'pommel'],
    },
    grip: { kinds: ['leather', 'wood', 'fabric'], colors: GRIP_COLOURS, words: ['grip', 'handle'] },
  },
  optional: { guard: ['guard', 'crossguard'], pommel: ['pommel'] },
  example: 'a long steel sword with a golden hilt',
  build({ kit, random, variant, proportions }) {
    const dagger = variant === 'dagger';
    const katana = variant === 'katana';
    const bladeLength = random.vary(dagger ? 0.22 : katana ? 0.7 : 0.8) * proportions.length * proportions.height;
    const bladeWidth =
      random.vary(dagger ? 0.03 : variant === 'broad' ? 0.07 : katana ? 0.032 : 0.05) * proportions.width;
    const gripLength = random.vary(dagger ? 0.1 : katana ? 0.26 : 0.18);
    const guardY = gripLength;
    const tip = katana ? bladeWidth * 1.5 : bladeWidth * 1.2;
    const outline: [number, number][] = katana
      ? [
          [-bladeWidth / 2, 0],
          [bladeWidth / 2, 0],
          [bladeWidth / 2, bladeLength - tip],
          [0, bladeLength],
          [-bladeWidth / 2, bladeLength - tip * 0.2],
        ]
      : [
          [-bladeWidth / 2, 0],
          [bladeWidth / 2, 0],
          [bladeWidth * 0.42, bladeLength - tip],
          [0, bladeLength],
          [-bladeWidth * 0.42, bladeLength - tip],
        ];
    kit.extrude('blade', 'blade', outline, 0.006, { at: [0, guardY, 0], bevel: 0.002 });
    if (katana) {
      kit.cylinder('guard', 'guard', { radius: 0.04, height: 0.008, segments: 18 }, { at: [0, guardY, 0] });
    } else if (kit.has('guard')) {
      const guardWidth = random.vary(dagger ? 0.08 : 0.2) * Math.sqrt(proportions.width);
      kit.box('guard', 'guard', [guardWidth, 0.02, 0.03], { at: [0, guardY, 0], bevel: 0.006 });
    }
    kit.cylinder(
      'grip',
      'grip',
      { radius: katana ? 0.016 : 0.014, height: gripLength, segments: 10 },
      { at: [0, gripLength / 2, 0] },
    );
    if (!katana && kit.has('pommel')) kit.sphere('pommel', 'guard', 0.022, { at: [0, -0.01, 0], segments: 12 });
  },
};

export const spear: GeneratorDefinition = {
  category: 'spear',
  family: 'weapon',
  names: ['spear', 'lance', 'javelin', 'pike', 'trident', 'lanza', 'speer'],
  variants: { trident: ['trident'] },
  slots: {
    head: {
      kinds: ['metal', 'stone', 'gold'],
      colors: ['steel', 'iron', 'bronze'],
      words: ['head', 'tip', 'point', 'blade', 'prong'],
      primary: true,
    },
    shaft: { kinds: ['wood', 'metal'], colors: ['oak', 'pine', 'walnut'], words: ['shaft', 'pole', 'handle'] },
  },
  counts: { prongs: { words: ['prong', 'point', 'tine'], default: 3, min: 2, max: 5 } },
  example: 'a long wooden spear with an iron tip',
  build({ kit, random, variant, counts, proportions }) {
    const length = random.vary(1.9) * proportions.length * proportions.height;
    kit.cylinder(
      'shaft',
      'shaft',
      { radius: 0.016 * proportions.width, height: length, segments: 10 },
      { at: [0, length / 2, 0] },
    );
    const headLength = random.vary(0.22);
    const headWidth = random.vary(0.05) * proportions.width;
    if (variant === 'trident') {
      const prongs = counts.prongs;
      const span = headWidth * 2;
      kit.box('crossbar', 'head', [span + 0.02, 0.02, 0.02], { at: [0, length, 0] });
      for (let prong = 0; prong < prongs; prong++) {
        const x = -span / 2 + (span * prong) / (prongs - 1);
        kit.cylinder(
          'prong',
          'head',
          { radiusTop: 0.001, radiusBottom: 0.008, height: headLength, segments: 8 },
          { at: [x, length + headLength / 2, 0] },
        );
      }
      return;
    }
    kit.extrude(
      'head',
      'head',
      [
        [0, 0],
        [headWidth / 2, headLength * 0.3],
        [0, headLength],
        [-headWidth / 2, headLength * 0.3],
      ],
      0.008,
      { at: [0, length - 0.02, 0], bevel: 0.002 },
    );
    kit.cylinder(
      'socket',
      'head',
      { radiusTop: 0.012, radiusBottom: 0.018, height: 0.07, segments: 10 },
      { at: [0, length - 0.03, 0] },
    );
  },
};

export const shield: GeneratorDefinition = {
  category: 'shield',
  family: 'weapon',
  names: [
    'shield',
    ['round shield', 'round'],
    ['buckler', 'round'],
    ['kite shield', 'kite'],
    'escudo',
    'bouclier',
    'schild',
  ],
  variants: { round: ['round', 'viking', 'circular'], kite: ['kite', 'knight', 'heater', 'crusader'] },
  slots: {
    face: {
      kinds: ['wood', 'metal', 'leather'],
      colors: ['oak', 'red', 'navy', 'walnut', 'steel'],
      words: ['face', 'front', 'body'],
      primary: true,
    },
    rim: {
      kinds: ['metal', 'gold'],
      colors: ['iron', 'steel', 'brass', 'gold'],
      words: ['rim', 'edge', 'boss', 'trim'],
    },
  },
  optional: { boss: ['boss'], rim: ['rim', 'edge', 'trim'] },
  example: 'a round wooden viking shield with an iron boss',
  build({ kit, random, variant, proportions }) {
    const shape = variant ?? random.pick(['round', 'kite'] as const);
    const size = random.vary(shape === 'round' ? 0.8 : 0.95) * proportions.height;
    const width = size * (shape === 'round' ? 1 : 0.7) * proportions.width;
    const centreY = size / 2;
    if (shape === 'round') {
      kit.cylinder(
        'face',
        'face',
        { radius: width / 2, height: 0.025, segments: 36 },
        { at: [0, centreY, 0], rotate: [Math.PI / 2, 0, 0] },
      );
      if (kit.has('rim')) kit.torus('rim', 'rim', width / 2, 0.014, { at: [0, centreY, 0] });
    } else {
      const outline: [number, number][] = [
        [-width / 2, size * 0.35],
        [-width / 2, size],
        [width / 2, size],
        [width / 2, size * 0.35],
        [width * 0.25, size * 0.1],
        [0, 0],
        [-width * 0.25, size * 0.1],
      ];
      kit.extrude('face', 'face', outline, 0.025, { bevel: 0.006 });
      if (kit.has('rim')) kit.box('rim', 'rim', [width + 0.01, 0.03, 0.035], { at: [0, size, 0] });
      kit.box('cross', 'rim', [width * 0.12, size * 0.7, 0.03], { at: [0, size * 0.55, 0.004] });
      kit.box('cross', 'rim', [width * 0.8, size * 0.08, 0.03], { at: [0, size * 0.7, 0.004] });
    }
    if (shape === 'round' && kit.has('boss'))
      kit.sphere('boss', 'rim', [width * 0.11, width * 0.11, width * 0.07], { at: [0, centreY, 0.012] });
    kit.box('handle', 'face', [0.12, 0.025, 0.03], { at: [0, centreY, -0.03] });
  },
};

export const bow: GeneratorDefinition = {
  category: 'bow',
  family: 'weapon',
  names: ['bow', ['longbow', 'long'], ['bow and arrow', 'arrows'], 'recurve bow', 'arco', 'bogen'],
  variants: { arrows: ['arrow', 'quiver'], long: ['long', 'longbow'] },
  slots: {
    limb: {
      kinds: ['wood', 'metal', 'plastic'],
      colors: ['walnut', 'oak', 'mahogany', 'black'],
      words: ['limb', 'body', 'riser', 'grip'],
      primary: true,
    },
    string: { kinds: ['solid'], colors: ['cream', 'white'], words: ['string'] },
    arrow: { kinds: ['wood'], colors: ['pine', 'oak'], words: ['arrow', 'shaft'] },
    fletching: { kinds: ['fabric'], colors: ['red', 'white', 'green', 'black'], words: ['fletching', 'feather'] },
  },
  counts: { arrows: { words: ['arrow'], default: 1, min: 1, max: 6 } },
  optional: { string: ['string'] },
  example: 'a wooden longbow with two arrows',
  build({ kit, random, variant, counts, proportions }) {
    const height = random.vary(variant === 'long' ? 1.8 : 1.3) * proportions.height * proportions.length;
    const draw = random.vary(0.18) * proportions.width;
    const points: [number, number, number][] = Array.from({ length: 9 }, (_, index) => {
      const t = index / 8;
      const y = t * height;
      const bend = Math.sin(Math.PI * t) * draw;
      return [0, y, -bend];
    });
    kit.tube('limb', 'limb', points, 0.014);
    kit.cylinder('grip', 'limb', { radius: 0.022, height: 0.12, segments: 10 }, { at: [0, height / 2, -draw] });
    if (kit.has('string'))
      kit.cylinder('string', 'string', { radius: 0.002, height, segments: 4 }, { at: [0, height / 2, 0] });
    if (variant === 'arrows' || counts.arrows > 1) {
      for (let arrow = 0; arrow < counts.arrows; arrow++) {
        const x = 0.04 + arrow * 0.03;
        const length = height * 0.55;
        kit.cylinder(
          'arrow',
          'arrow',
          { radius: 0.004, height: length, segments: 6 },
          { at: [x, height / 2, 0.0], rotate: [Math.PI / 2, 0, 0] },
        );
        kit.cylinder(
          'arrowhead',
          'limb',
          { radiusTop: 0.0005, radiusBottom: 0.01, height: 0.05, segments: 4 },
          { at: [x, height / 2, -length / 2 - 0.025], rotate: [-Math.PI / 2, 0, 0] },
        );
        for (const angle of [0, (Math.PI * 2) / 3, (Math.PI * 4) / 3]) {
          kit.box('fletching', 'fletching', [0.002, 0.025, 0.07], {
            at: [x + Math.cos(angle) * 0.012, height / 2 + Math.sin(angle) * 0.012, length / 2 - 0.05],
            rotate: [0, 0, angle],
          });
        }
      }
    }
  },
};
