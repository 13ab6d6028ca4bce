// Simple characters, facing +Z: person (man, woman, child, knight, wizard, astronaut), robot and snowman.
// Arms hang down, or stretch out sideways with t_pose; cartoon styles enlarge heads and eyes.

import type { BuildContext, GeneratorDefinition } from '../generator-definition.ts';
import { addEyes } from '../kit/common-parts.ts';
import type { Vector3Tuple } from '../kit/shapes.ts';

const SKIN_TONES = ['skin', 'tan', 'sand', 'brown', 'walnut', 'cream'];
const CLOTHES = ['blue', 'red', 'green', 'navy', 'grey', 'charcoal', 'white', 'teal', 'maroon'];

/** Two arms from the shoulders: hanging down, or horizontal for a T-pose. */
function arms(
  context: BuildContext,
  slot: string,
  handSlot: string,
  shoulderY: number,
  shoulderX: number,
  length: number,
  radius: number,
): void {
  const { kit, tPose, random } = context;
  for (const side of [-1, 1]) {
    const swing = tPose ? 0 : random.between(0.05, 0.2);
    const direction: Vector3Tuple = tPose
      ? [side, 0, 0]
      : [side * Math.sin(0.12), -Math.cos(0.12), Math.sin(swing) * 0.3];
    const elbow: Vector3Tuple = [
      shoulderX * side + direction[0] * length * 0.5 * (tPose ? 1 : 0.2),
      shoulderY + direction[1] * length * 0.5,
      direction[2] * length * 0.5,
    ];
    const hand: Vector3Tuple = [
      shoulderX * side + direction[0] * length * (tPose ? 1 : 0.25),
      shoulderY + direction[1] * length,
      direction[2] * length,
    ];
    kit.tube('arm', slot, [[shoulderX * side, shoulderY, 0], elbow, hand], radius);
    kit.sphere('hand', handSlot, radius * 1.3, { at: hand, segments: 10 });
    if (side === 1) context.kit.anchor('hand', [hand[0], hand[1], hand[2] + radius * 1.2], radius * 1.3);
  }
}

export const person: GeneratorDefinition = {
  category: 'person',
  family: 'character',
  names: [
    'person',
    'human',
    'man',
    'woman',
    'boy',
    'girl',
    'people',
    'guy',
    'lady',
    ['pirate', 'pirate'],
    ['viking', 'knight'],
    ['soldier', 'knight'],
    ['cowboy', 'cowboy'],
    ['princess', 'woman'],
    ['prince', 'knight'],
    ['child', 'child'],
    ['kid', 'child'],
    ['knight', 'knight'],
    ['wizard', 'wizard'],
    ['witch', 'wizard'],
    ['astronaut', 'astronaut'],
    ['spaceman', 'astronaut'],
    'persona',
    'personne',
    'mensch',
    'hombre',
    'mujer',
    'homme',
    'femme',
    'mann',
    'frau',
  ],
  variants: {
    child: ['child', 'kid', 'boy', 'girl', 'baby'],
    knight: ['knight', 'armor', 'armour', 'armored'],
    wizard: ['wizard', 'witch', 'mage', 'sorcerer'],
    astronaut: ['astronaut', 'spaceman', 'cosmonaut'],
    pirate: ['pirate'],
    cowboy: ['cowboy'],
    woman: ['woman', 'lady', 'girl', 'mujer', 'femme', 'frau'],
  },
  variantSlots: {
    knight: {
      shirt: { kinds: ['metal'], colors: ['steel', 'silver'] },
      pants: { kinds: ['metal'], colors: ['steel', 'iron'] },
    },
    wizard: { shirt: { colors: ['navy', 'purple', 'charcoal'] } },
    astronaut: {
      shirt: { colors: ['white'] },
      pants: { colors: ['white'] },
      accessory: { kinds: ['gold'], colors: ['gold', 'charcoal'] },
    },
  },
  slots: {
    shirt: {
      kinds: ['fabric', 'leather', 'metal'],
      colors: CLOTHES,
      words: ['shirt', 'top', 'jacket', 'coat', 'dress', 'robe', 'torso', 'armor', 'armour', 'suit', 'sweater'],
      primary: true,
    },
    pants: {
      kinds: ['fabric', 'leather'],
      colors: ['navy', 'charcoal', 'tan', 'black', 'grey'],
      words: ['pants', 'trousers', 'jeans', 'leg', 'skirt'],
    },
    skin: { kinds: ['skin'], colors: SKIN_TONES, words: ['skin', 'face', 'head', 'hand'] },
    hair: { kinds: ['fur'], colors: ['black', 'brown', 'walnut', 'sand', 'ginger', 'grey'], words: ['hair', 'beard'] },
    shoes: { kinds: ['leather', 'rubber'], colors: ['black', 'brown', 'white'], words: ['shoe', 'boot'] },
    eyes: { kinds: ['solid'], colors: ['black'], words: ['eye'] },
    accessory: { kinds: ['fabric', 'glass', 'gold'], colors: ['purple', 'navy', 'gold'], words: ['visor'] },
  },
  optional: { hair: ['hair'], pointed_hat: [], helmet: [] },
  example: 'a cartoon knight in silver armour',
  bodyPlan: 'biped',
  build(context) {
    const { kit, random, variant, proportions, style } = context;
    const cartoon = style === 'cartoon';
    const child = variant === 'child';
    const height = random.vary(child ? 1.25 : variant === 'woman' ? 1.66 : 1.76) * proportions.height;
    const build = random.vary(1) * proportions.width;
    const headRadius = height * (cartoon ? 0.13 : child ? 0.085 : 0.065);
    const legLength = height * (cartoon ? 0.36 : 0.47);
    const torsoHeight = height - legLength - headRadius * 2.2;
    const hipWidth = height * 0.09 * build;
    const torsoWidth = height * (variant === 'woman' ? 0.12 : 0.135) * build;
    for (const side of [-1, 1]) {
      kit.capsule('leg', 'pants', height * 0.035 * build, legLength - height * 0.07, {
        at: [side * hipWidth * 0.5, legLength / 2 + 0.03, 0],
      });
      kit.box('shoe', 'shoes', [height * 0.055, height * 0.035, height * 0.12], {
        at: [side * hipWidth * 0.5, height * 0.018, height * 0.025],
        bevel: height * 0.012,
      });
    }
    const torsoBottom = legLength;
    if (variant === 'woman' || variant === 'wizard') {
      kit.cylinder(
        'robe',
        'shirt',
        {
          radiusTop: torsoWidth * 0.8,
          radiusBottom: torsoWidth * (variant === 'wizard' ? 1.5 : 1.25),
          height: variant === 'wizard' ? legLength + torsoHeight * 0.4 : legLength * 0.5,
          segments: 18,
        },
        {
          at: [0, variant === 'wizard' ? (legLength + torsoHeight * 0.4) / 2 + 0.02 : legLength * 0.75, 0],
        },
      );
    }
    kit.capsule(
      'torso',
      'shirt',
      torsoWidth,
      torsoHeight - torsoWidth * 2 > 0 ? torsoHeight - torsoWidth * 1.6 : 0.01,
      { at: [0, torsoBottom + torsoHeight / 2, 0], scale: [1, 1, 0.65] },
    );
    const shoulderY = torsoBottom + torsoHeight * 0.86;
    arms(
      context,
      'shirt',
      variant === 'knight' ? 'shirt' : 'skin',
      shoulderY,
      torsoWidth * 1.05,
      height * (cartoon ? 0.3 : 0.36),
      height * 0.028 * build,
    );
    const headCentre: Vector3Tuple = [0, torsoBottom + torsoHeight + headRadius * 1.05, 0];
    kit.cylinder(
      'neck',
      'skin',
      { radius: headRadius * 0.4, height: headRadius * 0.5, segments: 10 },
      { at: [0, torsoBottom + torsoHeight + headRadius * 0.1, 0] },
    );
    kit.sphere('head', 'skin', [headRadius, headRadius * 1.1, headRadius], { at: headCentre, segments: 18 });
    kit.anchor('head', headCentre, headRadius * 1.1);
    kit.anchor('face', [0, headCentre[1] + headRadius * 0.1, headCentre[2] + headRadius * 0.9], headRadius);
    kit.anchor('neck', [0, torsoBottom + torsoHeight + headRadius * 0.05, 0], headRadius * 0.45);
    kit.anchor('back', [0, torsoBottom + torsoHeight * 0.6, -torsoWidth * 0.6], torsoWidth);
    kit.anchor('body', [0, torsoBottom + torsoHeight * 0.6, 0], torsoWidth);
    addEyes(
      kit,
      'eyes',
      headCentre,
      headRadius * 0.7,
      headRadius * 0.88,
      headRadius * (cartoon ? 0.18 : 0.1),
      headRadius * 0.1,
    );
    kit.sphere('nose', 'skin', headRadius * 0.14, {
      at: [0, headCentre[1] - headRadius * 0.15, headCentre[2] + headRadius],
      segments: 8,
    });
    if (variant === 'astronaut' || (variant === 'knight' && kit.has('helmet'))) {
      kit.sphere('helmet', variant === 'astronaut' ? 'shirt' : 'shirt', headRadius * 1.35, {
        at: headCentre,
        segments: 18,
      });
      if (variant === 'astronaut')
        kit.sphere('visor', 'accessory', [headRadius * 1.0, headRadius * 0.7, headRadius * 0.6], {
          at: [0, headCentre[1], headCentre[2] + headRadius * 0.85],
          segments: 14,
        });
      if (variant === 'knight')
        kit.box('visor', 'eyes', [headRadius * 1.2, headRadius * 0.16, headRadius * 0.3], {
          at: [0, headCentre[1] + headRadius * 0.15, headCentre[2] + headRadius * 1.22],
        });
      if (variant === 'astronaut')
        kit.box('backpack', 'shirt', [torsoWidth * 1.6, torsoHeight * 0.6, torsoWidth * 0.8], {
          at: [0, torsoBottom + torsoHeight * 0.6, -torsoWidth * 0.9],
          bevel: 0.03,
        });
      return;
    }
    if (kit.has('hair')) {
      const long = variant === 'woman' || random.chance(0.2);
      kit.sphere('hair', 'hair', [headRadius * 1.08, headRadius * (long ? 1.15 : 0.75), headRadius * 1.08], {
        at: [0, headCentre[1] + headRadius * (long ? 0.05 : 0.4), headCentre[2] - headRadius * 0.15],
        segments: 16,
      });
    }
    if (variant === 'wizard' && kit.has('pointed_hat')) {
      kit.cylinder(
        'pointed_hat',
        'accessory',
        { radius: headRadius * 1.8, height: headRadius * 0.1, segments: 20 },
        { at: [0, headCentre[1] + headRadius * 0.75, 0] },
      );
      kit.cylinder(
        'pointed_hat',
        'accessory',
        { radiusTop: 0.005, radiusBottom: headRadius * 0.95, height: headRadius * 2.6, segments: 16 },
        { at: [0, headCentre[1] + headRadius * 2.05, 0], rotate: [-0.15, 0, 0] },
      );
    }
  },
};

export const robot: GeneratorDefinition = {
  category: 'robot',
  family: 'character',
  names: ['robot', 'android', 'droid', 'mech', 'cyborg', 'robota', 'robo', 'roboter'],
  variants: { wheeled: ['wheel', 'wheeled', 'rolling'], humanoid: ['humanoid', 'bipedal', 'biped', 'walking'] },
  slots: {
    body: {
      kinds: ['metal', 'paint', 'plastic'],
      colors: ['silver', 'steel', 'white', 'red', 'blue', 'yellow'],
      words: ['body', 'torso', 'head', 'chest', 'arm', 'leg'],
      primary: true,
    },
    joint: {
      kinds: ['metal', 'rubber'],
      colors: ['charcoal', 'black', 'iron'],
      words: ['joint', 'wheel', 'hand', 'claw'],
    },
    light: { kinds: ['solid'], colors: ['cyan', 'red', 'lime', 'yellow'], words: ['eye', 'light', 'led', 'screen'] },
  },
  counts: {
    arms: { words: ['arm'], default: 2, min: 0, max: 6 },
    eyes: { words: ['eye'], default: 2, min: 1, max: 3 },
  },
  optional: { antenna: ['antenna'], leg: ['leg'] },
  example: 'a friendly silver robot with an antenna',
  bodyPlan: 'biped',
  build(context) {
    const { kit, random, variant, counts, proportions, style } = context;
    const height = random.vary(1.5) * proportions.height;
    const width = random.vary(0.5) * proportions.width;
    const headSize = height * (style === 'cartoon' ? 0.3 : 0.2);
    const legHeight = variant === 'wheeled' ? height * 0.15 : height * 0.35;
    const torsoHeight = height - legHeight - headSize;
    if (variant === 'wheeled') {
      kit.box('base', 'joint', [width * 0.9, legHeight * 0.6, width * 0.7], {
        at: [0, legHeight * 0.5, 0],
        bevel: 0.02,
      });
      for (const side of [-1, 1])
        kit.cylinder(
          'wheel',
          'joint',
          { radius: legHeight * 0.5, height: width * 0.15, segments: 16 },
          { at: [side * width * 0.5, legHeight * 0.5, 0], rotate: [0, 0, Math.PI / 2] },
        );
    } else if (kit.has('leg')) {
      for (const side of [-1, 1]) {
        kit.box('leg', 'body', [width * 0.25, legHeight - 0.05, width * 0.28], {
          at: [side * width * 0.25, legHeight / 2 + 0.05, 0],
          bevel: 0.015,
        });
        kit.box('foot', 'joint', [width * 0.3, 0.06, width * 0.42], {
          at: [side * width * 0.25, 0.03, width * 0.06],
          bevel: 0.01,
        });
      }
    }
    kit.box('torso', 'body', [width, torsoHeight, width * 0.65], {
      at: [0, legHeight + torsoHeight / 2, 0],
      bevel: 0.04,
    });
    kit.box('panel', 'light', [width * 0.4, torsoHeight * 0.25, 0.02], {
      at: [0, legHeight + torsoHeight * 0.6, width * 0.33],
    });
    const shoulderY = legHeight + torsoHeight * 0.85;
    for (let arm = 0; arm < counts.arms; arm++) {
      const side = arm % 2 === 0 ? -1 : 1;
      const level = Math.floor(arm / 2);
      const y = shoulderY - level * torsoHeight * 0.3;
      kit.sphere('joint', 'joint', width * 0.12, { at: [side * width * 0.58, y, 0], segments: 10 });
      const hand: Vector3Tuple = context.tPose
        ? [side * (width * 0.58 + height * 0.4), y, 0]
        : [side * width * 0.66, y - height * 0.38, width * 0.05];
      kit.tube(
        'arm',
        'body',
        [[side * width * 0.58, y, 0], [(side * width * 0.58 + hand[0]) / 2, (y + hand[1]) / 2, hand[2] / 2], hand],
        width * 0.07,
      );
      kit.box('claw', 'joint', [width * 0.14, width * 0.14, width * 0.14], { at: hand, bevel: 0.01 });
      if (side === 1) kit.anchor('hand', [hand[0], hand[1], hand[2] + width * 0.08], width * 0.07);
    }
    const headCentre: Vector3Tuple = [0, legHeight + torsoHeight + headSize / 2 + 0.03, 0];
    kit.box('head', 'body', [headSize * 1.2, headSize, headSize], { at: headCentre, bevel: 0.03 });
    kit.anchor('head', headCentre, headSize * 0.6);
    kit.anchor('face', [0, headCentre[1] + headSize * 0.1, headSize * 0.55], headSize * 0.6);
    kit.anchor('neck', [0, legHeight + torsoHeight + 0.02, 0], headSize * 0.35);
    kit.anchor('back', [0, legHeight + torsoHeight * 0.6, -width * 0.33], width * 0.5);
    kit.anchor('body', [0, legHeight + torsoHeight * 0.6, 0], width * 0.5);
    for (let eye = 0; eye < counts.eyes; eye++) {
      const x = counts.eyes === 1 ? 0 : -headSize * 0.25 + (headSize * 0.5 * eye) / (counts.eyes - 1);
      kit.cylinder(
        'eye',
        'light',
        { radius: headSize * 0.12, height: 0.02, segments: 12 },
        { at: [x, headCentre[1] + headSize * 0.1, headSize / 2 + 0.01], rotate: [Math.PI / 2, 0, 0] },
      );
    }
    if (kit.has('antenna')) {
      kit.cylinder(
        'antenna',
        'joint',
        { radius: 0.01, height: headSize * 0.6, segments: 6 },
        { at: [0, headCentre[1] + headSize * 0.8, 0] },
      );
      kit.sphere('antenna', 'light', headSize * 0.09, { at: [0, headCentre[1] + headSize * 1.12, 0], segments: 8 });
    }
  },
};

export const snowman: GeneratorDefinition = {
  category: 'snowman',
  family: 'character',
  names: ['snowman', 'snow man', 'snowwoman', 'frosty', 'muneco de nieve', 'bonhomme de neige', 'schneemann'],
  slots: {
    snow: { kinds: ['snow'], colors: ['snow'], words: ['snow', 'body', 'ball'], primary: true },
    hat: { kinds: ['fabric'], colors: ['black', 'red', 'navy'], words: ['hat'] },
    scarf: { kinds: ['fabric'], colors: ['red', 'green', 'blue', 'orange'], words: ['scarf'] },
    nose: { kinds: ['solid'], colors: ['orange'], words: ['nose', 'carrot'] },
    coal: { kinds: ['solid'], colors: ['black'], words: ['eye', 'button', 'coal'] },
    stick: { kinds: ['bark'], colors: ['bark'], words: ['arm', 'stick', 'branch'] },
  },
  counts: {
    balls: { words: ['ball', 'snowball', 'tier', 'level'], default: 3, min: 2, max: 4 },
    buttons: { words: ['button'], default: 3, min: 0, max: 6 },
  },
  optional: { hat: ['hat'], scarf: ['scarf'], arm: ['arm', 'stick'] },
  bodyPlan: 'biped',
  example: 'a snowman with a red scarf and a black hat',
  build({ kit, random, counts, proportions }) {
    const balls = counts.balls;
    const baseRadius = random.vary(0.4) * proportions.width;
    let y = 0;
    let radius = baseRadius;
    const centres: { y: number; radius: number }[] = [];
    for (let ball = 0; ball < balls; ball++) {
      const centreY = y + radius * 0.9;
      kit.sphere('ball', 'snow', [radius, radius * 0.92 * proportions.height, radius], {
        at: [0, centreY * proportions.height, 0],
        segments: 20,
      });
      centres.push({ y: centreY * proportions.height, radius });
      y = centreY + radius * 0.75;
      radius *= random.between(0.66, 0.74);
    }
    const head = centres[centres.length - 1];
    kit.anchor('head', [0, head.y, 0], head.radius);
    kit.anchor('face', [0, head.y + head.radius * 0.2, head.radius * 0.9], head.radius);
    kit.anchor('neck', [0, head.y - head.radius * 0.75, 0], head.radius * 0.75);
    kit.anchor(
      'back',
      [0, centres[centres.length - 2].y, -centres[centres.length - 2].radius],
      centres[centres.length - 2].radius,
    );
    kit.anchor(
      'hand',
      [
        centres[centres.length - 2].radius * 2.2,
        centres[centres.length - 2].y + centres[centres.length - 2].radius * 1.1,
        0,
      ],
      0.03,
    );
    addEyes(kit, 'coal', [0, head.y, 0], head.radius * 0.7, head.radius * 0.85, head.radius * 0.09, head.radius * 0.22);
    kit.cylinder(
      'nose',
      'nose',
      { radiusTop: 0.002, radiusBottom: head.radius * 0.12, height: head.radius * 0.8, segments: 10 },
      { at: [0, head.y, head.radius * 1.2], rotate: [Math.PI / 2, 0, 0] },
    );
    const middle = centres[centres.length - 2];
    for (let button = 0; button < counts.buttons; button++) {
      const t = (button + 1) / (counts.buttons + 1);
      const angle = -0.6 + 1.2 * t;
      kit.sphere('button', 'coal', middle.radius * 0.08, {
        at: [0, middle.y + Math.sin(-angle) * middle.radius * 0.8, Math.cos(angle) * middle.radius * 0.95],
        segments: 8,
      });
    }
    if (kit.has('arm')) {
      for (const side of [-1, 1]) {
        kit.tube(
          'arm',
          'stick',
          [
            [side * middle.radius * 0.8, middle.y + middle.radius * 0.2, 0],
            [side * middle.radius * 1.6, middle.y + middle.radius * 0.6, 0.05],
            [side * middle.radius * 2.2, middle.y + middle.radius * 1.1, 0],
          ],
          0.015,
        );
      }
    }
    if (kit.has('scarf'))
      kit.torus('scarf', 'scarf', head.radius * 0.8, head.radius * 0.18, {
        at: [0, head.y - head.radius * 0.75, 0],
        rotate: [Math.PI / 2, 0, 0],
      });
    if (kit.has('hat')) {
      kit.cylinder(
        'hat',
        'hat',
        { radius: head.radius * 1.05, height: 0.02, segments: 20 },
        { at: [0, head.y + head.radius * 0.8, 0] },
      );
      kit.cylinder(
        'hat',
        'hat',
        { radius: head.radius * 0.7, height: head.radius * 1.1, segments: 20 },
        { at: [0, head.y + head.radius * 1.35, 0] },
      );
    }
  },
};
