// Tables and desks: a top (rectangular, round or oval) on legs, a pedestal or trestles; desks add drawers.

import type { GeneratorDefinition } from '../generator-definition.ts';
import { addLegs, cornerPositions } from '../kit/common-parts.ts';

const WOODS = ['oak', 'walnut', 'pine', 'birch', 'mahogany'];

export const table: GeneratorDefinition = {
  category: 'table',
  family: 'furniture',
  names: [
    'table',
    ['dining table', 'dining'],
    ['coffee table', 'coffee'],
    ['side table', 'side'],
    ['round table', 'round'],
    ['kitchen table', 'dining'],
    'mesa',
    'tisch',
  ],
  variants: {
    coffee: ['coffee', 'low'],
    round: ['round', 'circular'],
    dining: ['dining', 'kitchen'],
    side: ['side', 'bedside', 'end'],
  },
  slots: {
    top: {
      kinds: ['wood', 'marble', 'glass', 'metal', 'stone'],
      colors: WOODS,
      words: ['top', 'tabletop', 'surface'],
      primary: true,
    },
    leg: { kinds: ['wood', 'metal'], colors: WOODS, words: ['leg', 'base', 'frame', 'apron'], primary: true },
  },
  counts: { legs: { words: ['leg'], default: 4, min: 1, max: 8 } },
  optional: { apron: ['apron', 'rail'], shelf: ['shelf'] },
  example: 'a round marble table with one leg',
  build({ kit, random, variant, counts, proportions }) {
    const round = variant === 'round' || (counts.legs !== 4 && counts.legs !== 2) || random.chance(0.15);
    const baseHeight = variant === 'coffee' ? 0.42 : variant === 'side' ? 0.55 : 0.75;
    const height = random.vary(baseHeight) * proportions.height;
    const width =
      random.vary(variant === 'side' ? 0.5 : variant === 'coffee' ? 1.0 : 1.5) * proportions.width * proportions.length;
    const depth = round ? width : random.vary(variant === 'side' ? 0.5 : 0.85) * proportions.width;
    const thickness = random.vary(0.04);
    const topY = height - thickness / 2;
    if (round) kit.cylinder('top', 'top', { radius: width / 2, height: thickness, segments: 40 }, { at: [0, topY, 0] });
    else kit.box('top', 'top', [width, thickness, depth], { at: [0, topY, 0], bevel: 0.008 });
    const legTop = height - thickness;
    if (counts.legs === 1) {
      kit.cylinder('leg', 'leg', { radius: 0.05, height: legTop }, { at: [0, legTop / 2, 0] });
      kit.cylinder(
        'base',
        'leg',
        { radiusTop: 0.08, radiusBottom: Math.min(width, depth) * 0.3, height: 0.05, segments: 28 },
        { at: [0, 0.025, 0] },
      );
      return;
    }
    if (counts.legs === 2) {
      for (const side of [-1, 1]) {
        kit.box('leg', 'leg', [0.06, legTop, depth * 0.7], { at: [side * (width / 2 - 0.12), legTop / 2, 0] });
        kit.box('foot', 'leg', [0.08, 0.05, depth * 0.8], { at: [side * (width / 2 - 0.12), 0.025, 0] });
      }
      kit.box('stretcher', 'leg', [width - 0.24, 0.05, 0.05], { at: [0, legTop * 0.3, 0] });
      return;
    }
    const shape = random.pick(['square', 'round', 'tapered'] as const);
    const positions: [number, number][] =
      counts.legs === 4 && !round
        ? cornerPositions(width, depth, 0.06)
        : Array.from({ length: counts.legs }, (_, index) => {
            const angle = (index / counts.legs) * Math.PI * 2 + Math.PI / 4;
            return [Math.cos(angle) * (width / 2 - 0.08), Math.sin(angle) * (depth / 2 - 0.08)];
          });
    addLegs(kit, 'leg', positions, legTop, random.vary(0.055), shape);
    if (!round && kit.has('apron')) {
      for (const side of [-1, 1]) {
        kit.box('apron', 'leg', [width - 0.14, 0.08, 0.02], { at: [0, legTop - 0.04, side * (depth / 2 - 0.06)] });
        kit.box('apron', 'leg', [0.02, 0.08, depth - 0.14], { at: [side * (width / 2 - 0.06), legTop - 0.04, 0] });
      }
    }
    if (variant === 'coffee' && kit.has('shelf'))
      kit.box('shelf', 'top', [width - 0.14, 0.025, depth - 0.14], { at: [0, 0.12, 0] });
  },
};

export const desk: GeneratorDefinition = {
  category: 'desk',
  family: 'furniture',
  names: [
    'desk',
    ['writing desk', 'writing'],
    ['computer desk', 'computer'],
    ['office desk', 'computer'],
    'escritorio',
    'bureau',
    'schreibtisch',
  ],
  variants: { writing: ['writing', 'antique'], computer: ['computer', 'office', 'gaming'] },
  slots: {
    top: {
      kinds: ['wood', 'metal', 'plastic', 'glass'],
      colors: WOODS,
      words: ['top', 'surface', 'desktop'],
      primary: true,
    },
    body: {
      kinds: ['wood', 'metal', 'plastic'],
      colors: WOODS,
      words: ['leg', 'drawer', 'body', 'side', 'cabinet'],
      primary: true,
    },
    handle: { kinds: ['metal'], colors: ['brass', 'silver', 'black'], words: ['handle', 'knob', 'pull'] },
  },
  counts: { drawers: { words: ['drawer'], default: 3, min: 0, max: 8 } },
  optional: { drawer: ['drawer', 'cabinet'], handle: ['handle', 'knob'] },
  example: 'a wooden desk with three drawers',
  build({ kit, random, counts, proportions }) {
    const width = random.vary(1.3) * proportions.width * proportions.length;
    const depth = random.vary(0.65);
    const height = random.vary(0.75) * proportions.height;
    const thickness = 0.035;
    kit.box('top', 'top', [width, thickness, depth], { at: [0, height - thickness / 2, 0], bevel: 0.006 });
    const legTop = height - thickness;
    const drawers = kit.has('drawer') ? counts.drawers : 0;
    const pedestalWidth = 0.42;
    // a drawer pedestal on the right when there are drawers, two panel legs otherwise
    if (drawers > 0) {
      const x = width / 2 - pedestalWidth / 2 - 0.02;
      kit.box('pedestal', 'body', [pedestalWidth, legTop, depth - 0.04], { at: [x, legTop / 2, 0] });
      const drawerHeight = (legTop - 0.06) / drawers;
      for (let drawer = 0; drawer < drawers; drawer++) {
        const y = 0.04 + drawerHeight * (drawer + 0.5);
        kit.box('drawer', 'body', [pedestalWidth - 0.04, drawerHeight - 0.02, 0.02], {
          at: [x, y, depth / 2 - 0.01],
          bevel: 0.004,
        });
        kit.box('handle', 'handle', [0.1, 0.015, 0.02], { at: [x, y, depth / 2 + 0.01] });
      }
      kit.box('panel', 'body', [0.03, legTop, depth - 0.04], { at: [-width / 2 + 0.035, legTop / 2, 0] });
    } else {
      const shape = random.pick(['square', 'round'] as const);
      addLegs(kit, 'body', cornerPositions(width, depth, 0.05), legTop, 0.05, shape);
    }
    kit.box('modesty_panel', 'body', [width - (drawers > 0 ? pedestalWidth + 0.06 : 0.1), legTop * 0.45, 0.02], {
      at: [drawers > 0 ? -pedestalWidth / 2 : 0, legTop * 0.72, -depth / 2 + 0.04],
    });
  },
};
