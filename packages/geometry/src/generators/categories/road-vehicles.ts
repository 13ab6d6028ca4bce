// Road vehicles, facing +Z: car (sedan, sports, SUV, taxi variants), truck (lorry, pickup, fire engine),
// bus (city, school, double-decker) and bicycle.

import type { GeneratorDefinition } from '../generator-definition.ts';
import { addWheel } from '../kit/common-parts.ts';
import type { PartKit } from '../kit/part-kit.ts';

const PAINT_COLOURS = ['red', 'blue', 'silver', 'black', 'white', 'green', 'yellow', 'orange', 'navy', 'grey'];
const VEHICLE_SLOTS = {
  body: {
    kinds: ['paint', 'metal', 'plastic', 'wood'],
    colors: PAINT_COLOURS,
    words: ['body', 'paint', 'door', 'hood', 'roof', 'car'],
    primary: true,
  },
  glass: { kinds: ['glass'], colors: ['slate', 'charcoal'], words: ['window', 'windshield', 'glass'] },
  tyre: { kinds: ['rubber'], colors: ['black', 'charcoal'], words: ['tyre', 'tire', 'wheel'] },
  trim: {
    kinds: ['metal'],
    colors: ['silver', 'steel', 'charcoal'],
    words: ['hub', 'rim', 'bumper', 'trim', 'grille'],
  },
  light: { kinds: ['solid'], colors: ['ivory'], words: ['light', 'headlight', 'lamp'] },
} as const;

function axleWheels(kit: PartKit, z: number, halfTrack: number, radius: number, width: number): void {
  for (const side of [-1, 1]) addWheel(kit, 'tyre', 'trim', [side * halfTrack, radius, z], radius, width);
}

function headlights(kit: PartKit, frontZ: number, y: number, halfWidth: number, radius: number): void {
  for (const side of [-1, 1])
    kit.cylinder(
      'headlight',
      'light',
      { radius, height: 0.02, segments: 12 },
      { at: [side * halfWidth, y, frontZ], rotate: [Math.PI / 2, 0, 0] },
    );
}

export const car: GeneratorDefinition = {
  category: 'car',
  family: 'vehicle',
  names: [
    'car',
    'automobile',
    'sedan',
    'vehicle',
    ['sports car', 'sports'],
    ['race car', 'sports'],
    ['racing car', 'sports'],
    ['supercar', 'sports'],
    ['suv', 'suv'],
    ['jeep', 'suv'],
    ['taxi', 'taxi'],
    ['cab', 'taxi'],
    ['police car', 'police'],
    ['cop car', 'police'],
    'coche',
    'voiture',
    'auto',
    'wagen',
  ],
  variants: {
    sports: ['sports', 'sport', 'racing', 'race', 'supercar', 'fast'],
    suv: ['suv', 'jeep', 'offroad'],
    taxi: ['taxi', 'cab'],
    police: ['police', 'cop', 'patrol'],
  },
  variantSlots: { taxi: { body: { colors: ['yellow'] } }, police: { body: { colors: ['white', 'black', 'navy'] } } },
  slots: VEHICLE_SLOTS,
  counts: { doors: { words: ['door'], default: 4, min: 2, max: 5 } },
  optional: { spoiler: ['spoiler', 'wing'], headlight: ['headlight', 'light'] },
  example: 'a red sports car',
  build({ kit, random, variant, counts, proportions }) {
    const sports = variant === 'sports';
    const suv = variant === 'suv';
    const length = random.vary(sports ? 4.4 : suv ? 4.7 : 4.5) * proportions.length;
    const width = random.vary(sports ? 1.95 : 1.85) * proportions.width;
    const wheelRadius = random.vary(suv ? 0.4 : 0.33);
    const bodyBottom = suv ? 0.35 : 0.2;
    const bodyHeight = random.vary(sports ? 0.5 : suv ? 0.8 : 0.65) * proportions.height;
    const cabinHeight = random.vary(sports ? 0.34 : suv ? 0.75 : 0.55) * proportions.height;
    const cabinLength = length * (sports ? 0.4 : suv ? 0.62 : 0.5);
    const cabinZ = sports ? -length * 0.08 : -length * 0.05;
    kit.box('body', 'body', [width, bodyHeight, length], { at: [0, bodyBottom + bodyHeight / 2, 0], bevel: 0.12 });
    const roofY = bodyBottom + bodyHeight + cabinHeight / 2;
    kit.box('cabin', 'body', [width * 0.86, cabinHeight, cabinLength], {
      at: [0, roofY, cabinZ],
      bevel: sports ? 0.15 : 0.1,
    });
    // window bands on the cabin's four sides
    kit.box('windshield', 'glass', [width * 0.8, cabinHeight * 0.7, 0.04], {
      at: [0, roofY, cabinZ + cabinLength / 2 + 0.005],
      rotate: [sports ? -0.5 : -0.25, 0, 0],
    });
    kit.box('rear_window', 'glass', [width * 0.78, cabinHeight * 0.65, 0.04], {
      at: [0, roofY, cabinZ - cabinLength / 2 - 0.005],
      rotate: [0.3, 0, 0],
    });
    const sideWindows = counts.doors >= 4 ? 2 : 1;
    for (const side of [-1, 1]) {
      for (let pane = 0; pane < sideWindows; pane++) {
        const paneLength = (cabinLength * 0.85) / sideWindows - 0.05;
        const z = cabinZ - (cabinLength * 0.85) / 2 + ((cabinLength * 0.85) / sideWindows) * (pane + 0.5);
        kit.box('side_window', 'glass', [0.04, cabinHeight * 0.6, paneLength], {
          at: [side * (width * 0.43 + 0.005), roofY + 0.02, z],
        });
      }
    }
    const halfTrack = width / 2 - 0.12;
    axleWheels(kit, length * 0.33, halfTrack, wheelRadius, 0.24);
    axleWheels(kit, -length * 0.33, halfTrack, wheelRadius, 0.24);
    if (kit.has('headlight')) headlights(kit, length / 2 + 0.005, bodyBottom + bodyHeight * 0.6, width * 0.35, 0.08);
    for (const side of [-1, 1])
      kit.box('taillight', 'trim', [0.25, 0.08, 0.03], {
        at: [side * width * 0.35, bodyBottom + bodyHeight * 0.65, -length / 2 - 0.005],
      });
    kit.box('bumper', 'trim', [width * 1.02, 0.12, 0.12], { at: [0, bodyBottom + 0.08, length / 2], bevel: 0.04 });
    kit.box('bumper', 'trim', [width * 1.02, 0.12, 0.12], { at: [0, bodyBottom + 0.08, -length / 2], bevel: 0.04 });
    if (sports && kit.has('spoiler')) {
      kit.box('spoiler', 'body', [width * 0.9, 0.04, 0.3], {
        at: [0, bodyBottom + bodyHeight + 0.22, -length / 2 + 0.25],
      });
      for (const side of [-1, 1])
        kit.box('spoiler', 'body', [0.04, 0.2, 0.12], {
          at: [side * width * 0.35, bodyBottom + bodyHeight + 0.1, -length / 2 + 0.25],
        });
    }
    if (variant === 'taxi')
      kit.box('taxi_sign', 'light', [0.5, 0.15, 0.2], {
        at: [0, roofY + cabinHeight / 2 + 0.075, cabinZ],
        bevel: 0.03,
      });
    if (suv)
      kit.cylinder(
        'spare_wheel',
        'tyre',
        { radius: wheelRadius * 0.95, height: 0.22, segments: 20 },
        { at: [0, bodyBottom + bodyHeight * 0.6, -length / 2 - 0.15], rotate: [Math.PI / 2, 0, 0] },
      );
  },
};

export const truck: GeneratorDefinition = {
  category: 'truck',
  family: 'vehicle',
  names: [
    'truck',
    'lorry',
    ['pickup', 'pickup'],
    ['pickup truck', 'pickup'],
    ['fire truck', 'fire'],
    ['fire engine', 'fire'],
    ['firetruck', 'fire'],
    ['dump truck', 'dump'],
    'camion',
    'lkw',
  ],
  variants: { pickup: ['pickup'], fire: ['fire', 'firefighter'], dump: ['dump', 'tipper', 'construction'] },
  variantSlots: { fire: { body: { colors: ['red'] } }, dump: { body: { colors: ['yellow', 'orange'] } } },
  slots: {
    ...VEHICLE_SLOTS,
    cargo: {
      kinds: ['metal', 'paint', 'wood'],
      colors: ['white', 'silver', 'grey', 'blue'],
      words: ['cargo', 'box', 'trailer', 'container', 'bed', 'ladder'],
    },
  },
  counts: { wheels: { words: ['wheel', 'tyre', 'tire'], default: 6, min: 4, max: 12 } },
  optional: { ladder: ['ladder'] },
  example: 'a red fire truck with a ladder',
  build({ kit, random, variant, counts, proportions }) {
    const pickup = variant === 'pickup';
    const length = random.vary(pickup ? 5.3 : 7.5) * proportions.length;
    const width = random.vary(pickup ? 2.0 : 2.45) * proportions.width;
    const wheelRadius = random.vary(pickup ? 0.4 : 0.52);
    const frameY = wheelRadius * 1.1;
    const cabLength = pickup ? length * 0.45 : 2.1;
    const cabHeight = random.vary(pickup ? 1.05 : 1.9) * proportions.height;
    const cabZ = length / 2 - cabLength / 2;
    kit.box('chassis', 'trim', [width * 0.8, 0.25, length], { at: [0, frameY, 0] });
    kit.box('cab', 'body', [width, cabHeight, cabLength], { at: [0, frameY + 0.12 + cabHeight / 2, cabZ], bevel: 0.1 });
    kit.box('windshield', 'glass', [width * 0.85, cabHeight * 0.35, 0.04], {
      at: [0, frameY + 0.12 + cabHeight * 0.72, length / 2 + 0.005],
    });
    for (const side of [-1, 1])
      kit.box('side_window', 'glass', [0.04, cabHeight * 0.32, cabLength * 0.4], {
        at: [side * (width / 2 + 0.005), frameY + 0.12 + cabHeight * 0.72, cabZ + cabLength * 0.1],
      });
    const bedLength = length - cabLength - 0.1;
    const bedZ = -length / 2 + bedLength / 2;
    if (pickup) {
      kit.box('bed', 'body', [width, 0.08, bedLength], { at: [0, frameY + 0.2, bedZ] });
      for (const side of [-1, 1])
        kit.box('bed', 'body', [0.06, 0.5, bedLength], { at: [side * (width / 2 - 0.03), frameY + 0.45, bedZ] });
      kit.box('tailgate', 'body', [width, 0.5, 0.06], { at: [0, frameY + 0.45, -length / 2 + 0.03] });
    } else if (variant === 'dump') {
      kit.box('bed', 'cargo', [width, 1.0, bedLength], {
        at: [0, frameY + 0.7, bedZ],
        rotate: [0.12, 0, 0],
        bevel: 0.05,
      });
    } else {
      const cargoHeight = random.vary(variant === 'fire' ? 1.5 : 2.4) * proportions.height;
      kit.box('cargo', variant === 'fire' ? 'body' : 'cargo', [width, cargoHeight, bedLength], {
        at: [0, frameY + 0.12 + cargoHeight / 2, bedZ],
        bevel: 0.05,
      });
      if (variant === 'fire' && kit.has('ladder')) {
        for (const side of [-1, 1])
          kit.box('ladder', 'cargo', [0.06, 0.08, bedLength * 1.1], {
            at: [side * 0.3, frameY + 0.2 + cargoHeight, bedZ + 0.3],
          });
        for (let rung = 0; rung < 10; rung++)
          kit.cylinder(
            'ladder',
            'cargo',
            { radius: 0.02, height: 0.6, segments: 6 },
            {
              at: [0, frameY + 0.2 + cargoHeight, bedZ - bedLength / 2 + (rung + 0.5) * bedLength * 0.11],
              rotate: [0, 0, Math.PI / 2],
            },
          );
      }
    }
    const axles = Math.max(2, Math.round(counts.wheels / 2));
    axleWheels(kit, length / 2 - cabLength * 0.55, width / 2 - 0.2, wheelRadius, 0.35);
    for (let axle = 1; axle < axles; axle++) {
      const z = -length / 2 + wheelRadius * 1.4 + (axle - 1) * wheelRadius * 2.2;
      axleWheels(kit, z, width / 2 - 0.2, wheelRadius, 0.35);
    }
    headlights(kit, length / 2 + 0.005, frameY + 0.45, width * 0.38, 0.1);
    kit.box('bumper', 'trim', [width * 1.02, 0.2, 0.15], { at: [0, frameY, length / 2 + 0.05], bevel: 0.04 });
  },
};

export const bus: GeneratorDefinition = {
  category: 'bus',
  family: 'vehicle',
  names: [
    'bus',
    'coach',
    ['school bus', 'school'],
    ['double decker', 'double'],
    ['double decker bus', 'double'],
    'autobus',
    'omnibus',
  ],
  variants: { school: ['school'], double: ['double', 'decker', 'london'] },
  variantSlots: { school: { body: { colors: ['amber', 'yellow'] } }, double: { body: { colors: ['red'] } } },
  slots: VEHICLE_SLOTS,
  counts: { windows: { words: ['window'], default: 6, min: 2, max: 14 } },
  example: 'a yellow school bus',
  build({ kit, random, variant, counts, proportions }) {
    const double = variant === 'double';
    const length = random.vary(variant === 'school' ? 10 : 11) * proportions.length;
    const width = random.vary(2.5) * proportions.width;
    const height = random.vary(double ? 4.2 : 2.9) * proportions.height;
    const wheelRadius = 0.5;
    const bottom = 0.35;
    kit.box('body', 'body', [width, height - bottom, length], {
      at: [0, bottom + (height - bottom) / 2, 0],
      bevel: 0.18,
    });
    const levels = double ? 2 : 1;
    const levelHeight = (height - bottom) / levels;
    for (let level = 0; level < levels; level++) {
      const y = bottom + levelHeight * (level + 0.62);
      for (const side of [-1, 1]) {
        for (let pane = 0; pane < counts.windows; pane++) {
          const paneLength = (length * 0.78) / counts.windows - 0.12;
          const z = -length * 0.42 + ((length * 0.78) / counts.windows) * (pane + 0.5);
          kit.box('window', 'glass', [0.04, levelHeight * 0.38, paneLength], {
            at: [side * (width / 2 + 0.005), y, z],
          });
        }
      }
      kit.box('windshield', 'glass', [width * 0.85, levelHeight * 0.45, 0.04], { at: [0, y, length / 2 + 0.005] });
    }
    kit.box('door', 'glass', [0.04, height * 0.55, 1.0], {
      at: [width / 2 + 0.01, bottom + height * 0.3, length * 0.38],
    });
    for (const z of [length * 0.32, -length * 0.3])
      for (const side of [-1, 1])
        addWheel(kit, 'tyre', 'trim', [side * (width / 2 - 0.25), wheelRadius, z], wheelRadius, 0.35);
    headlights(kit, length / 2 + 0.005, bottom + 0.5, width * 0.38, 0.12);
    kit.box('bumper', 'trim', [width * 1.02, 0.25, 0.15], { at: [0, bottom + 0.1, length / 2 + 0.05], bevel: 0.05 });
    if (variant === 'school')
      kit.box('stop_sign', 'trim', [0.05, 0.45, 0.45], {
        at: [-width / 2 - 0.05, bottom + height * 0.55, length * 0.35],
      });
  },
};

export const bicycle: GeneratorDefinition = {
  category: 'bicycle',
  family: 'vehicle',
  names: [
    'bicycle',
    'bike',
    'cycle',
    ['mountain bike', 'mountain'],
    ['road bike', 'road'],
    'bicicleta',
    'velo',
    'fahrrad',
  ],
  variants: { mountain: ['mountain', 'mtb', 'offroad'], road: ['road', 'racing'] },
  slots: {
    frame: {
      kinds: ['paint', 'metal'],
      colors: ['red', 'blue', 'black', 'green', 'white', 'orange', 'teal'],
      words: ['frame', 'body'],
      primary: true,
    },
    tyre: { kinds: ['rubber'], colors: ['black'], words: ['tyre', 'tire', 'wheel'] },
    metal: {
      kinds: ['metal'],
      colors: ['silver', 'steel', 'charcoal'],
      words: ['spoke', 'handlebar', 'chain', 'pedal', 'rim'],
    },
    saddle: { kinds: ['leather', 'plastic'], colors: ['black', 'brown', 'tan'], words: ['saddle', 'seat'] },
  },
  counts: { spokes: { words: ['spoke'], default: 12, min: 3, max: 32 } },
  optional: { basket: ['basket'] },
  example: 'a blue mountain bike',
  build({ kit, random, variant, counts, proportions }) {
    const wheelRadius = random.vary(variant === 'road' ? 0.35 : 0.33) * Math.sqrt(proportions.height);
    const wheelBase = random.vary(1.05) * proportions.length;
    const tube = variant === 'mountain' ? 0.022 : 0.016;
    const rear: [number, number, number] = [0, wheelRadius, -wheelBase / 2];
    const front: [number, number, number] = [0, wheelRadius, wheelBase / 2];
    for (const centre of [rear, front]) {
      kit.torus('tyre', 'tyre', wheelRadius - 0.02, variant === 'mountain' ? 0.028 : 0.018, {
        at: centre,
        rotate: [0, Math.PI / 2, 0],
      });
      for (let spoke = 0; spoke < counts.spokes; spoke++) {
        const angle = (spoke / counts.spokes) * Math.PI;
        kit.cylinder(
          'spoke',
          'metal',
          { radius: 0.0025, height: 2 * (wheelRadius - 0.03), segments: 4 },
          { at: centre, rotate: [angle, 0, 0] },
        );
      }
      kit.cylinder(
        'hub',
        'metal',
        { radius: 0.025, height: 0.08, segments: 10 },
        { at: centre, rotate: [0, 0, Math.PI / 2] },
      );
    }
    const seatTop: [number, number, number] = [0, wheelRadius + 0.55 * proportions.height, -wheelBase * 0.15];
    const bottomBracket: [number, number, number] = [0, wheelRadius * 0.9, -wheelBase * 0.02];
    const headTop: [number, number, number] = [0, wheelRadius + 0.6 * proportions.height, wheelBase * 0.32];
    const headBottom: [number, number, number] = [0, wheelRadius + 0.35, wheelBase * 0.37];
    const tubes: [[number, number, number], [number, number, number]][] = [
      [bottomBracket, seatTop],
      [bottomBracket, headBottom],
      [seatTop, headTop],
      [bottomBracket, rear],
      [seatTop, rear],
    ];
    for (const [from, to] of tubes) kit.tube('frame', 'frame', [from, to], tube);
    kit.tube('fork', 'frame', [headTop, headBottom, front], tube * 0.9);
    kit.box('saddle', 'saddle', [0.12, 0.05, 0.26], { at: [0, seatTop[1] + 0.06, seatTop[2] - 0.03], bevel: 0.02 });
    kit.cylinder(
      'seat_post',
      'metal',
      { radius: 0.012, height: 0.08, segments: 8 },
      { at: [0, seatTop[1] + 0.02, seatTop[2]] },
    );
    const barY = headTop[1] + 0.08;
    kit.cylinder('stem', 'metal', { radius: 0.014, height: 0.1, segments: 8 }, { at: [0, barY - 0.04, headTop[2]] });
    kit.cylinder(
      'handlebar',
      'metal',
      { radius: 0.012, height: variant === 'mountain' ? 0.7 : 0.45, segments: 8 },
      { at: [0, barY, headTop[2] + 0.03], rotate: [0, 0, Math.PI / 2] },
    );
    kit.cylinder(
      'crank',
      'metal',
      { radius: 0.09, height: 0.02, segments: 18 },
      { at: [0.05, bottomBracket[1], bottomBracket[2]], rotate: [0, 0, Math.PI / 2] },
    );
    for (const side of [-1, 1])
      kit.box('pedal', 'metal', [0.1, 0.02, 0.06], {
        at: [side * 0.12, bottomBracket[1] + side * 0.15, bottomBracket[2]],
      });
    if (random.chance(0.25) && kit.has('basket'))
      kit.box('basket', 'saddle', [0.32, 0.22, 0.26], { at: [0, barY - 0.05, headTop[2] + 0.25] });
  },
};
