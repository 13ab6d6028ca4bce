// Vehicles beyond cars, at real size facing +Z: hot air balloon, helicopter, motorcycle (scooter), skateboard,
// submarine, tractor, tank, flying saucer and sled.

import type { GeneratorDefinition, MaterialSlotDefinition } from '../generator-definition.ts';
import { addWheel } from '../kit/common-parts.ts';
import { partListCategory, ringPoints, type PartSpec } from '../kit/part-list.ts';

const TYRE: MaterialSlotDefinition = {
  kinds: ['rubber'],
  colors: ['black', 'charcoal'],
  words: ['tyre', 'tire', 'wheel'],
};
const METAL: MaterialSlotDefinition = {
  kinds: ['metal'],
  colors: ['silver', 'steel', 'charcoal'],
  words: ['frame', 'metal', 'rim', 'hub'],
};
const GLASS: MaterialSlotDefinition = {
  kinds: ['glass'],
  colors: ['cyan', 'white'],
  words: ['window', 'glass', 'windshield', 'cockpit', 'porthole'],
};

export const hotAirBalloon = partListCategory({
  category: 'hot air balloon',
  family: 'vehicle',
  names: ['hot air balloon', 'air balloon', 'montgolfiere', 'globo aerostatico', 'heissluftballon'],
  slots: {
    envelope: {
      kinds: ['fabric'],
      colors: ['red', 'yellow', 'blue', 'orange'],
      words: ['balloon', 'envelope'],
      primary: true,
    },
    stripe: { kinds: ['fabric'], colors: ['yellow', 'white', 'blue'], words: ['stripe', 'band'] },
    basket: { kinds: ['wood'], colors: ['tan', 'walnut'], words: ['basket', 'gondola'] },
    rope: { kinds: ['fabric'], colors: ['tan'], words: ['rope', 'line'] },
  },
  example: 'a red and yellow hot air balloon',
  parts: [
    {
      part: 'envelope',
      slot: 'envelope',
      lathe: [
        [0.6, 4.2],
        [1.6, 5.2],
        [2.4, 6.8],
        [2.5, 8.2],
        [2.0, 9.6],
        [1.0, 10.3],
        [0, 10.45],
      ],
      segments: 32,
    },
    { part: 'stripe', slot: 'stripe', torus: [2.48, 0.12], at: [0, 7.6, 0], rotate: [Math.PI / 2, 0, 0] },
    { part: 'stripe', slot: 'stripe', torus: [2.2, 0.12], at: [0, 6.2, 0], rotate: [Math.PI / 2, 0, 0] },
    { part: 'basket', slot: 'basket', box: [1.2, 1.0, 1.2], at: [0, 0.5, 0], bevel: 0.05 },
    { part: 'burner', slot: 'rope', cylinder: [0.25, 0.25, 0.3], at: [0, 2.6, 0] },
    ...ringPoints(4, 0.55, 1.0, Math.PI / 4).map(([x, y, z]): PartSpec => ({
      part: 'rope',
      slot: 'rope',
      tube: [
        [x, y, z],
        [x * 1.1, 4.3, z * 1.1],
      ],
      radius: 0.025,
    })),
  ],
});

export const helicopter = partListCategory({
  category: 'helicopter',
  family: 'vehicle',
  names: ['helicopter', 'chopper', 'helicoptero', 'helicoptere', 'hubschrauber'],
  slots: {
    body: {
      kinds: ['paint'],
      colors: ['red', 'yellow', 'white', 'olive', 'blue'],
      words: ['body', 'fuselage', 'tail'],
      primary: true,
    },
    glass: GLASS,
    rotor: { ...METAL, colors: ['charcoal', 'black'], words: ['rotor', 'blade', 'skid', 'propeller'] },
  },
  example: 'a red rescue helicopter',
  parts: [
    { part: 'body', slot: 'body', sphere: [1.0, 1.1, 2.0], at: [0, 1.6, 0.4] },
    { part: 'cockpit', slot: 'glass', sphere: [0.85, 0.8, 0.9], at: [0, 1.85, 1.5] },
    { part: 'tail', slot: 'body', cylinder: [0.2, 0.4, 4.2], at: [0, 1.9, -3.2], rotate: [Math.PI / 2 + 0.05, 0, 0] },
    { part: 'fin', slot: 'body', box: [0.1, 1.1, 0.7], at: [0, 2.4, -5.2], bevel: 0.05 },
    { part: 'tail_rotor', slot: 'rotor', box: [0.05, 1.4, 0.12], at: [0.18, 2.4, -5.2] },
    { part: 'mast', slot: 'rotor', cylinder: [0.12, 0.15, 0.5], at: [0, 2.85, 0.2] },
    { part: 'rotor', slot: 'rotor', box: [10, 0.05, 0.3], at: [0, 3.1, 0.2], rotate: [0, 0.4, 0] },
    { part: 'rotor', slot: 'rotor', box: [10, 0.05, 0.3], at: [0, 3.12, 0.2], rotate: [0, 0.4 + Math.PI / 2, 0] },
    {
      part: 'skid',
      slot: 'rotor',
      capsule: [0.07, 3.0],
      at: [0.8, 0.1, 0.4],
      rotate: [Math.PI / 2, 0, 0],
      mirror: true,
    },
    {
      part: 'strut',
      slot: 'rotor',
      cylinder: [0.05, 0.05, 0.8],
      at: [0.75, 0.5, 1.0],
      rotate: [0, 0, 0.3],
      mirror: true,
    },
    {
      part: 'strut',
      slot: 'rotor',
      cylinder: [0.05, 0.05, 0.8],
      at: [0.75, 0.5, -0.3],
      rotate: [0, 0, 0.3],
      mirror: true,
    },
  ],
});

export const motorcycle: GeneratorDefinition = {
  category: 'motorcycle',
  family: 'vehicle',
  names: [
    'motorcycle',
    'motorbike',
    'dirt bike',
    'chopper bike',
    ['scooter', 'scooter'],
    ['vespa', 'scooter'],
    ['moped', 'scooter'],
    'moto',
    'motocicleta',
    'motorrad',
  ],
  variants: { scooter: ['scooter', 'vespa', 'moped'] },
  slots: {
    body: {
      kinds: ['paint'],
      colors: ['red', 'black', 'blue', 'orange', 'silver'],
      words: ['body', 'tank', 'fairing'],
      primary: true,
    },
    tyre: TYRE,
    metal: { ...METAL, colors: ['silver', 'steel'] },
    seat: { kinds: ['leather'], colors: ['black', 'brown'], words: ['seat', 'saddle'] },
  },
  example: 'a red motorcycle',
  build(context) {
    const { kit, variant } = context;
    const scooter = variant === 'scooter';
    const wheel = scooter ? 0.22 : 0.33;
    for (const z of [-0.7, 0.7]) addWheel(kit, 'tyre', 'metal', [0, wheel, z], wheel, scooter ? 0.12 : 0.14);
    if (scooter) {
      kit.box('floor', 'body', [0.3, 0.08, 0.8], { at: [0, 0.28, 0], bevel: 0.03 });
      kit.sphere('body', 'body', [0.22, 0.3, 0.45], { at: [0, 0.5, -0.45] });
      kit.box('shield', 'body', [0.4, 0.7, 0.1], { at: [0, 0.65, 0.55], rotate: [-0.2, 0, 0], bevel: 0.04 });
      kit.box('seat', 'seat', [0.28, 0.08, 0.55], { at: [0, 0.82, -0.35], bevel: 0.03 });
      kit.cylinder(
        'handlebar',
        'metal',
        { radius: 0.02, height: 0.6 },
        { at: [0, 1.05, 0.5], rotate: [0, 0, Math.PI / 2] },
      );
      kit.cylinder('stem', 'metal', { radius: 0.025, height: 0.4 }, { at: [0, 0.85, 0.55] });
    } else {
      kit.cylinder('fork', 'metal', { radius: 0.03, height: 0.75 }, { at: [0, 0.65, 0.6], rotate: [-0.4, 0, 0] });
      kit.sphere('tank', 'body', [0.2, 0.16, 0.35], { at: [0, 0.9, 0.15] });
      kit.box('engine', 'metal', [0.3, 0.3, 0.45], { at: [0, 0.5, 0.0], bevel: 0.05 });
      kit.box('seat', 'seat', [0.26, 0.08, 0.55], { at: [0, 0.88, -0.35], bevel: 0.03 });
      kit.box('fender', 'body', [0.18, 0.05, 0.45], { at: [0, 0.68, -0.75], rotate: [0.3, 0, 0] });
      kit.cylinder(
        'exhaust',
        'metal',
        { radius: 0.05, height: 0.8 },
        { at: [0.2, 0.35, -0.3], rotate: [Math.PI / 2 - 0.15, 0, 0] },
      );
      kit.cylinder(
        'handlebar',
        'metal',
        { radius: 0.02, height: 0.75 },
        { at: [0, 1.08, 0.45], rotate: [0, 0, Math.PI / 2] },
      );
      kit.sphere('headlight', 'metal', 0.08, { at: [0, 0.98, 0.62] });
    }
  },
};

export const skateboard = partListCategory({
  category: 'skateboard',
  family: 'sports',
  names: ['skateboard', 'skate board', 'longboard', 'patineta', 'monopatin'],
  slots: {
    deck: {
      kinds: ['wood', 'paint'],
      colors: ['red', 'blue', 'birch', 'black', 'green'],
      words: ['deck', 'board'],
      primary: true,
    },
    grip: { kinds: ['rubber'], colors: ['black'], words: ['grip', 'griptape'] },
    truck: METAL,
    wheel: { kinds: ['plastic'], colors: ['white', 'yellow', 'red', 'cyan'], words: ['wheel'] },
  },
  example: 'a red skateboard',
  parts: [
    {
      part: 'deck',
      slot: 'deck',
      extrude: [
        ...Array.from({ length: 9 }, (_, step): [number, number] => [
          Math.cos((step / 8) * Math.PI) * 0.1,
          0.3 + Math.sin((step / 8) * Math.PI) * 0.1,
        ]),
        ...Array.from({ length: 9 }, (_, step): [number, number] => [
          -Math.cos((step / 8) * Math.PI) * 0.1,
          -0.3 - Math.sin((step / 8) * Math.PI) * 0.1,
        ]),
      ],
      depth: 0.015,
      at: [0, 0.1, 0],
      rotate: [Math.PI / 2, 0, 0],
      bevel: 0.004,
    },
    { part: 'grip', slot: 'grip', box: [0.19, 0.003, 0.7], at: [0, 0.11, 0] },
    { part: 'truck', slot: 'truck', box: [0.16, 0.03, 0.05], at: [0, 0.07, 0.28] },
    { part: 'truck', slot: 'truck', box: [0.16, 0.03, 0.05], at: [0, 0.07, -0.28] },
    ...[0.28, -0.28].map((z): PartSpec => ({
      part: 'wheel',
      slot: 'wheel',
      cylinder: [0.028, 0.028, 0.035],
      at: [0.095, 0.03, z],
      rotate: [0, 0, Math.PI / 2],
      mirror: true,
    })),
  ],
});

export const submarine = partListCategory({
  category: 'submarine',
  family: 'vehicle',
  names: ['submarine', 'sub', 'u boat', 'submersible', 'submarino', 'sous marin', 'u boot'],
  slots: {
    hull: {
      kinds: ['paint', 'metal'],
      colors: ['yellow', 'charcoal', 'navy', 'grey'],
      words: ['hull', 'body', 'tower'],
      primary: true,
    },
    glass: GLASS,
    trim: { ...METAL, words: ['propeller', 'periscope', 'fin'] },
  },
  example: 'a yellow submarine',
  parts: [
    { part: 'hull', slot: 'hull', capsule: [1.2, 7], at: [0, 1.3, 0], rotate: [Math.PI / 2, 0, 0] },
    { part: 'tower', slot: 'hull', box: [0.9, 1.2, 2.0], at: [0, 2.8, 0.8], bevel: 0.3 },
    { part: 'periscope', slot: 'trim', cylinder: [0.08, 0.08, 1.2], at: [0, 3.9, 1.2] },
    ...[-2, 0, 2].map((z): PartSpec => ({
      part: 'porthole',
      slot: 'glass',
      cylinder: [0.25, 0.25, 0.05],
      at: [1.17, 1.5, z],
      rotate: [0, 0, Math.PI / 2],
      mirror: true,
    })),
    { part: 'fin', slot: 'trim', box: [2.4, 0.1, 0.8], at: [0, 1.3, -4.2] },
    { part: 'fin', slot: 'trim', box: [0.1, 2.0, 0.8], at: [0, 1.3, -4.2] },
    { part: 'propeller', slot: 'trim', box: [1.2, 0.25, 0.06], at: [0, 1.3, -4.8], rotate: [0, 0, 0.6] },
  ],
});

export const tractor: GeneratorDefinition = {
  category: 'tractor',
  family: 'vehicle',
  names: ['tractor', 'farm tractor', 'bulldozer', 'excavator', 'digger', 'tractor agricola', 'traktor'],
  slots: {
    body: {
      kinds: ['paint'],
      colors: ['green', 'red', 'yellow', 'blue'],
      words: ['body', 'hood', 'cab'],
      primary: true,
    },
    tyre: TYRE,
    hub: { kinds: ['paint'], colors: ['yellow', 'white', 'red'], words: ['hub', 'rim'] },
    glass: GLASS,
    metal: { ...METAL, words: ['exhaust', 'pipe'] },
  },
  example: 'a green farm tractor',
  build({ kit }) {
    addWheel(kit, 'tyre', 'hub', [0.85, 0.8, -0.6], 0.8, 0.45);
    addWheel(kit, 'tyre', 'hub', [-0.85, 0.8, -0.6], 0.8, 0.45);
    addWheel(kit, 'tyre', 'hub', [0.75, 0.45, 1.3], 0.45, 0.3);
    addWheel(kit, 'tyre', 'hub', [-0.75, 0.45, 1.3], 0.45, 0.3);
    kit.box('hood', 'body', [0.9, 0.8, 1.8], { at: [0, 1.1, 0.9], bevel: 0.08 });
    kit.box('chassis', 'body', [1.0, 0.4, 2.8], { at: [0, 0.7, 0.3], bevel: 0.05 });
    kit.box('cab', 'glass', [1.3, 1.3, 1.2], { at: [0, 2.0, -0.6], bevel: 0.05 });
    kit.box('roof', 'body', [1.45, 0.1, 1.35], { at: [0, 2.7, -0.6] });
    kit.box('seat', 'body', [0.5, 0.4, 0.5], { at: [0, 1.5, -0.7] });
    kit.cylinder('exhaust', 'metal', { radius: 0.06, height: 1.2 }, { at: [0.3, 2.0, 1.4] });
  },
};

export const tank = partListCategory({
  category: 'tank',
  family: 'vehicle',
  names: ['tank', 'army tank', 'battle tank', 'panzer', 'tanque'],
  slots: {
    armour: {
      kinds: ['paint'],
      colors: ['olive', 'sand', 'grey'],
      words: ['armour', 'armor', 'body', 'turret', 'hull'],
      primary: true,
    },
    track: { kinds: ['rubber', 'metal'], colors: ['charcoal', 'black'], words: ['track', 'tread', 'wheel'] },
    barrel: { kinds: ['metal'], colors: ['charcoal', 'olive'], words: ['barrel', 'gun', 'cannon'] },
  },
  example: 'an olive green army tank',
  parts: [
    { part: 'track', slot: 'track', capsule: [0.5, 5.0], at: [1.5, 0.5, 0], rotate: [Math.PI / 2, 0, 0], mirror: true },
    { part: 'hull', slot: 'armour', box: [3.0, 0.8, 6.2], at: [0, 1.2, 0], bevel: 0.15 },
    { part: 'turret', slot: 'armour', sphere: [1.3, 0.6, 1.6], at: [0, 1.9, -0.3] },
    {
      part: 'barrel',
      slot: 'barrel',
      cylinder: [0.12, 0.14, 4.0],
      at: [0, 2.0, 2.8],
      rotate: [Math.PI / 2 - 0.05, 0, 0],
    },
    { part: 'hatch', slot: 'armour', cylinder: [0.35, 0.35, 0.15], at: [0.4, 2.5, -0.6] },
  ],
});

export const ufo = partListCategory({
  category: 'flying saucer',
  family: 'vehicle',
  names: ['ufo', 'flying saucer', 'alien spaceship', 'alien ship', 'platillo volante', 'soucoupe volante'],
  slots: {
    hull: {
      kinds: ['metal'],
      colors: ['silver', 'steel', 'charcoal'],
      words: ['hull', 'saucer', 'body'],
      primary: true,
    },
    dome: { ...GLASS, words: ['dome', 'cockpit', 'glass'] },
    light: { kinds: ['solid'], colors: ['lime', 'cyan', 'yellow'], words: ['light', 'lights'] },
  },
  example: 'a silver flying saucer with green lights',
  parts: [
    {
      part: 'saucer',
      slot: 'hull',
      lathe: [
        [0, 0.3],
        [1.5, 0.45],
        [3.0, 0.8],
        [1.5, 1.2],
        [0, 1.25],
      ],
      segments: 40,
    },
    { part: 'dome', slot: 'dome', sphere: [1.1, 0.8, 1.1], at: [0, 1.3, 0] },
    ...ringPoints(10, 2.6, 0.8).map((at): PartSpec => ({ part: 'light', slot: 'light', sphere: 0.14, at })),
    ...ringPoints(3, 1.0, 0.15).map((at): PartSpec => ({ part: 'leg', slot: 'hull', cylinder: [0.06, 0.12, 0.4], at })),
  ],
});

export const sled = partListCategory({
  category: 'sled',
  family: 'vehicle',
  names: ['sled', 'sledge', 'sleigh', 'toboggan', 'santa sleigh', 'trineo', 'luge', 'schlitten'],
  slots: {
    wood: {
      kinds: ['wood', 'paint'],
      colors: ['red', 'oak', 'walnut'],
      words: ['body', 'seat', 'slat'],
      primary: true,
    },
    runner: { kinds: ['metal', 'gold'], colors: ['steel', 'gold', 'charcoal'], words: ['runner', 'blade'] },
  },
  example: 'a red wooden sled',
  parts: [
    { part: 'seat', slot: 'wood', box: [0.45, 0.04, 0.9], at: [0, 0.2, 0], bevel: 0.01 },
    {
      part: 'runner',
      slot: 'runner',
      tube: [
        [0, 0.03, -0.45],
        [0, 0.02, 0.3],
        [0, 0.08, 0.52],
        [0, 0.18, 0.5],
      ],
      radius: 0.015,
      at: [0.2, 0, 0],
      mirror: true,
    },
    { part: 'post', slot: 'wood', box: [0.04, 0.18, 0.04], at: [0.2, 0.11, 0.25], mirror: true },
    { part: 'post', slot: 'wood', box: [0.04, 0.18, 0.04], at: [0.2, 0.11, -0.3], mirror: true },
  ],
  anchors: { top: { at: [0, 0.22, 0], size: 0.2 } },
});
