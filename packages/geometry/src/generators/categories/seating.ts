// Seating: chair (armchair, office and rocking variants), stool, bench and sofa. Dimensions follow common
// furniture sizes (seat 0.45 m high, backrest 0.4–0.5 m above it); counts and proportions stretch them.

import type { GeneratorDefinition } from '../generator-definition.ts';
import { addLegs, cornerPositions } from '../kit/common-parts.ts';
import type { PartKit } from '../kit/part-kit.ts';

const WOODS = ['oak', 'walnut', 'pine', 'birch', 'mahogany'];
const UPHOLSTERY = ['grey', 'beige', 'navy', 'green', 'red', 'charcoal', 'cream', 'teal'];

/** Leg feet positions for `count` legs under a seat of width × depth. */
function legLayout(count: number, width: number, depth: number, inset: number): [number, number][] {
  if (count === 4) return cornerPositions(width, depth, inset);
  const radius = Math.min(width, depth) / 2 - inset;
  return Array.from({ length: count }, (_, index) => {
    const angle = Math.PI / 2 + (index / count) * Math.PI * 2;
    return [Math.cos(angle) * radius, Math.sin(angle) * radius] as [number, number];
  });
}

function pedestal(kit: PartKit, slot: string, topY: number, baseRadius: number, spokes: number): void {
  kit.cylinder('leg', slot, { radius: 0.03, height: topY - 0.06 }, { at: [0, topY / 2 + 0.03, 0] });
  if (spokes === 0) {
    kit.cylinder(
      'base',
      slot,
      { radiusTop: baseRadius * 0.5, radiusBottom: baseRadius, height: 0.04 },
      { at: [0, 0.02, 0] },
    );
    return;
  }
  for (let spoke = 0; spoke < spokes; spoke++) {
    const angle = (spoke / spokes) * Math.PI * 2;
    kit.box('base', slot, [baseRadius, 0.03, 0.04], {
      at: [(Math.cos(angle) * baseRadius) / 2, 0.05, (Math.sin(angle) * baseRadius) / 2],
      rotate: [0, -angle, 0],
    });
    kit.sphere('caster', slot, 0.025, {
      at: [Math.cos(angle) * baseRadius, 0.025, Math.sin(angle) * baseRadius],
      segments: 8,
    });
  }
}

export const chair: GeneratorDefinition = {
  category: 'chair',
  family: 'furniture',
  names: [
    'chair',
    'seat',
    ['armchair', 'armchair'],
    ['office chair', 'office'],
    ['desk chair', 'office'],
    ['rocking chair', 'rocking'],
    ['dining chair', 'dining'],
    'silla',
    'chaise',
    'stuhl',
    'sessel',
  ],
  variants: {
    armchair: ['arm', 'armed'],
    office: ['office', 'swivel', 'gaming'],
    rocking: ['rocking', 'rocker'],
    dining: ['dining', 'kitchen'],
  },
  slots: {
    frame: {
      kinds: ['wood', 'metal', 'plastic'],
      colors: WOODS,
      words: ['frame', 'leg', 'back', 'backrest', 'arm', 'armrest', 'rocker'],
      primary: true,
    },
    seat: { kinds: ['wood', 'fabric', 'leather', 'plastic'], colors: WOODS, words: ['seat', 'cushion'], primary: true },
  },
  variantSlots: {
    office: {
      frame: { kinds: ['metal', 'plastic'], colors: ['black', 'charcoal', 'silver'] },
      seat: { kinds: ['fabric', 'leather'], colors: ['black', 'charcoal', 'navy', 'grey'] },
    },
  },
  counts: { legs: { words: ['leg'], default: 4, min: 1, max: 8 } },
  optional: { backrest: ['back', 'backrest'], armrest: ['arm', 'armrest'], leg: ['leg'], rocker: ['rocker'] },
  example: 'a wooden chair with a tall back',
  build({ kit, random, variant, counts, proportions }) {
    const width = random.vary(0.46) * proportions.width;
    const depth = random.vary(0.44) * Math.sqrt(proportions.width);
    const seatY = random.vary(0.45) * Math.sqrt(proportions.height);
    const backHeight = random.vary(0.45) * proportions.height * (variant === 'office' ? 1.2 : 1);
    const seatThickness = variant === 'office' ? 0.08 : 0.04;
    const legThickness = random.vary(0.038);
    const office = variant === 'office';
    kit.box('seat', 'seat', [width, seatThickness, depth], { at: [0, seatY, 0], bevel: office ? 0.03 : 0.008 });
    kit.anchor('top', [0, seatY + seatThickness / 2, 0.02], Math.min(width, depth) / 2);
    if (office) pedestal(kit, 'frame', seatY - seatThickness / 2, 0.3, 5);
    else if (counts.legs === 1) pedestal(kit, 'frame', seatY - seatThickness / 2, 0.22, 0);
    else if (variant === 'rocking') {
      addLegs(kit, 'frame', cornerPositions(width, depth, 0.04), seatY - seatThickness / 2, legThickness, 'round');
      for (const side of [-1, 1]) {
        const points: [number, number, number][] = Array.from({ length: 7 }, (_, index) => {
          const t = index / 6 - 0.5;
          return [side * (width / 2 - 0.04), 0.02 + t * t * 0.35, t * depth * 1.9];
        });
        kit.tube('rocker', 'frame', points, 0.02);
      }
    } else {
      const shape = random.pick(['square', 'round', 'tapered'] as const);
      addLegs(
        kit,
        'frame',
        legLayout(counts.legs, width, depth, 0.035),
        seatY - seatThickness / 2,
        legThickness,
        shape,
      );
    }
    if (kit.has('backrest')) {
      const backZ = -depth / 2 + 0.02;
      const backStyle = office ? 'panel' : random.pick(['slats', 'panel', 'spindles'] as const);
      const top = seatY + backHeight;
      for (const side of [-1, 1])
        kit.box('backrest', 'frame', [0.035, backHeight, 0.035], {
          at: [side * (width / 2 - 0.02), seatY + backHeight / 2, backZ],
        });
      if (backStyle === 'panel') {
        kit.box('backrest', office ? 'seat' : 'frame', [width - 0.03, backHeight * 0.75, office ? 0.07 : 0.025], {
          at: [0, seatY + backHeight * 0.58, backZ],
          bevel: office ? 0.03 : 0.006,
        });
      } else if (backStyle === 'slats') {
        for (let slat = 0; slat < 3; slat++) {
          kit.box('backrest', 'frame', [width - 0.06, 0.06, 0.02], {
            at: [0, top - 0.05 - slat * backHeight * 0.28, backZ],
          });
        }
      } else {
        kit.box('backrest', 'frame', [width, 0.06, 0.03], { at: [0, top - 0.03, backZ] });
        for (let spindle = 0; spindle < 5; spindle++) {
          const x = -width / 2 + 0.06 + (spindle * (width - 0.12)) / 4;
          kit.cylinder(
            'backrest',
            'frame',
            { radius: 0.01, height: backHeight - 0.06, segments: 8 },
            { at: [x, seatY + (backHeight - 0.06) / 2, backZ] },
          );
        }
      }
    }
    if (variant === 'armchair' || office) {
      for (const side of [-1, 1]) {
        kit.box('armrest', 'frame', [0.05, 0.03, depth * 0.85], {
          at: [side * (width / 2 + 0.02), seatY + 0.22, 0],
          bevel: 0.01,
        });
        kit.box('armrest', 'frame', [0.03, 0.22, 0.03], { at: [side * (width / 2 + 0.02), seatY + 0.11, depth * 0.3] });
      }
    }
  },
};

export const stool: GeneratorDefinition = {
  category: 'stool',
  family: 'furniture',
  names: ['stool', ['bar stool', 'bar'], ['footstool', 'foot'], 'taburete', 'tabouret', 'hocker'],
  variants: { bar: ['bar', 'counter', 'kitchen'] },
  slots: {
    frame: { kinds: ['wood', 'metal'], colors: WOODS, words: ['leg', 'frame', 'footrest'], primary: true },
    seat: {
      kinds: ['wood', 'leather', 'fabric', 'plastic'],
      colors: WOODS,
      words: ['seat', 'top', 'cushion'],
      primary: true,
    },
  },
  counts: { legs: { words: ['leg'], default: 3, min: 1, max: 6 } },
  optional: { footrest: ['footrest', 'ring', 'rung'], leg: ['leg'] },
  example: 'a tall bar stool with three metal legs',
  build({ kit, random, variant, counts, proportions }) {
    const height = random.vary(variant === 'bar' ? 0.75 : 0.45) * proportions.height;
    const radius = random.vary(0.17) * proportions.width;
    const splay = random.between(0.04, 0.1);
    kit.cylinder('seat', 'seat', { radius, height: 0.045, segments: 24 }, { at: [0, height, 0] });
    if (counts.legs === 1) {
      pedestal(kit, 'frame', height - 0.02, radius * 1.1, 0);
      return;
    }
    for (let leg = 0; leg < counts.legs; leg++) {
      const angle = (leg / counts.legs) * Math.PI * 2;
      const top: [number, number, number] = [
        Math.cos(angle) * radius * 0.7,
        height - 0.02,
        Math.sin(angle) * radius * 0.7,
      ];
      const foot: [number, number, number] = [
        Math.cos(angle) * (radius * 0.7 + splay + height * 0.08),
        0,
        Math.sin(angle) * (radius * 0.7 + splay + height * 0.08),
      ];
      kit.tube('leg', 'frame', [top, foot], 0.018);
    }
    if (kit.has('footrest') && height > 0.5) {
      kit.torus('footrest', 'frame', radius * 0.7 + splay * 0.7 + height * 0.05, 0.012, {
        at: [0, height * 0.3, 0],
        rotate: [Math.PI / 2, 0, 0],
      });
    }
  },
};

export const bench: GeneratorDefinition = {
  category: 'bench',
  family: 'furniture',
  names: ['bench', ['park bench', 'park'], ['garden bench', 'park'], 'banco', 'banc', 'bank'],
  variants: { park: ['park', 'garden', 'outdoor'] },
  slots: {
    seat: {
      kinds: ['wood', 'stone', 'metal', 'plastic'],
      colors: WOODS,
      words: ['seat', 'slat', 'plank', 'backrest', 'back'],
      primary: true,
    },
    frame: { kinds: ['wood', 'metal'], colors: WOODS, words: ['leg', 'frame', 'armrest'] },
  },
  counts: {
    legs: { words: ['leg'], default: 4, min: 2, max: 8 },
    slats: { words: ['slat', 'plank', 'board'], default: 4, min: 1, max: 10 },
  },
  optional: { backrest: ['back', 'backrest'], armrest: ['arm', 'armrest'] },
  example: 'a long park bench with a backrest',
  build({ kit, random, variant, counts, proportions }) {
    const length = random.vary(1.4) * proportions.length * proportions.width;
    const depth = random.vary(0.42);
    const seatY = random.vary(0.45) * Math.sqrt(proportions.height);
    const park = variant === 'park';
    const slats = counts.slats;
    const gap = 0.012;
    const slatDepth = (depth - gap * (slats - 1)) / slats;
    for (let slat = 0; slat < slats; slat++) {
      kit.box('slat', 'seat', [length, 0.035, slatDepth], {
        at: [0, seatY, -depth / 2 + slatDepth / 2 + slat * (slatDepth + gap)],
        bevel: 0.005,
      });
      kit.anchor('top', [0, seatY + 0.0175, 0], depth / 2);
    }
    const legPairs = Math.max(1, Math.round(counts.legs / 2));
    for (let pair = 0; pair < legPairs; pair++) {
      const x = legPairs === 1 ? 0 : -length / 2 + 0.12 + (pair * (length - 0.24)) / (legPairs - 1);
      for (const side of [-1, 1])
        kit.box('leg', 'frame', [0.05, seatY - 0.02, 0.05], { at: [x, (seatY - 0.02) / 2, side * (depth / 2 - 0.05)] });
      kit.box('leg', 'frame', [0.05, 0.04, depth - 0.04], { at: [x, seatY - 0.04, 0] });
    }
    if ((park || random.chance(0.4)) && kit.has('backrest')) {
      const backHeight = 0.4 * proportions.height;
      for (let board = 0; board < 3; board++) {
        kit.box('backrest', 'seat', [length, 0.08, 0.025], {
          at: [0, seatY + 0.12 + board * backHeight * 0.3, -depth / 2 - 0.02],
          rotate: [-0.15, 0, 0],
          bevel: 0.005,
        });
      }
      for (const x of [-length / 2 + 0.12, length / 2 - 0.12])
        kit.box('backrest', 'frame', [0.04, backHeight + 0.1, 0.04], {
          at: [x, seatY + backHeight / 2, -depth / 2 - 0.04],
        });
      if (park && kit.has('armrest')) {
        for (const x of [-length / 2 - 0.02, length / 2 + 0.02])
          kit.box('armrest', 'frame', [0.05, 0.04, depth * 0.9], { at: [x, seatY + 0.22, 0], bevel: 0.01 });
      }
    }
  },
};

export const sofa: GeneratorDefinition = {
  category: 'sofa',
  family: 'furniture',
  names: ['sofa', 'couch', 'settee', ['loveseat', 'loveseat'], 'divan', 'canape', 'sillon'],
  variants: { loveseat: ['loveseat'] },
  slots: {
    upholstery: {
      kinds: ['fabric', 'leather'],
      colors: UPHOLSTERY,
      words: ['cushion', 'seat', 'back', 'upholstery', 'arm', 'armrest', 'pillow'],
      primary: true,
    },
    leg: { kinds: ['wood', 'metal'], colors: ['walnut', 'oak', 'black'], words: ['leg', 'foot'] },
  },
  counts: { seats: { words: ['seat', 'seater', 'cushion', 'place'], default: 3, min: 1, max: 6 } },
  optional: { armrest: ['arm', 'armrest'], leg: ['leg', 'foot'], pillow: ['pillow'] },
  example: 'a grey fabric sofa with three seats',
  build({ kit, random, variant, counts, proportions }) {
    const seats = variant === 'loveseat' ? 2 : counts.seats;
    const seatWidth = random.vary(0.6) * proportions.width;
    const width = seats * seatWidth;
    const depth = random.vary(0.85);
    const baseY = 0.12;
    const seatTop = random.vary(0.44) * Math.sqrt(proportions.height);
    const armWidth = 0.16;
    kit.box('base', 'upholstery', [width, seatTop - baseY - 0.12, depth], {
      at: [0, baseY + (seatTop - baseY - 0.12) / 2, 0],
      bevel: 0.03,
    });
    for (let seat = 0; seat < seats; seat++) {
      const x = -width / 2 + seatWidth * (seat + 0.5);
      kit.box('cushion', 'upholstery', [seatWidth - 0.02, 0.12, depth - 0.22], {
        at: [x, seatTop - 0.06, 0.08],
        bevel: 0.045,
      });
      kit.box('back_cushion', 'upholstery', [seatWidth - 0.03, 0.42 * proportions.height, 0.16], {
        at: [x, seatTop + 0.19 * proportions.height, -depth / 2 + 0.2],
        rotate: [-0.12, 0, 0],
        bevel: 0.05,
      });
    }
    kit.box('back', 'upholstery', [width, seatTop + 0.42 * proportions.height - baseY, 0.16], {
      at: [0, baseY + (seatTop + 0.42 * proportions.height - baseY) / 2, -depth / 2 + 0.08],
      bevel: 0.04,
    });
    if (kit.has('armrest')) {
      for (const side of [-1, 1])
        kit.box('armrest', 'upholstery', [armWidth, seatTop + 0.16 - baseY, depth], {
          at: [side * (width / 2 + armWidth / 2), baseY + (seatTop + 0.16 - baseY) / 2, 0],
          bevel: 0.05,
        });
    }
    if (random.chance(0.6) && kit.has('pillow')) {
      for (const side of [-1, 1])
        kit.box('pillow', 'upholstery', [0.4, 0.4, 0.12], {
          at: [side * (width / 2 - 0.3), seatTop + 0.18, -depth / 2 + 0.34],
          rotate: [-0.25, side * 0.3, side * 0.15],
          bevel: 0.05,
        });
    }
    const totalWidth = width + (kit.has('armrest') ? 2 * armWidth : 0);
    addLegs(
      kit,
      'leg',
      cornerPositions(totalWidth, depth, 0.06),
      baseY,
      0.05,
      random.pick(['tapered', 'round', 'square'] as const),
    );
  },
};
