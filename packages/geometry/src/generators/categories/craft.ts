// Boats, aircraft, rockets and trains, facing +Z (rockets stand on +Y): the boat hull is a parametric surface
// (half-width and depth as functions along the keel), fuselages and rocket bodies are lathe profiles.

import type { GeneratorDefinition } from '../generator-definition.ts';
import type { Vector2Tuple } from '../kit/shapes.ts';

export const boat: GeneratorDefinition = {
  category: 'boat',
  family: 'vehicle',
  names: [
    'boat',
    'ship',
    ['sailboat', 'sail'],
    ['sailing boat', 'sail'],
    ['sailing ship', 'sail'],
    ['yacht', 'sail'],
    ['rowboat', 'row'],
    ['rowing boat', 'row'],
    ['canoe', 'row'],
    ['motorboat', 'motor'],
    ['speedboat', 'motor'],
    ['pirate ship', 'sail'],
    ['galleon', 'sail'],
    ['viking ship', 'sail'],
    ['kayak', 'row'],
    'barco',
    'bateau',
    'schiff',
  ],
  variants: {
    sail: ['sail', 'sailing', 'pirate', 'mast'],
    row: ['row', 'rowing', 'oar', 'fishing'],
    motor: ['motor', 'speed', 'cabin'],
  },
  slots: {
    hull: {
      kinds: ['wood', 'paint', 'metal', 'plastic'],
      colors: ['walnut', 'oak', 'white', 'navy', 'red'],
      words: ['hull', 'body'],
      primary: true,
    },
    deck: { kinds: ['wood'], colors: ['oak', 'pine', 'bamboo'], words: ['deck', 'floor', 'bench', 'oar'] },
    sail: { kinds: ['fabric'], colors: ['white', 'cream', 'red', 'black'], words: ['sail', 'flag'] },
    mast: { kinds: ['wood', 'metal'], colors: ['walnut', 'silver'], words: ['mast', 'boom'] },
    cabin: { kinds: ['paint', 'wood'], colors: ['white', 'cream'], words: ['cabin'] },
  },
  counts: { masts: { words: ['mast'], default: 1, min: 1, max: 3 } },
  example: 'a small wooden sailboat with a white sail',
  build({ kit, random, variant, counts, proportions }) {
    const kind = variant ?? random.pick(['sail', 'row', 'motor'] as const);
    const length = random.vary(kind === 'row' ? 3.2 : kind === 'sail' ? 6 : 5) * proportions.length;
    const beam = random.vary(kind === 'row' ? 1.1 : 2.0) * proportions.width;
    const depth = random.vary(kind === 'row' ? 0.45 : 0.8) * proportions.height;
    const deckY = depth;
    const transom = kind === 'row' ? 0.5 : 0.68;
    const halfWidth = (u: number) =>
      (beam / 2) * Math.max(0.02, Math.sin(Math.PI * (transom * 0.25 + (1 - transom * 0.25) * u)) ** 0.55);
    const keelDepth = (u: number) => depth * (0.35 + 0.65 * Math.sin(Math.PI * (0.1 + 0.9 * u)) ** 0.4);
    kit.parametric(
      'hull',
      'hull',
      (u, v) => {
        const angle = Math.PI * v;
        return [-Math.cos(angle) * halfWidth(u), deckY - Math.sin(angle) * keelDepth(u), -length / 2 + u * length];
      },
      { slices: 24, stacks: 10, flip: true },
    );
    const deckOutline: Vector2Tuple[] = [];
    for (let step = 0; step <= 12; step++) deckOutline.push([halfWidth(step / 12), -length / 2 + (step / 12) * length]);
    for (let step = 12; step >= 0; step--)
      deckOutline.push([-halfWidth(step / 12), -length / 2 + (step / 12) * length]);
    kit.extrude('deck', 'deck', deckOutline, 0.04, { at: [0, deckY - 0.02, 0], rotate: [Math.PI / 2, 0, 0] });
    if (kind === 'sail') {
      for (let mast = 0; mast < counts.masts; mast++) {
        const z = counts.masts === 1 ? length * 0.05 : length * (0.3 - (0.6 * mast) / (counts.masts - 1));
        const mastHeight = random.vary(length * 1.1) * (mast === 0 ? 1 : 0.8);
        kit.cylinder(
          'mast',
          'mast',
          { radiusTop: 0.04, radiusBottom: 0.07, height: mastHeight, segments: 10 },
          { at: [0, deckY + mastHeight / 2, z] },
        );
        kit.extrude(
          'sail',
          'sail',
          [
            [0, 0.3],
            [0, mastHeight * 0.95],
            [0.01, mastHeight * 0.95],
            [length * 0.38, 0.3],
          ],
          0.02,
          { at: [0, deckY, z - 0.08], rotate: [0, Math.PI / 2, 0] },
        );
        kit.cylinder(
          'boom',
          'mast',
          { radius: 0.04, height: length * 0.4, segments: 8 },
          { at: [0, deckY + 0.3, z - length * 0.2], rotate: [Math.PI / 2, 0, 0] },
        );
      }
    } else if (kind === 'row') {
      for (const z of [-length * 0.2, length * 0.15])
        kit.box('bench', 'deck', [beam * 0.9, 0.04, 0.25], { at: [0, deckY + 0.05, z] });
      for (const side of [-1, 1])
        kit.tube(
          'oar',
          'deck',
          [
            [side * beam * 0.3, deckY + 0.2, 0],
            [side * beam * 1.1, deckY - 0.1, -0.3],
            [side * beam * 1.6, deckY - 0.35, -0.6],
          ],
          0.025,
        );
    } else {
      kit.box('cabin', 'cabin', [beam * 0.6, depth * 0.9, length * 0.3], {
        at: [0, deckY + depth * 0.45, length * 0.02],
        bevel: 0.08,
      });
      kit.box('windshield', 'cabin', [beam * 0.55, depth * 0.5, 0.05], {
        at: [0, deckY + depth * 0.9, length * 0.2],
        rotate: [-0.5, 0, 0],
      });
    }
  },
};

export const airplane: GeneratorDefinition = {
  category: 'airplane',
  family: 'vehicle',
  names: [
    'airplane',
    'aeroplane',
    'plane',
    'aircraft',
    'airliner',
    ['jet', 'jet'],
    ['jet plane', 'jet'],
    ['fighter jet', 'jet'],
    ['fighter plane', 'jet'],
    ['jet fighter', 'jet'],
    ['warplane', 'jet'],
    ['propeller plane', 'propeller'],
    ['biplane', 'propeller'],
    'avion',
    'flugzeug',
  ],
  variants: {
    jet: ['jet', 'airliner', 'passenger', 'jumbo'],
    propeller: ['propeller', 'prop', 'biplane', 'cessna', 'small'],
  },
  slots: {
    body: {
      kinds: ['paint', 'metal'],
      colors: ['white', 'silver', 'red', 'blue', 'yellow'],
      words: ['body', 'fuselage', 'wing', 'tail'],
      primary: true,
    },
    trim: {
      kinds: ['paint', 'metal'],
      colors: ['blue', 'red', 'navy', 'grey'],
      words: ['stripe', 'engine', 'nose', 'tailfin', 'fin'],
    },
    glass: { kinds: ['glass'], colors: ['slate'], words: ['window', 'cockpit'] },
  },
  counts: { engines: { words: ['engine', 'turbine'], default: 2, min: 0, max: 4 } },
  example: 'a white passenger jet with two engines',
  build({ kit, random, variant, counts, proportions }) {
    const propeller = variant === 'propeller' || (variant === undefined && random.chance(0.3));
    const length = random.vary(propeller ? 8 : 30) * proportions.length;
    const radius = length * random.vary(propeller ? 0.07 : 0.055) * proportions.width;
    const span = length * random.vary(propeller ? 1.3 : 1.05);
    const profile: Vector2Tuple[] = [
      [0, 0],
      [radius * 0.35, 0],
      [radius * 0.8, length * 0.2],
      [radius, length * 0.4],
      [radius, length * 0.85],
      [radius * 0.6, length * 0.97],
      [0, length],
    ];
    kit.lathe('fuselage', 'body', profile, {
      at: [0, radius * 1.6, -length / 2],
      rotate: [Math.PI / 2, 0, 0],
      segments: 24,
    });
    const wingChord = length * (propeller ? 0.16 : 0.2);
    const wing: Vector2Tuple[] = [
      [0, 0],
      [span / 2, -wingChord * 0.5],
      [span / 2, -wingChord * 0.8],
      [0, -wingChord * 1.3],
      [-span / 2, -wingChord * 0.8],
      [-span / 2, -wingChord * 0.5],
    ];
    const wingY = propeller ? radius * 2.4 : radius * 1.1;
    kit.extrude('wing', 'body', wing, radius * 0.18, {
      at: [0, wingY, length * 0.1],
      rotate: [Math.PI / 2, 0, 0],
      bevel: radius * 0.04,
    });
    const tailSpan = span * 0.35;
    kit.extrude(
      'stabilizer',
      'body',
      [
        [0, 0],
        [tailSpan / 2, -wingChord * 0.4],
        [tailSpan / 2, -wingChord * 0.6],
        [-tailSpan / 2, -wingChord * 0.6],
        [-tailSpan / 2, -wingChord * 0.4],
      ],
      radius * 0.1,
      { at: [0, radius * 1.8, -length * 0.38], rotate: [Math.PI / 2, 0, 0] },
    );
    kit.extrude(
      'tailfin',
      'trim',
      [
        [0, 0],
        [wingChord * 0.9, 0],
        [wingChord * 0.55, length * 0.18],
        [wingChord * 0.3, length * 0.18],
      ],
      radius * 0.12,
      { at: [0, radius * 2.2, -length * 0.5], rotate: [0, -Math.PI / 2, 0] },
    );
    kit.box('cockpit', 'glass', [radius * 1.1, radius * 0.35, radius * 0.6], {
      at: [0, radius * 2.3, length * 0.42],
      rotate: [-0.4, 0, 0],
    });
    if (propeller) {
      kit.cylinder(
        'spinner',
        'trim',
        { radiusTop: 0.02, radiusBottom: radius * 0.35, height: radius * 0.6, segments: 12 },
        { at: [0, radius * 1.6, length / 2 + radius * 0.3], rotate: [Math.PI / 2, 0, 0] },
      );
      for (const angle of [0, Math.PI / 2])
        kit.box('propeller', 'trim', [radius * 3.2, radius * 0.25, 0.03], {
          at: [0, radius * 1.6, length / 2 + radius * 0.35],
          rotate: [0, 0, angle + 0.3],
        });
      kit.cylinder(
        'wheel',
        'trim',
        { radius: radius * 0.35, height: radius * 0.25, segments: 12 },
        { at: [0, radius * 0.35, -length * 0.4], rotate: [0, 0, Math.PI / 2] },
      );
    } else {
      const engines = counts.engines;
      for (let engine = 0; engine < engines; engine++) {
        const side = engine % 2 === 0 ? -1 : 1;
        const offset = span * (engines > 2 && engine >= 2 ? 0.33 : 0.18);
        kit.cylinder(
          'engine',
          'trim',
          { radiusTop: radius * 0.35, radiusBottom: radius * 0.3, height: wingChord * 0.7, segments: 16 },
          { at: [side * offset, wingY - radius * 0.45, length * 0.12], rotate: [Math.PI / 2, 0, 0] },
        );
      }
      for (const side of [-1, 1]) {
        for (let window = 0; window < 10; window++)
          kit.box('window', 'glass', [0.04, radius * 0.18, radius * 0.18], {
            at: [side * radius * 0.99, radius * 1.9, -length * 0.2 + window * length * 0.055],
          });
      }
    }
    for (const side of [-1, 1])
      kit.cylinder(
        'wheel',
        'trim',
        { radius: radius * 0.35, height: radius * 0.25, segments: 12 },
        { at: [side * radius * 0.8, radius * 0.35, length * 0.05], rotate: [0, 0, Math.PI / 2] },
      );
  },
};

export const rocket: GeneratorDefinition = {
  category: 'rocket',
  family: 'vehicle',
  names: [
    'rocket',
    'spaceship',
    'spacecraft',
    'rocket ship',
    'starship',
    ['space shuttle', 'shuttle'],
    'missile',
    'cohete',
    'fusee',
    'rakete',
  ],
  slots: {
    body: { kinds: ['paint', 'metal'], colors: ['white', 'silver', 'red'], words: ['body', 'hull'], primary: true },
    fin: {
      kinds: ['paint', 'metal'],
      colors: ['red', 'blue', 'orange', 'black'],
      words: ['fin', 'nose', 'cone', 'tip'],
    },
    glass: { kinds: ['glass'], colors: ['cyan'], words: ['window', 'porthole'] },
    nozzle: { kinds: ['metal'], colors: ['charcoal', 'iron'], words: ['nozzle', 'engine', 'booster'] },
  },
  counts: {
    fins: { words: ['fin'], default: 3, min: 0, max: 8 },
    windows: { words: ['window', 'porthole'], default: 1, min: 0, max: 4 },
  },
  example: 'a red and white rocket with four fins',
  build({ kit, random, counts, proportions }) {
    const height = random.vary(3) * proportions.height * proportions.length;
    const radius = random.vary(0.3) * proportions.width;
    const noseStart = height * random.between(0.68, 0.76);
    kit.lathe(
      'body',
      'body',
      [
        [0, 0.25],
        [radius * 0.85, 0.25],
        [radius, height * 0.15],
        [radius, noseStart],
      ],
      { segments: 28 },
    );
    kit.lathe(
      'nose',
      'fin',
      [
        [radius, noseStart],
        [radius * 0.85, noseStart + (height - noseStart) * 0.45],
        [radius * 0.4, noseStart + (height - noseStart) * 0.85],
        [0, height],
      ],
      { segments: 28 },
    );
    kit.cylinder(
      'nozzle',
      'nozzle',
      { radiusTop: radius * 0.5, radiusBottom: radius * 0.75, height: 0.3, segments: 20 },
      { at: [0, 0.15, 0] },
    );
    for (let fin = 0; fin < counts.fins; fin++) {
      const angle = (fin / counts.fins) * Math.PI * 2;
      const outline: Vector2Tuple[] = [
        [0, 0],
        [radius * 0.9, -0.1],
        [radius * 0.9, height * 0.08],
        [0, height * 0.3],
      ];
      kit.extrude('fin', 'fin', outline, 0.05, {
        at: [Math.sin(angle) * radius * 0.9, 0.2, Math.cos(angle) * radius * 0.9],
        rotate: [0, angle - Math.PI / 2, 0],
      });
    }
    for (let window = 0; window < counts.windows; window++) {
      const y = noseStart * (0.75 - window * 0.18);
      kit.cylinder(
        'window',
        'glass',
        { radius: radius * 0.32, height: 0.06, segments: 18 },
        { at: [0, y, radius * 0.98], rotate: [Math.PI / 2, 0, 0] },
      );
      kit.torus('window_frame', 'nozzle', radius * 0.33, 0.025, { at: [0, y, radius * 1.0] });
    }
  },
};

export const train: GeneratorDefinition = {
  category: 'train',
  family: 'vehicle',
  names: [
    'train',
    'locomotive',
    ['steam train', 'steam'],
    ['steam engine', 'steam'],
    ['bullet train', 'bullet'],
    ['high speed train', 'bullet'],
    'tren',
    'zug',
  ],
  variants: { steam: ['steam', 'old', 'vintage'], bullet: ['bullet', 'modern', 'electric', 'shinkansen'] },
  slots: {
    body: {
      kinds: ['paint', 'metal'],
      colors: ['red', 'green', 'black', 'blue', 'white'],
      words: ['body', 'boiler', 'cab', 'carriage', 'wagon', 'car'],
      primary: true,
    },
    trim: { kinds: ['metal'], colors: ['charcoal', 'iron', 'brass'], words: ['wheel', 'chimney', 'funnel', 'frame'] },
    glass: { kinds: ['glass'], colors: ['slate'], words: ['window'] },
  },
  counts: { carriages: { words: ['carriage', 'wagon', 'car', 'coach'], default: 1, min: 0, max: 5 } },
  example: 'a green steam train with two carriages',
  build({ kit, random, variant, counts, proportions }) {
    const bullet = variant === 'bullet';
    const width = random.vary(2.8) * proportions.width;
    const carLength = random.vary(bullet ? 16 : 10) * proportions.length;
    const wheelRadius = bullet ? 0.45 : 0.6;
    const floorY = wheelRadius * 1.5;
    const height = random.vary(bullet ? 3.4 : 3.6) * proportions.height;
    const wheelsUnder = (centreZ: number, length: number, axles: number) => {
      for (let axle = 0; axle < axles; axle++) {
        const z = centreZ - length / 2 + (length * (axle + 0.5)) / axles;
        for (const side of [-1, 1])
          kit.cylinder(
            'wheel',
            'trim',
            { radius: wheelRadius, height: 0.15, segments: 18 },
            { at: [side * (width / 2 - 0.25), wheelRadius, z], rotate: [0, 0, Math.PI / 2] },
          );
      }
    };
    if (bullet) {
      kit.box('body', 'body', [width, height - floorY, carLength * 0.75], {
        at: [0, floorY + (height - floorY) / 2, -carLength * 0.125],
        bevel: 0.4,
      });
      kit.sphere('nose', 'body', [width / 2, (height - floorY) / 2, carLength * 0.28], {
        at: [0, floorY + (height - floorY) / 2, carLength * 0.25],
        segments: 24,
      });
      kit.box('windshield', 'glass', [width * 0.7, 0.6, 1.2], {
        at: [0, height - 0.55, carLength * 0.3],
        rotate: [-0.45, 0, 0],
      });
      wheelsUnder(-carLength * 0.1, carLength * 0.7, 3);
    } else {
      const boilerRadius = width * 0.36;
      const boilerLength = carLength * 0.6;
      kit.box('frame', 'trim', [width * 0.9, 0.3, carLength], { at: [0, floorY, 0] });
      kit.cylinder(
        'boiler',
        'body',
        { radius: boilerRadius, height: boilerLength, segments: 24 },
        { at: [0, floorY + 0.15 + boilerRadius, carLength / 2 - boilerLength / 2], rotate: [Math.PI / 2, 0, 0] },
      );
      kit.cylinder(
        'chimney',
        'trim',
        { radiusTop: 0.35, radiusBottom: 0.22, height: 1.1, segments: 14 },
        { at: [0, floorY + 0.15 + boilerRadius * 2 + 0.45, carLength / 2 - 0.8] },
      );
      kit.sphere('dome', 'trim', 0.35, { at: [0, floorY + 0.15 + boilerRadius * 2, carLength * 0.05], segments: 12 });
      const cabLength = carLength * 0.35;
      kit.box('cab', 'body', [width, height - floorY, cabLength], {
        at: [0, floorY + (height - floorY) / 2, -carLength / 2 + cabLength / 2],
        bevel: 0.06,
      });
      kit.box('roof', 'trim', [width * 1.08, 0.12, cabLength * 1.1], {
        at: [0, height + 0.06, -carLength / 2 + cabLength / 2],
      });
      for (const side of [-1, 1])
        kit.box('window', 'glass', [0.04, 0.8, cabLength * 0.5], {
          at: [side * (width / 2 + 0.005), height - 0.9, -carLength / 2 + cabLength / 2],
        });
      kit.extrude(
        'cowcatcher',
        'trim',
        [
          [-width * 0.45, 0],
          [width * 0.45, 0],
          [0, 0.7],
        ],
        0.8,
        { at: [0, floorY - 0.15, carLength / 2 + 0.3], rotate: [Math.PI / 2, 0, 0] },
      );
      wheelsUnder(0, carLength * 0.85, 3);
    }
    for (let carriage = 0; carriage < counts.carriages; carriage++) {
      const length = carLength * 1.1;
      const centreZ = -carLength / 2 - 0.8 - length / 2 - carriage * (length + 0.8);
      kit.box('carriage', 'body', [width, height - floorY, length], {
        at: [0, floorY + (height - floorY) / 2, centreZ],
        bevel: 0.15,
      });
      for (const side of [-1, 1]) {
        for (let window = 0; window < 5; window++)
          kit.box('window', 'glass', [0.04, 0.8, length * 0.12], {
            at: [side * (width / 2 + 0.005), height - 1.1, centreZ - length / 2 + (length * (window + 0.5)) / 5],
          });
      }
      kit.box('coupling', 'trim', [0.3, 0.3, 0.9], { at: [0, floorY, centreZ + length / 2 + 0.4] });
      wheelsUnder(centreZ, length * 0.85, 2);
    }
  },
};
