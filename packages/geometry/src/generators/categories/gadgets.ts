// Electronics at real size: laptop, smartphone, television, desktop computer, camera, headphones, game
// controller, radio, alarm clock and microphone.

import { partListCategory, type PartSpec } from '../kit/part-list.ts';
import type { MaterialSlotDefinition } from '../generator-definition.ts';

const CASE: MaterialSlotDefinition = {
  kinds: ['plastic', 'metal'],
  colors: ['silver', 'black', 'charcoal', 'white'],
  words: ['case', 'body', 'shell', 'frame', 'bell'],
  primary: true,
};
const SCREEN: MaterialSlotDefinition = {
  kinds: ['glass', 'solid'],
  colors: ['charcoal', 'navy', 'cyan'],
  words: ['screen', 'display', 'monitor'],
};
const KEYS: MaterialSlotDefinition = {
  kinds: ['plastic', 'rubber'],
  colors: ['charcoal', 'black', 'grey'],
  words: ['key', 'keyboard', 'button'],
};

export const laptop = partListCategory({
  category: 'laptop',
  family: 'gadget',
  names: ['laptop', 'notebook computer', 'macbook', 'netbook', 'portatil', 'ordinateur portable'],
  slots: { case: CASE, screen: SCREEN, keys: KEYS },
  example: 'a silver laptop',
  parts: [
    { part: 'base', slot: 'case', box: [0.32, 0.016, 0.22], at: [0, 0.008, 0], bevel: 0.004 },
    { part: 'keyboard', slot: 'keys', box: [0.27, 0.002, 0.1], at: [0, 0.017, -0.02] },
    { part: 'touchpad', slot: 'keys', box: [0.09, 0.002, 0.06], at: [0, 0.017, 0.07] },
    { part: 'lid', slot: 'case', box: [0.32, 0.21, 0.008], at: [0, 0.115, -0.145], rotate: [-0.3, 0, 0], bevel: 0.003 },
    { part: 'screen', slot: 'screen', box: [0.29, 0.18, 0.002], at: [0, 0.117, -0.139], rotate: [-0.3, 0, 0] },
  ],
});

export const smartphone = partListCategory({
  category: 'smartphone',
  family: 'gadget',
  names: ['smartphone', 'phone', 'mobile phone', 'cell phone', 'cellphone', 'iphone', 'telefono', 'handy'],
  slots: {
    case: { ...CASE, colors: ['black', 'silver', 'white', 'blue', 'pink'] },
    screen: SCREEN,
    lens: { kinds: ['glass'], colors: ['black'], words: ['camera', 'lens'] },
  },
  example: 'a black smartphone',
  parts: [
    { part: 'body', slot: 'case', box: [0.072, 0.15, 0.008], at: [0, 0.075, 0], bevel: 0.003 },
    { part: 'screen', slot: 'screen', box: [0.066, 0.14, 0.001], at: [0, 0.075, 0.0042] },
    {
      part: 'camera',
      slot: 'lens',
      cylinder: [0.005, 0.005, 0.002],
      at: [-0.02, 0.13, -0.005],
      rotate: [Math.PI / 2, 0, 0],
    },
  ],
});

export const television = partListCategory({
  category: 'television',
  family: 'gadget',
  names: [
    'television',
    'tv',
    'tv set',
    ['retro tv', 'retro'],
    ['old tv', 'retro'],
    ['crt tv', 'retro'],
    'flat screen',
    'monitor',
    'screen',
    'televisor',
    'fernseher',
  ],
  variants: { retro: ['retro', 'old', 'vintage', 'crt', 'antique'] },
  variantSlots: { retro: { case: { kinds: ['wood', 'plastic'], colors: ['walnut', 'cream', 'charcoal'] } } },
  slots: {
    case: CASE,
    screen: SCREEN,
    knob: { kinds: ['plastic', 'metal'], colors: ['charcoal', 'silver'], words: ['knob', 'antenna', 'stand', 'leg'] },
  },
  example: 'a retro tv with antennas',
  parts: ({ variant }) =>
    variant === 'retro'
      ? [
          { part: 'case', slot: 'case', box: [0.5, 0.4, 0.4], at: [0, 0.32, 0], bevel: 0.04 },
          { part: 'screen', slot: 'screen', sphere: [0.17, 0.14, 0.03], at: [-0.05, 0.33, 0.195] },
          {
            part: 'knob',
            slot: 'knob',
            cylinder: [0.025, 0.025, 0.02],
            at: [0.18, 0.38, 0.205],
            rotate: [Math.PI / 2, 0, 0],
          },
          {
            part: 'knob',
            slot: 'knob',
            cylinder: [0.025, 0.025, 0.02],
            at: [0.18, 0.28, 0.205],
            rotate: [Math.PI / 2, 0, 0],
          },
          {
            part: 'antenna',
            slot: 'knob',
            cylinder: [0.004, 0.004, 0.35],
            at: [0.09, 0.65, 0],
            rotate: [0, 0, -0.5],
            mirror: true,
          },
          { part: 'leg', slot: 'knob', cylinder: [0.012, 0.012, 0.12], at: [0.2, 0.06, 0.15], mirror: true },
          { part: 'leg', slot: 'knob', cylinder: [0.012, 0.012, 0.12], at: [0.2, 0.06, -0.15], mirror: true },
        ]
      : [
          { part: 'frame', slot: 'case', box: [1.1, 0.64, 0.04], at: [0, 0.45, 0], bevel: 0.008 },
          { part: 'screen', slot: 'screen', box: [1.06, 0.6, 0.002], at: [0, 0.45, 0.021] },
          { part: 'stand', slot: 'knob', box: [0.06, 0.12, 0.04], at: [0, 0.08, -0.02] },
          { part: 'foot', slot: 'knob', box: [0.35, 0.02, 0.2], at: [0, 0.01, -0.02], bevel: 0.005 },
        ],
});

export const computer = partListCategory({
  category: 'computer',
  family: 'gadget',
  names: ['computer', 'desktop computer', 'pc', 'desktop pc', 'gaming pc', 'workstation', 'ordenador', 'ordinateur'],
  slots: { case: CASE, screen: SCREEN, keys: KEYS },
  example: 'a desktop computer with a monitor and keyboard',
  parts: [
    { part: 'monitor', slot: 'case', box: [0.55, 0.34, 0.03], at: [0, 0.38, 0], bevel: 0.006 },
    { part: 'screen', slot: 'screen', box: [0.52, 0.31, 0.002], at: [0, 0.38, 0.016] },
    { part: 'stand', slot: 'case', box: [0.05, 0.18, 0.04], at: [0, 0.12, -0.02] },
    { part: 'foot', slot: 'case', box: [0.22, 0.015, 0.16], at: [0, 0.0075, -0.02] },
    { part: 'keyboard', slot: 'keys', box: [0.44, 0.02, 0.14], at: [0, 0.01, 0.22], bevel: 0.004 },
    { part: 'tower', slot: 'case', box: [0.2, 0.44, 0.42], at: [0.48, 0.22, 0], bevel: 0.01 },
    { part: 'mouse', slot: 'keys', sphere: [0.03, 0.018, 0.05], at: [0.3, 0.01, 0.22] },
  ],
});

export const camera = partListCategory({
  category: 'camera',
  family: 'gadget',
  names: ['camera', 'photo camera', 'dslr', 'polaroid', 'film camera', 'camara', 'appareil photo', 'kamera'],
  slots: {
    case: { ...CASE, colors: ['black', 'charcoal', 'silver'] },
    trim: { kinds: ['leather', 'metal'], colors: ['brown', 'black', 'silver'], words: ['grip', 'trim', 'strap'] },
    lens: { kinds: ['glass'], colors: ['charcoal', 'black'], words: ['lens'] },
  },
  example: 'a vintage film camera',
  parts: [
    { part: 'body', slot: 'case', box: [0.14, 0.09, 0.06], at: [0, 0.045, 0], bevel: 0.008 },
    { part: 'grip', slot: 'trim', box: [0.142, 0.05, 0.062], at: [0, 0.04, 0] },
    {
      part: 'lens_barrel',
      slot: 'case',
      cylinder: [0.03, 0.033, 0.05],
      at: [0, 0.045, 0.05],
      rotate: [Math.PI / 2, 0, 0],
    },
    { part: 'lens', slot: 'lens', cylinder: [0.024, 0.024, 0.004], at: [0, 0.045, 0.076], rotate: [Math.PI / 2, 0, 0] },
    { part: 'viewfinder', slot: 'case', box: [0.04, 0.025, 0.04], at: [0, 0.1, 0] },
    { part: 'button', slot: 'trim', cylinder: [0.007, 0.007, 0.008], at: [0.05, 0.094, 0] },
  ],
});

export const headphones = partListCategory({
  category: 'headphones',
  family: 'gadget',
  names: ['headphones', 'headphone', 'headset', 'earphones', 'earmuffs', 'auriculares', 'casque audio', 'kopfhorer'],
  slots: {
    band: { ...CASE, words: ['band', 'headband'] },
    cup: {
      kinds: ['plastic', 'leather'],
      colors: ['black', 'white', 'red', 'charcoal'],
      words: ['cup', 'ear', 'cushion', 'pad'],
    },
  },
  traits: { wear: { place: 'head', designSize: 0.1 } },
  example: 'a pair of black headphones',
  parts: [
    { part: 'band', slot: 'band', torus: [0.11, 0.012], arc: Math.PI, at: [0, 0.0, 0] },
    {
      part: 'cup',
      slot: 'cup',
      cylinder: [0.045, 0.045, 0.035],
      at: [0.115, -0.01, 0],
      rotate: [0, 0, Math.PI / 2],
      mirror: true,
    },
    {
      part: 'cushion',
      slot: 'cup',
      torus: [0.035, 0.012],
      at: [0.095, -0.01, 0],
      rotate: [0, Math.PI / 2, 0],
      mirror: true,
    },
  ],
});

export const gameController = partListCategory({
  category: 'game controller',
  family: 'gadget',
  names: ['game controller', 'controller', 'gamepad', 'joystick', 'joypad', 'video game controller', 'mando'],
  slots: {
    case: { ...CASE, colors: ['black', 'white', 'charcoal', 'red'] },
    buttons: { kinds: ['plastic'], colors: ['red', 'cyan', 'lime', 'yellow'], words: ['button'] },
    stick: { kinds: ['rubber'], colors: ['charcoal'], words: ['stick', 'thumbstick', 'dpad'] },
  },
  example: 'a black game controller',
  parts: [
    { part: 'body', slot: 'case', box: [0.11, 0.03, 0.06], at: [0, 0.02, 0], bevel: 0.012 },
    {
      part: 'grip',
      slot: 'case',
      capsule: [0.018, 0.04],
      at: [0.05, 0.018, -0.02],
      rotate: [1.2, 0, 0.35],
      mirror: true,
    },
    { part: 'stick', slot: 'stick', cylinder: [0.008, 0.008, 0.012], at: [0.025, 0.04, -0.01], mirror: true },
    { part: 'dpad', slot: 'stick', box: [0.022, 0.004, 0.007], at: [-0.04, 0.036, 0.01] },
    { part: 'dpad', slot: 'stick', box: [0.007, 0.004, 0.022], at: [-0.04, 0.036, 0.01] },
    ...[
      [0.04, 0.018],
      [0.048, 0.01],
      [0.032, 0.01],
      [0.04, 0.002],
    ].map(([x, z]): PartSpec => ({
      part: 'button',
      slot: 'buttons',
      cylinder: [0.0045, 0.0045, 0.004],
      at: [x, 0.036, z],
    })),
  ],
});

export const radio = partListCategory({
  category: 'radio',
  family: 'gadget',
  names: ['radio', 'boombox', 'stereo', 'speaker', 'transistor radio', 'radio set'],
  slots: {
    case: { ...CASE, kinds: ['wood', 'plastic', 'metal'], colors: ['walnut', 'cream', 'red', 'black'] },
    grille: {
      kinds: ['fabric', 'metal'],
      colors: ['tan', 'charcoal', 'silver'],
      words: ['grille', 'speaker', 'grill'],
    },
    knob: {
      kinds: ['plastic', 'metal'],
      colors: ['gold', 'silver', 'black'],
      words: ['knob', 'dial', 'antenna', 'handle'],
    },
  },
  example: 'an old wooden radio',
  parts: [
    { part: 'case', slot: 'case', box: [0.34, 0.22, 0.14], at: [0, 0.11, 0], bevel: 0.025 },
    {
      part: 'grille',
      slot: 'grille',
      cylinder: [0.065, 0.065, 0.005],
      at: [-0.07, 0.11, 0.07],
      rotate: [Math.PI / 2, 0, 0],
      segments: 28,
    },
    { part: 'dial', slot: 'knob', box: [0.1, 0.05, 0.005], at: [0.09, 0.14, 0.07] },
    {
      part: 'knob',
      slot: 'knob',
      cylinder: [0.014, 0.014, 0.015],
      at: [0.07, 0.06, 0.075],
      rotate: [Math.PI / 2, 0, 0],
    },
    {
      part: 'knob',
      slot: 'knob',
      cylinder: [0.014, 0.014, 0.015],
      at: [0.12, 0.06, 0.075],
      rotate: [Math.PI / 2, 0, 0],
    },
    { part: 'antenna', slot: 'knob', cylinder: [0.003, 0.003, 0.3], at: [0.13, 0.36, -0.04], rotate: [0, 0, -0.3] },
  ],
});

export const alarmClock = partListCategory({
  category: 'clock',
  family: 'gadget',
  names: [
    'clock',
    'alarm clock',
    'wall clock',
    'pocket watch',
    'watch',
    'wristwatch',
    'wrist watch',
    'grandfather clock',
    'cuckoo clock',
    'reloj',
    'horloge',
    'uhr',
    'wecker',
  ],
  slots: {
    case: { ...CASE, kinds: ['metal', 'plastic', 'wood'], colors: ['red', 'silver', 'gold', 'black', 'walnut'] },
    face: { kinds: ['ceramic'], colors: ['white', 'cream'], words: ['face', 'dial'] },
    hand: { kinds: ['solid'], colors: ['black'], words: ['hand', 'number'] },
  },
  example: 'a red alarm clock with two bells',
  parts: [
    {
      part: 'case',
      slot: 'case',
      cylinder: [0.06, 0.06, 0.04],
      at: [0, 0.075, 0],
      rotate: [Math.PI / 2, 0, 0],
      segments: 32,
    },
    {
      part: 'face',
      slot: 'face',
      cylinder: [0.052, 0.052, 0.002],
      at: [0, 0.075, 0.021],
      rotate: [Math.PI / 2, 0, 0],
      segments: 32,
    },
    { part: 'hand', slot: 'hand', box: [0.003, 0.04, 0.002], at: [0, 0.09, 0.023] },
    { part: 'hand', slot: 'hand', box: [0.03, 0.003, 0.002], at: [0.012, 0.075, 0.023] },
    {
      part: 'bell',
      slot: 'case',
      sphere: [0.025, 0.018, 0.025],
      at: [0.038, 0.135, 0],
      rotate: [0, 0, -0.5],
      mirror: true,
    },
    {
      part: 'foot',
      slot: 'case',
      cylinder: [0.005, 0.004, 0.025],
      at: [0.035, 0.012, 0],
      rotate: [0, 0, 0.4],
      mirror: true,
    },
  ],
});

export const microphone = partListCategory({
  category: 'microphone',
  family: 'gadget',
  names: ['microphone', 'mic', 'studio microphone', 'microfono', 'mikrofon'],
  slots: {
    body: { ...CASE, colors: ['black', 'silver', 'gold'] },
    grille: { kinds: ['metal'], colors: ['silver', 'charcoal'], words: ['grille', 'head', 'mesh'] },
  },
  example: 'a vintage silver microphone',
  parts: [
    { part: 'handle', slot: 'body', cylinder: [0.018, 0.012, 0.16], at: [0, 0.08, 0], segments: 20 },
    { part: 'grille', slot: 'grille', sphere: 0.028, at: [0, 0.18, 0] },
    { part: 'ring', slot: 'body', torus: [0.02, 0.004], at: [0, 0.16, 0], rotate: [Math.PI / 2, 0, 0] },
  ],
});
