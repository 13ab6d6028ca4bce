// Buildings, front facing +Z: house (floors, windows, chimney), skyscraper, castle (towers, battlements),
// tower, lighthouse (stripes, lantern room), windmill (sails) and tent.

import type { GeneratorDefinition } from '../generator-definition.ts';
import { addGableRoof, addWindowGrid } from '../kit/common-parts.ts';
import type { PartKit } from '../kit/part-kit.ts';

const WALL_COLOURS = ['cream', 'white', 'beige', 'terracotta', 'sand', 'grey', 'ivory'];
const ROOF_COLOURS = ['terracotta', 'charcoal', 'maroon', 'slate', 'brown'];

function battlements(kit: PartKit, slot: string, radius: number, topY: number, count: number, size: number): void {
  for (let merlon = 0; merlon < count; merlon++) {
    const angle = (merlon / count) * Math.PI * 2;
    kit.box('battlement', slot, [size, size, size * 0.6], {
      at: [Math.cos(angle) * radius, topY + size / 2, Math.sin(angle) * radius],
      rotate: [0, -angle + Math.PI / 2, 0],
    });
  }
}

export const house: GeneratorDefinition = {
  category: 'house',
  family: 'building',
  names: [
    'house',
    'home',
    'cottage',
    'cabin',
    'hut',
    'bungalow',
    ['villa', 'villa'],
    ['farmhouse', 'cottage'],
    ['barn', 'barn'],
    'casa',
    'maison',
    'haus',
  ],
  variants: {
    cottage: ['cottage', 'hut', 'cabin', 'log'],
    villa: ['villa', 'mansion', 'modern'],
    barn: ['barn', 'farm'],
  },
  variantSlots: {
    barn: { walls: { kinds: ['wood', 'paint'], colors: ['red', 'maroon'] } },
    cottage: { walls: { kinds: ['wood', 'stone', 'paint'], colors: ['walnut', 'oak', 'cream'] } },
  },
  slots: {
    walls: {
      kinds: ['paint', 'brick', 'stone', 'wood', 'concrete'],
      colors: WALL_COLOURS,
      words: ['wall', 'facade', 'house', 'chimney'],
      primary: true,
    },
    roof: { kinds: ['clay', 'stone', 'wood', 'metal'], colors: ROOF_COLOURS, words: ['roof', 'tile', 'shingle'] },
    door: {
      kinds: ['wood', 'paint'],
      colors: ['walnut', 'red', 'navy', 'green', 'oak'],
      words: ['door', 'frame', 'shutter'],
    },
    glass: { kinds: ['glass'], colors: ['slate'], words: ['window', 'glass'] },
  },
  counts: {
    floors: { words: ['floor', 'storey', 'story', 'level'], default: 2, min: 1, max: 5 },
    windows: { words: ['window'], default: 3, min: 1, max: 8 },
  },
  optional: { chimney: ['chimney'], roof: ['roof'] },
  example: 'a two-storey brick house with a red roof',
  build({ kit, random, variant, counts, proportions }) {
    const floors = variant === 'cottage' ? Math.min(counts.floors, 1) : counts.floors;
    const floorHeight = random.vary(2.8) * proportions.height;
    const width = random.vary(variant === 'villa' ? 12 : variant === 'barn' ? 9 : 8) * proportions.width;
    const depth = random.vary(variant === 'villa' ? 9 : 7) * proportions.length;
    const wallHeight = floors * floorHeight;
    kit.box('walls', 'walls', [width, wallHeight, depth], { at: [0, wallHeight / 2, 0] });
    kit.box('foundation', 'walls', [width + 0.3, 0.3, depth + 0.3], { at: [0, 0.15, 0] });
    if (variant === 'villa') {
      kit.box('roof', 'roof', [width + 0.8, 0.35, depth + 0.8], { at: [0, wallHeight + 0.17, 0] });
    } else if (kit.has('roof')) {
      addGableRoof(
        kit,
        'roof',
        width,
        depth,
        wallHeight,
        random.vary(variant === 'barn' ? 4 : 3) * Math.sqrt(proportions.height),
        0.4,
      );
    }
    const doorWidth = 1.1;
    const doorHeight = 2.2;
    kit.box('door', 'door', [doorWidth, doorHeight, 0.08], {
      at: [variant === 'barn' ? 0 : -width * 0.15, doorHeight / 2 + 0.3, depth / 2 + 0.04],
    });
    const columns = counts.windows;
    for (let floor = 0; floor < floors; floor++) {
      addWindowGrid(kit, 'glass', {
        columns: floor === 0 ? Math.max(1, columns - 1) : columns,
        rows: 1,
        width: width * 0.85,
        height: floorHeight,
        bottomY: floor * floorHeight + 0.3,
        faceZ: depth / 2,
        paneWidth: Math.min(1.3, (width * 0.6) / columns),
        paneHeight: 1.3,
        centreX: floor === 0 ? width * 0.12 : 0,
      });
      addWindowGrid(kit, 'glass', {
        columns,
        rows: 1,
        width: width * 0.85,
        height: floorHeight,
        bottomY: floor * floorHeight + 0.3,
        faceZ: -depth / 2,
        paneWidth: Math.min(1.3, (width * 0.6) / columns),
        paneHeight: 1.3,
        facing: -1,
      });
    }
    if (variant !== 'villa' && variant !== 'barn' && kit.has('chimney') && kit.has('roof')) {
      kit.box('chimney', 'walls', [0.7, 2.4, 0.7], { at: [width * 0.28, wallHeight + 1.4, -depth * 0.15] });
    }
  },
};

export const skyscraper: GeneratorDefinition = {
  category: 'skyscraper',
  family: 'building',
  names: [
    'skyscraper',
    'office building',
    'tower block',
    'high rise',
    'highrise',
    'apartment building',
    'building',
    'rascacielos',
    'gratte ciel',
    'hochhaus',
  ],
  slots: {
    walls: {
      kinds: ['concrete', 'metal', 'stone'],
      colors: ['grey', 'silver', 'sand', 'charcoal'],
      words: ['wall', 'frame', 'facade'],
      primary: true,
    },
    glass: { kinds: ['glass'], colors: ['blue', 'slate', 'teal'], words: ['window', 'glass'] },
  },
  counts: { floors: { words: ['floor', 'storey', 'story', 'level'], default: 20, min: 3, max: 80 } },
  optional: { antenna: ['antenna', 'spire'] },
  example: 'a tall glass skyscraper with 40 floors',
  build({ kit, random, counts, proportions }) {
    const floors = counts.floors;
    const floorHeight = 3.5;
    const height = floors * floorHeight * proportions.height;
    const width = random.vary(25) * proportions.width;
    const setbacks = random.integer(1, 3);
    let bottom = 0;
    for (let tier = 0; tier < setbacks; tier++) {
      const tierHeight = (height * (setbacks - tier)) / ((setbacks * (setbacks + 1)) / 2);
      const tierWidth = width * (1 - tier * 0.2);
      kit.box('tower', 'walls', [tierWidth, tierHeight, tierWidth], { at: [0, bottom + tierHeight / 2, 0] });
      for (const [facing, rotation] of [
        [1, 0],
        [-1, Math.PI],
        [1, Math.PI / 2],
        [-1, -Math.PI / 2],
      ] as const) {
        const bands = Math.max(1, Math.round(tierHeight / (floorHeight * proportions.height)));
        for (let band = 0; band < Math.min(bands, 40); band++) {
          const y = bottom + ((band + 0.5) * tierHeight) / Math.min(bands, 40);
          const offset = (tierWidth / 2 + 0.05) * facing;
          kit.box('window_band', 'glass', [tierWidth * 0.9, (tierHeight / Math.min(bands, 40)) * 0.55, 0.1], {
            at: rotation === 0 || rotation === Math.PI ? [0, y, offset] : [offset, y, 0],
            rotate: [0, rotation, 0],
          });
        }
      }
      bottom += tierHeight;
    }
    if (kit.has('antenna'))
      kit.cylinder(
        'antenna',
        'walls',
        { radiusTop: 0.1, radiusBottom: 0.6, height: height * 0.12, segments: 8 },
        { at: [0, bottom + height * 0.06, 0] },
      );
  },
};

export const castle: GeneratorDefinition = {
  category: 'castle',
  family: 'building',
  names: ['castle', 'fortress', 'fort', 'palace', 'citadel', 'castillo', 'chateau', 'schloss', 'burg'],
  slots: {
    stone: {
      kinds: ['stone', 'brick', 'concrete'],
      colors: ['grey', 'sand', 'slate', 'cream'],
      words: ['wall', 'tower', 'keep', 'battlement'],
      primary: true,
    },
    roof: {
      kinds: ['clay', 'metal', 'stone'],
      colors: ['navy', 'red', 'slate', 'maroon'],
      words: ['roof', 'spire', 'cone'],
    },
    door: { kinds: ['wood'], colors: ['walnut', 'oak'], words: ['door', 'gate'] },
    flag: { kinds: ['fabric'], colors: ['red', 'blue', 'yellow', 'green'], words: ['flag', 'banner'] },
  },
  counts: { towers: { words: ['tower', 'turret'], default: 4, min: 1, max: 8 } },
  optional: { roof: ['roof', 'spire', 'cone'], flag: ['flag', 'banner'], keep: ['keep'] },
  example: 'a stone castle with four towers and blue roofs',
  build({ kit, random, counts, proportions }) {
    const size = random.vary(30) * proportions.width;
    const wallHeight = random.vary(8) * proportions.height;
    const towerRadius = random.vary(3.2);
    const towerHeight = wallHeight * random.between(1.5, 1.9);
    const towers = counts.towers;
    const corners: [number, number][] =
      towers === 4
        ? [
            [-1, -1],
            [1, -1],
            [1, 1],
            [-1, 1],
          ].map(([x, z]) => [(x * size) / 2, (z * size) / 2])
        : Array.from({ length: towers }, (_, index) => {
            const angle = (index / towers) * Math.PI * 2 + Math.PI / 4;
            return [(Math.cos(angle) * size) / 2, (Math.sin(angle) * size) / 2];
          });
    for (let index = 0; index < corners.length; index++) {
      const [x, z] = corners[index];
      kit.cylinder(
        'tower',
        'stone',
        { radius: towerRadius, height: towerHeight, segments: 16 },
        { at: [x, towerHeight / 2, z] },
      );
      if (kit.has('roof'))
        kit.cylinder(
          'roof',
          'roof',
          { radiusTop: 0.05, radiusBottom: towerRadius * 1.2, height: towerRadius * 2.2, segments: 16 },
          { at: [x, towerHeight + towerRadius * 1.1, z] },
        );
      else battlements(kit, 'stone', towerRadius * 0.9, towerHeight, 8, 0.9);
      if (corners.length > 1) {
        const [nextX, nextZ] = corners[(index + 1) % corners.length];
        const length = Math.hypot(nextX - x, nextZ - z);
        const angle = Math.atan2(nextZ - z, nextX - x);
        kit.box('wall', 'stone', [length, wallHeight, 1.6], {
          at: [(x + nextX) / 2, wallHeight / 2, (z + nextZ) / 2],
          rotate: [0, -angle, 0],
        });
        const merlons = Math.floor(length / 2.2);
        for (let merlon = 1; merlon < merlons; merlon++) {
          const t = merlon / merlons;
          kit.box('battlement', 'stone', [0.9, 0.9, 1.6], {
            at: [x + (nextX - x) * t, wallHeight + 0.45, z + (nextZ - z) * t],
            rotate: [0, -angle, 0],
          });
        }
      }
    }
    if (kit.has('keep')) {
      const keepSize = size * 0.35;
      const keepHeight = towerHeight * 1.2;
      kit.box('keep', 'stone', [keepSize, keepHeight, keepSize], { at: [0, keepHeight / 2, -size * 0.05] });
      if (kit.has('roof'))
        kit.extrude(
          'roof',
          'roof',
          [
            [-keepSize / 2 - 0.5, 0],
            [keepSize / 2 + 0.5, 0],
            [0, keepSize * 0.5],
          ],
          keepSize + 1,
          { at: [0, keepHeight, -size * 0.05] },
        );
      if (kit.has('flag')) {
        const poleTop = keepHeight + keepSize * 0.5 + 4;
        kit.cylinder(
          'flagpole',
          'door',
          { radius: 0.1, height: 4.5, segments: 6 },
          { at: [0, poleTop - 2.25, -size * 0.05] },
        );
        kit.box('flag', 'flag', [2.4, 1.4, 0.05], { at: [1.25, poleTop - 0.75, -size * 0.05] });
      }
    }
    kit.box('gate', 'door', [3.2, 4.5, 0.3], { at: [0, 2.25, size / 2 + 0.7] });
  },
};

export const tower: GeneratorDefinition = {
  category: 'tower',
  family: 'building',
  names: [
    'tower',
    'turret',
    ['watchtower', 'watch'],
    ['clock tower', 'clock'],
    ['water tower', 'water'],
    'torre',
    'tour',
    'turm',
  ],
  variants: { watch: ['watch', 'guard', 'medieval'], clock: ['clock', 'bell'], water: ['water'] },
  slots: {
    body: {
      kinds: ['stone', 'brick', 'wood', 'metal'],
      colors: ['grey', 'sand', 'terracotta', 'slate'],
      words: ['body', 'wall', 'base'],
      primary: true,
    },
    roof: {
      kinds: ['clay', 'metal', 'wood'],
      colors: ['maroon', 'navy', 'charcoal', 'green'],
      words: ['roof', 'spire', 'top'],
    },
    detail: {
      kinds: ['paint', 'wood', 'solid'],
      colors: ['white', 'walnut', 'cream'],
      words: ['clock', 'window', 'door'],
    },
  },
  counts: { floors: { words: ['floor', 'storey', 'story', 'level'], default: 4, min: 1, max: 12 } },
  optional: { roof: ['roof', 'spire'] },
  example: 'a tall stone watchtower',
  build({ kit, random, variant, counts, proportions }) {
    const height = random.vary(3.2 * counts.floors) * proportions.height;
    const radius = random.vary(2.2) * proportions.width;
    const square = variant === 'clock' || random.chance(0.3);
    if (variant === 'water') {
      for (const [x, z] of [
        [-1, -1],
        [1, -1],
        [-1, 1],
        [1, 1],
      ])
        kit.cylinder(
          'leg',
          'body',
          { radius: 0.15, height, segments: 8 },
          { at: [x * radius * 0.6, height / 2, z * radius * 0.6] },
        );
      kit.cylinder(
        'tank',
        'body',
        { radius: radius * 1.1, height: radius * 1.4, segments: 24 },
        { at: [0, height + radius * 0.7, 0] },
      );
      if (kit.has('roof'))
        kit.cylinder(
          'roof',
          'roof',
          { radiusTop: 0.05, radiusBottom: radius * 1.2, height: radius * 0.6, segments: 24 },
          { at: [0, height + radius * 1.7, 0] },
        );
      return;
    }
    if (square) kit.box('body', 'body', [radius * 2, height, radius * 2], { at: [0, height / 2, 0] });
    else
      kit.cylinder(
        'body',
        'body',
        { radiusTop: radius * 0.9, radiusBottom: radius, height, segments: 20 },
        { at: [0, height / 2, 0] },
      );
    for (let floor = 1; floor < counts.floors; floor++)
      kit.box('window', 'detail', [0.6, 1.1, 0.1], {
        at: [0, floor * (height / counts.floors) + 0.6, radius * (square ? 1 : 0.95) + 0.02],
      });
    kit.box('door', 'detail', [1.2, 2.2, 0.1], { at: [0, 1.1, radius + 0.02] });
    if (variant === 'clock')
      kit.cylinder(
        'clock',
        'detail',
        { radius: radius * 0.6, height: 0.12, segments: 24 },
        { at: [0, height * 0.85, radius + 0.06], rotate: [Math.PI / 2, 0, 0] },
      );
    if (kit.has('roof')) {
      if (square)
        kit.cylinder(
          'roof',
          'roof',
          { radiusTop: 0.05, radiusBottom: radius * 1.55, height: radius * 2.2, segments: 4 },
          { at: [0, height + radius * 1.1, 0], rotate: [0, Math.PI / 4, 0] },
        );
      else
        kit.cylinder(
          'roof',
          'roof',
          { radiusTop: 0.05, radiusBottom: radius * 1.25, height: radius * 2, segments: 20 },
          { at: [0, height + radius, 0] },
        );
    } else battlements(kit, 'body', radius * 0.9, height, 10, 0.7);
  },
};

export const lighthouse: GeneratorDefinition = {
  category: 'lighthouse',
  family: 'building',
  names: ['lighthouse', 'beacon', 'faro', 'phare', 'leuchtturm'],
  slots: {
    tower: {
      kinds: ['paint', 'stone', 'brick'],
      colors: ['white', 'cream'],
      words: ['tower', 'body', 'base'],
      primary: true,
    },
    stripe: { kinds: ['paint'], colors: ['red', 'black', 'navy'], words: ['stripe', 'band'] },
    lantern: {
      kinds: ['metal', 'paint'],
      colors: ['charcoal', 'red', 'black'],
      words: ['lantern', 'roof', 'gallery', 'railing', 'top'],
    },
    light: { kinds: ['solid'], colors: ['yellow'], words: ['light', 'lamp'] },
  },
  counts: { stripes: { words: ['stripe', 'band'], default: 3, min: 0, max: 8 } },
  example: 'a red and white striped lighthouse',
  build({ kit, random, counts, proportions }) {
    const height = random.vary(18) * proportions.height;
    const baseRadius = random.vary(2.6) * proportions.width;
    const topRadius = baseRadius * 0.62;
    kit.cylinder(
      'tower',
      'tower',
      { radiusTop: topRadius, radiusBottom: baseRadius, height, segments: 24 },
      { at: [0, height / 2, 0] },
    );
    const stripes = counts.stripes;
    for (let stripe = 0; stripe < stripes; stripe++) {
      const band = height / (2 * stripes + 1);
      const y0 = band * (2 * stripe + 1);
      const radiusAt = (y: number) => baseRadius + (topRadius - baseRadius) * (y / height);
      kit.cylinder(
        'stripe',
        'stripe',
        {
          radiusTop: radiusAt(y0 + band) + 0.03,
          radiusBottom: radiusAt(y0) + 0.03,
          height: band,
          openEnded: true,
          segments: 24,
        },
        { at: [0, y0 + band / 2, 0] },
      );
    }
    kit.cylinder(
      'gallery',
      'lantern',
      { radius: topRadius * 1.35, height: 0.3, segments: 24 },
      { at: [0, height + 0.15, 0] },
    );
    kit.torus('railing', 'lantern', topRadius * 1.3, 0.05, { at: [0, height + 1.1, 0], rotate: [Math.PI / 2, 0, 0] });
    kit.cylinder(
      'light',
      'light',
      { radius: topRadius * 0.75, height: 2.2, segments: 16 },
      { at: [0, height + 1.4, 0] },
    );
    kit.cylinder(
      'lantern_roof',
      'lantern',
      { radiusTop: 0.1, radiusBottom: topRadius * 0.95, height: 1.5, segments: 16 },
      { at: [0, height + 3.25, 0] },
    );
    kit.box('door', 'lantern', [1.1, 2.1, 0.1], { at: [0, 1.05, baseRadius * 0.97] });
  },
};

export const windmill: GeneratorDefinition = {
  category: 'windmill',
  family: 'building',
  names: ['windmill', 'wind mill', ['wind turbine', 'turbine'], 'molino', 'moulin', 'windmuhle'],
  variants: { turbine: ['turbine', 'modern'] },
  slots: {
    body: {
      kinds: ['wood', 'stone', 'brick', 'paint'],
      colors: ['cream', 'white', 'terracotta', 'walnut'],
      words: ['body', 'tower', 'base'],
      primary: true,
    },
    cap: { kinds: ['wood', 'clay', 'metal'], colors: ['charcoal', 'maroon', 'walnut'], words: ['cap', 'roof'] },
    sail: { kinds: ['wood', 'fabric'], colors: ['oak', 'cream', 'white'], words: ['sail', 'blade', 'vane'] },
  },
  counts: { sails: { words: ['sail', 'blade', 'vane'], default: 4, min: 2, max: 8 } },
  example: 'an old windmill with four sails',
  build({ kit, random, variant, counts, proportions }) {
    const turbine = variant === 'turbine';
    const height = random.vary(turbine ? 60 : 12) * proportions.height;
    const radius = random.vary(turbine ? 1.6 : 3.2) * proportions.width;
    const sailLength = random.vary(turbine ? 28 : 8);
    kit.cylinder(
      'body',
      'body',
      { radiusTop: radius * (turbine ? 0.6 : 0.65), radiusBottom: radius, height, segments: turbine ? 16 : 8 },
      { at: [0, height / 2, 0] },
    );
    const hubY = height + (turbine ? 0 : radius * 0.4);
    if (turbine)
      kit.capsule('nacelle', 'cap', radius * 0.7, radius * 3, { at: [0, hubY, 0], rotate: [Math.PI / 2, 0, 0] });
    else kit.sphere('cap', 'cap', [radius * 0.75, radius * 0.7, radius * 0.75], { at: [0, height, 0] });
    const hubZ = turbine ? radius * 2.4 : radius * 0.8;
    kit.cylinder(
      'hub',
      'cap',
      { radius: radius * (turbine ? 0.55 : 0.3), height: 0.8, segments: 12 },
      { at: [0, hubY, hubZ], rotate: [Math.PI / 2, 0, 0] },
    );
    const sails = turbine ? 3 : counts.sails;
    for (let sail = 0; sail < sails; sail++) {
      const angle = (sail / sails) * Math.PI * 2 + random.between(0, 0.5);
      const centre: [number, number, number] = [
        (Math.cos(angle) * sailLength) / 2,
        hubY + (Math.sin(angle) * sailLength) / 2,
        hubZ + 0.3,
      ];
      if (turbine) kit.box('blade', 'sail', [sailLength, 1.4, 0.3], { at: centre, rotate: [0, 0, angle], bevel: 0.1 });
      else {
        kit.box('sail_arm', 'cap', [sailLength, 0.25, 0.25], { at: centre, rotate: [0, 0, angle] });
        kit.box('sail', 'sail', [sailLength * 0.8, sailLength * 0.2, 0.06], {
          at: [
            centre[0] + Math.cos(angle + Math.PI / 2) * sailLength * 0.1,
            centre[1] + Math.sin(angle + Math.PI / 2) * sailLength * 0.1,
            centre[2],
          ],
          rotate: [0, 0, angle],
        });
      }
    }
    if (!turbine) kit.box('door', 'cap', [1.2, 2.1, 0.2], { at: [0, 1.05, radius * 0.95] });
  },
};

export const tent: GeneratorDefinition = {
  category: 'tent',
  family: 'building',
  names: ['tent', ['teepee', 'teepee'], ['tipi', 'teepee'], ['circus tent', 'circus'], 'tienda', 'tente', 'zelt'],
  variants: { teepee: ['teepee', 'tipi'], circus: ['circus', 'marquee'], dome: ['dome', 'camping'] },
  slots: {
    canvas: {
      kinds: ['fabric', 'leather'],
      colors: ['green', 'orange', 'blue', 'red', 'tan', 'olive'],
      words: ['canvas', 'fabric', 'cover', 'body'],
      primary: true,
    },
    pole: { kinds: ['wood', 'metal'], colors: ['walnut', 'silver'], words: ['pole', 'stake', 'frame'] },
    door: { kinds: ['fabric'], colors: ['charcoal', 'cream'], words: ['door', 'flap', 'entrance'] },
  },
  example: 'a green camping tent',
  build({ kit, random, variant, proportions }) {
    const kind = variant ?? random.pick(['ridge', 'dome', 'teepee'] as const);
    const width = random.vary(kind === 'circus' ? 14 : 2.2) * proportions.width;
    const height = random.vary(kind === 'circus' ? 8 : kind === 'teepee' ? 3.2 : 1.4) * proportions.height;
    const depth = random.vary(kind === 'circus' ? 14 : 2.6) * proportions.length;
    if (kind === 'teepee') {
      kit.cylinder(
        'canvas',
        'canvas',
        { radiusTop: 0.08, radiusBottom: width / 2, height, segments: 10 },
        { at: [0, height / 2, 0] },
      );
      for (let pole = 0; pole < 5; pole++) {
        const angle = (pole / 5) * Math.PI * 2;
        kit.tube(
          'pole',
          'pole',
          [
            [Math.cos(angle) * width * 0.45, 0, Math.sin(angle) * width * 0.45],
            [-Math.cos(angle) * 0.2, height * 1.15, -Math.sin(angle) * 0.2],
          ],
          0.03,
        );
      }
      kit.extrude(
        'door',
        'door',
        [
          [-0.35, 0],
          [0.35, 0],
          [0, height * 0.45],
        ],
        0.02,
        { at: [0, 0, width / 2 - height * 0.08], rotate: [-0.1, 0, 0] },
      );
    } else if (kind === 'circus') {
      kit.cylinder(
        'wall',
        'canvas',
        { radius: width / 2, height: height * 0.4, segments: 24 },
        { at: [0, height * 0.2, 0] },
      );
      kit.cylinder(
        'canvas',
        'canvas',
        { radiusTop: 0.2, radiusBottom: width / 2 + 0.4, height: height * 0.6, segments: 24 },
        { at: [0, height * 0.7, 0] },
      );
      kit.cylinder('pole', 'pole', { radius: 0.15, height: 1.5, segments: 8 }, { at: [0, height + 0.75, 0] });
      kit.box('door', 'door', [2.2, height * 0.3, 0.1], { at: [0, height * 0.15, width / 2] });
    } else if (kind === 'dome') {
      kit.lathe(
        'canvas',
        'canvas',
        [
          [0, 0],
          [width / 2, 0],
          [width / 2, height * 0.35],
          [width * 0.38, height * 0.8],
          [0, height],
        ],
        { segments: 16 },
      );
      kit.box('door', 'door', [width * 0.35, height * 0.55, 0.05], { at: [0, height * 0.3, width / 2 - 0.05] });
    } else {
      kit.extrude(
        'canvas',
        'canvas',
        [
          [-width / 2, 0],
          [width / 2, 0],
          [0, height],
        ],
        depth,
      );
      kit.extrude(
        'door',
        'door',
        [
          [-width * 0.2, 0],
          [width * 0.2, 0],
          [0, height * 0.8],
        ],
        0.02,
        { at: [0, 0, depth / 2 + 0.01] },
      );
      for (const z of [-depth / 2, depth / 2])
        kit.cylinder(
          'pole',
          'pole',
          { radius: 0.02, height: height + 0.2, segments: 6 },
          { at: [0, (height + 0.2) / 2, z + (z > 0 ? 0.03 : -0.03)] },
        );
    }
  },
};
