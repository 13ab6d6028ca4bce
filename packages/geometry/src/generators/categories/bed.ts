// Beds: a frame with legs, mattress, pillows, headboard and optional footboard; single, double, king and
// bunk variants.

import type { GeneratorDefinition } from '../generator-definition.ts';
import { addLegs, cornerPositions } from '../kit/common-parts.ts';

export const bed: GeneratorDefinition = {
  category: 'bed',
  family: 'furniture',
  names: [
    'bed',
    ['bunk bed', 'bunk'],
    ['double bed', 'double'],
    ['king size bed', 'king'],
    ['single bed', 'single'],
    'cama',
    'lit',
    'bett',
  ],
  variants: { single: ['single', 'twin'], double: ['double', 'queen'], king: ['king'], bunk: ['bunk'] },
  slots: {
    frame: {
      kinds: ['wood', 'metal'],
      colors: ['oak', 'walnut', 'white', 'pine', 'black'],
      words: ['frame', 'headboard', 'footboard', 'leg', 'ladder'],
      primary: true,
    },
    bedding: {
      kinds: ['fabric'],
      colors: ['white', 'cream', 'grey', 'navy', 'beige', 'teal'],
      words: ['mattress', 'sheet', 'blanket', 'duvet', 'bedding', 'cover', 'quilt'],
    },
    pillow: { kinds: ['fabric'], colors: ['white', 'cream', 'grey'], words: ['pillow', 'cushion'] },
  },
  counts: { pillows: { words: ['pillow'], default: 2, min: 0, max: 6 } },
  optional: {
    headboard: ['headboard'],
    footboard: ['footboard'],
    pillow: ['pillow'],
    blanket: ['blanket', 'duvet', 'quilt'],
  },
  example: 'a double bed with a tall headboard and two pillows',
  build({ kit, random, variant, counts, proportions }) {
    const width =
      random.vary(variant === 'single' || variant === 'bunk' ? 0.95 : variant === 'king' ? 1.9 : 1.5) *
      proportions.width;
    const length = random.vary(2.05) * proportions.length;
    const frameTop = random.vary(0.35) * Math.sqrt(proportions.height);
    const levels = variant === 'bunk' ? 2 : 1;
    for (let level = 0; level < levels; level++) {
      const baseY = level * 1.05;
      kit.box('frame', 'frame', [width + 0.06, 0.1, length + 0.06], {
        at: [0, baseY + frameTop - 0.05, 0],
        bevel: 0.01,
      });
      kit.box('mattress', 'bedding', [width, 0.2, length - 0.04], {
        at: [0, baseY + frameTop + 0.1, 0.02],
        bevel: 0.04,
      });
      if (kit.has('blanket'))
        kit.box('blanket', 'bedding', [width + 0.04, 0.04, length * 0.62], {
          at: [0, baseY + frameTop + 0.2, length * 0.19],
          bevel: 0.02,
        });
      const pillows =
        level === 0 || variant === 'bunk' ? Math.min(counts.pillows, width < 1.2 ? 1 : counts.pillows) : 0;
      for (let pillow = 0; pillow < pillows; pillow++) {
        const x = pillows === 1 ? 0 : -width / 2 + (width * (pillow + 0.5)) / pillows;
        kit.box('pillow', 'pillow', [Math.min(0.65, width / pillows - 0.06), 0.12, 0.38], {
          at: [x, baseY + frameTop + 0.26, -length / 2 + 0.3],
          rotate: [0.15, 0, 0],
          bevel: 0.05,
        });
      }
    }
    const headboardHeight = random.vary(0.6) * proportions.height;
    const topY = (levels - 1) * 1.05 + frameTop;
    if (kit.has('headboard') || variant === 'bunk')
      kit.box('headboard', 'frame', [width + 0.1, topY + headboardHeight, 0.06], {
        at: [0, (topY + headboardHeight) / 2, -length / 2 - 0.03],
        bevel: 0.015,
      });
    if ((variant === 'bunk' || random.chance(0.5)) && kit.has('footboard'))
      kit.box('footboard', 'frame', [width + 0.1, topY + 0.2, 0.05], {
        at: [0, (topY + 0.2) / 2, length / 2 + 0.03],
        bevel: 0.015,
      });
    if (variant === 'bunk') {
      for (let rung = 0; rung < 5; rung++)
        kit.cylinder(
          'ladder',
          'frame',
          { radius: 0.015, height: 0.4, segments: 8 },
          { at: [width / 2 + 0.05, 0.3 + rung * 0.28, length / 2 - 0.4], rotate: [Math.PI / 2, 0, 0] },
        );
      for (const z of [length / 2 - 0.6, length / 2 - 0.2])
        kit.box('ladder', 'frame', [0.04, topY + 0.3, 0.04], { at: [width / 2 + 0.05, (topY + 0.3) / 2, z] });
      for (const [x, z] of cornerPositions(width, length, 0.03))
        kit.box('post', 'frame', [0.06, topY + 0.3, 0.06], { at: [x, (topY + 0.3) / 2, z] });
    } else {
      addLegs(kit, 'frame', cornerPositions(width, length, 0.05), frameTop - 0.1, 0.07, 'square');
    }
  },
};
