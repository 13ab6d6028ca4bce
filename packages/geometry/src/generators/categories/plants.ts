// Plants: tree (deciduous, pine, palm, birch; branching driven by model_seed), flower (petal count, rose,
// tulip, sunflower, daisy), cactus (arms), mushroom and potted plant.

import type { GeneratorDefinition } from '../generator-definition.ts';
import type { PartKit } from '../kit/part-kit.ts';
import type { Vector3Tuple } from '../kit/shapes.ts';
import type { SeededRandom } from '../seeded-random.ts';

const LEAF_GREENS = ['leaf', 'green', 'olive', 'moss'];

function petals(
  kit: PartKit,
  slot: string,
  centre: Vector3Tuple,
  count: number,
  length: number,
  width: number,
  tilt: number,
): void {
  for (let petal = 0; petal < count; petal++) {
    const angle = (petal / count) * Math.PI * 2;
    const reach = length * 0.55;
    kit.sphere('petal', slot, [length / 2, 0.004 + width * 0.08, width / 2], {
      at: [
        centre[0] + Math.cos(angle) * reach,
        centre[1] + Math.sin(tilt) * reach * 0.5,
        centre[2] + Math.sin(angle) * reach,
      ],
      rotate: [0, -angle, tilt],
      segments: 10,
    });
  }
}

/** Blobs of foliage around a point, sized and scattered by the random stream. */
function foliageCluster(kit: PartKit, random: SeededRandom, centre: Vector3Tuple, radius: number, blobs: number): void {
  kit.sphere('foliage', 'leaves', [radius, radius * 0.85, radius], { at: centre, segments: 14 });
  for (let blob = 0; blob < blobs; blob++) {
    const angle = random.between(0, Math.PI * 2);
    const up = random.between(-0.3, 0.6);
    const size = radius * random.between(0.45, 0.7);
    kit.sphere('foliage', 'leaves', size, {
      at: [
        centre[0] + Math.cos(angle) * radius * 0.75,
        centre[1] + up * radius,
        centre[2] + Math.sin(angle) * radius * 0.75,
      ],
      segments: 12,
    });
  }
}

export const tree: GeneratorDefinition = {
  category: 'tree',
  family: 'plant',
  names: [
    'tree',
    ['pine', 'pine'],
    ['pine tree', 'pine'],
    ['fir', 'pine'],
    ['spruce', 'pine'],
    ['christmas tree', 'christmas'],
    ['palm', 'palm'],
    ['palm tree', 'palm'],
    ['oak tree', 'oak'],
    ['birch tree', 'birch'],
    'arbol',
    'arbre',
    'baum',
  ],
  variants: {
    pine: ['pine', 'fir', 'spruce', 'conifer', 'evergreen'],
    christmas: ['christmas', 'xmas'],
    palm: ['palm', 'tropical', 'coconut'],
    oak: ['oak'],
    birch: ['birch'],
    autumn: ['autumn', 'fall'],
  },
  variantSlots: {
    birch: { trunk: { kinds: ['bark'], colors: ['ivory'] } },
    autumn: { leaves: { colors: ['orange', 'amber', 'red', 'yellow'] } },
  },
  slots: {
    leaves: {
      kinds: ['leaves'],
      colors: LEAF_GREENS,
      words: ['leaf', 'foliage', 'crown', 'needle', 'canopy', 'frond'],
      primary: true,
    },
    trunk: { kinds: ['bark', 'wood'], colors: ['bark', 'walnut', 'brown'], words: ['trunk', 'branch', 'bark'] },
    decoration: {
      kinds: ['plastic', 'gold'],
      colors: ['red', 'gold', 'blue', 'silver'],
      words: ['ornament', 'bauble', 'decoration', 'star', 'ball'],
    },
  },
  counts: {
    branches: { words: ['branch', 'limb'], default: 4, min: 0, max: 10 },
    tiers: { words: ['tier', 'layer', 'level'], default: 4, min: 2, max: 8 },
  },
  optional: { foliage: ['leaf', 'foliage', 'crown', 'needle'] },
  example: 'a low-poly pine tree',
  build({ kit, random, variant, counts, proportions }) {
    const conifer = variant === 'pine' || variant === 'christmas';
    const height = random.vary(conifer ? 7 : variant === 'palm' ? 8 : 6) * proportions.height;
    const trunkRadius = random.vary(conifer ? 0.22 : 0.28) * proportions.width;
    if (variant === 'palm') {
      const lean = random.between(0.4, 1.2);
      const trunk: Vector3Tuple[] = Array.from({ length: 6 }, (_, index) => {
        const t = index / 5;
        return [lean * t * t, height * t, 0];
      });
      kit.tube('trunk', 'trunk', trunk, trunkRadius * 0.8);
      const top = trunk[trunk.length - 1];
      for (let frond = 0; frond < 7; frond++) {
        const angle = (frond / 7) * Math.PI * 2 + random.between(-0.2, 0.2);
        const reach = random.vary(3) * proportions.width;
        kit.tube(
          'foliage',
          'leaves',
          [
            top,
            [top[0] + Math.cos(angle) * reach * 0.5, top[1] + 0.6, top[2] + Math.sin(angle) * reach * 0.5],
            [top[0] + Math.cos(angle) * reach, top[1] - 0.8, top[2] + Math.sin(angle) * reach],
          ],
          0.18,
        );
      }
      for (let nut = 0; nut < 3; nut++)
        kit.sphere('coconut', 'trunk', 0.18, {
          at: [top[0] + Math.cos(nut * 2.1) * 0.25, top[1] - 0.25, top[2] + Math.sin(nut * 2.1) * 0.25],
          segments: 10,
        });
      return;
    }
    const trunkHeight = conifer ? height * 0.3 : height * 0.5;
    kit.cylinder(
      'trunk',
      'trunk',
      {
        radiusTop: trunkRadius * 0.65,
        radiusBottom: trunkRadius,
        height: trunkHeight + (conifer ? height * 0.5 : 0),
        segments: 12,
      },
      { at: [0, (trunkHeight + (conifer ? height * 0.5 : 0)) / 2, 0] },
    );
    if (conifer) {
      const tiers = counts.tiers;
      const crownHeight = height - trunkHeight;
      const baseRadius = random.vary(height * 0.3) * proportions.width;
      for (let tier = 0; tier < tiers; tier++) {
        const t = tier / tiers;
        const tierHeight = (crownHeight / tiers) * 1.6;
        const radius = baseRadius * (1 - t * 0.8);
        kit.cylinder(
          'foliage',
          'leaves',
          { radiusTop: 0.02, radiusBottom: radius, height: tierHeight, segments: 14 },
          { at: [0, trunkHeight + t * crownHeight + tierHeight / 2, 0], rotate: [0, random.between(0, 1), 0] },
        );
      }
      if (variant === 'christmas') {
        for (let ornament = 0; ornament < 14; ornament++) {
          const t = random.between(0.05, 0.85);
          const angle = random.between(0, Math.PI * 2);
          const radius = baseRadius * (1 - t * 0.8) * 0.75;
          kit.sphere('ornament', 'decoration', 0.2, {
            at: [Math.cos(angle) * radius, trunkHeight + t * crownHeight, Math.sin(angle) * radius],
            segments: 8,
          });
        }
        kit.sphere('star', 'decoration', 0.3, { at: [0, height + 0.5, 0], segments: 8 });
      }
      return;
    }
    const crownRadius = random.vary(variant === 'birch' ? height * 0.22 : height * 0.3) * proportions.width;
    const crownCentre: Vector3Tuple = [0, trunkHeight + crownRadius * 0.8, 0];
    for (let branch = 0; branch < counts.branches; branch++) {
      const angle = (branch / Math.max(1, counts.branches)) * Math.PI * 2 + random.between(-0.4, 0.4);
      const startY = trunkHeight * random.between(0.7, 0.98);
      const reach = crownRadius * random.between(0.6, 0.9);
      const tip: Vector3Tuple = [
        Math.cos(angle) * reach,
        startY + reach * random.between(0.5, 0.9),
        Math.sin(angle) * reach,
      ];
      kit.tube(
        'branch',
        'trunk',
        [[0, startY, 0], [tip[0] * 0.5, (startY + tip[1]) / 2 + 0.2, tip[2] * 0.5], tip],
        trunkRadius * 0.3,
      );
      if (kit.has('foliage'))
        kit.sphere('foliage', 'leaves', crownRadius * random.between(0.35, 0.5), { at: tip, segments: 12 });
    }
    if (kit.has('foliage')) foliageCluster(kit, random, crownCentre, crownRadius, variant === 'oak' ? 7 : 5);
  },
};

export const flower: GeneratorDefinition = {
  category: 'flower',
  family: 'plant',
  names: [
    'flower',
    'blossom',
    ['rose', 'rose'],
    ['tulip', 'tulip'],
    ['sunflower', 'sunflower'],
    ['daisy', 'daisy'],
    'flor',
    'fleur',
    'blume',
  ],
  variants: { rose: ['rose'], tulip: ['tulip'], sunflower: ['sunflower'], daisy: ['daisy'] },
  variantSlots: { sunflower: { petal: { colors: ['yellow', 'amber'] } }, daisy: { petal: { colors: ['white'] } } },
  slots: {
    petal: {
      kinds: ['fabric', 'plastic'],
      colors: ['red', 'pink', 'yellow', 'violet', 'white', 'orange'],
      words: ['petal', 'blossom', 'bloom', 'head'],
      primary: true,
    },
    stem: { kinds: ['plastic'], colors: ['green', 'leaf'], words: ['stem', 'leaf', 'stalk'] },
    centre: {
      kinds: ['fabric'],
      colors: ['yellow', 'brown', 'amber'],
      words: ['centre', 'center', 'middle', 'pistil'],
    },
  },
  counts: {
    petals: { words: ['petal'], default: 8, min: 3, max: 24 },
    leaves: { words: ['leaf'], default: 2, min: 0, max: 6 },
  },
  example: 'a red flower with five petals',
  build({ kit, random, variant, counts, proportions }) {
    const height = random.vary(variant === 'sunflower' ? 1.6 : 0.4) * proportions.height;
    const headSize = random.vary(variant === 'sunflower' ? 0.12 : 0.035) * proportions.width;
    const bend = random.between(-0.05, 0.05) * height;
    const top: Vector3Tuple = [bend, height, 0];
    kit.tube('stem', 'stem', [[0, 0, 0], [bend * 0.3, height * 0.5, 0], top], Math.max(0.003, headSize * 0.12));
    for (let leaf = 0; leaf < counts.leaves; leaf++) {
      const y = height * (0.25 + (0.4 * leaf) / Math.max(1, counts.leaves));
      const side = leaf % 2 === 0 ? 1 : -1;
      kit.sphere('leaf', 'stem', [headSize * 1.4, 0.003, headSize * 0.45], {
        at: [bend * 0.3 + side * headSize * 1.2, y, 0],
        rotate: [0, 0, side * 0.5],
        segments: 8,
      });
    }
    if (variant === 'tulip') {
      kit.lathe(
        'blossom',
        'petal',
        [
          [0, height - headSize * 0.4],
          [headSize * 0.9, height],
          [headSize, height + headSize * 0.9],
          [headSize * 0.7, height + headSize * 1.6],
          [headSize * 0.6, height + headSize * 1.4],
          [0, height + headSize * 0.2],
        ],
        { segments: 12 },
      );
      return;
    }
    if (variant === 'rose') {
      for (let layer = 0; layer < 3; layer++)
        petals(
          kit,
          'petal',
          [top[0], top[1] + layer * headSize * 0.25, top[2]],
          5 + layer,
          headSize * (1.2 - layer * 0.3),
          headSize * 0.9,
          0.9 - layer * 0.3,
        );
      kit.sphere('bud', 'petal', headSize * 0.45, { at: [top[0], top[1] + headSize * 0.7, top[2]], segments: 12 });
      return;
    }
    kit.sphere('centre', 'centre', [headSize * 0.5, headSize * 0.25, headSize * 0.5], { at: top, segments: 14 });
    petals(
      kit,
      'petal',
      top,
      variant === 'sunflower' ? Math.max(counts.petals, 18) : counts.petals,
      headSize * (variant === 'sunflower' ? 1.3 : 1.6),
      headSize * 0.7,
      0.2,
    );
  },
};

export const cactus: GeneratorDefinition = {
  category: 'cactus',
  family: 'plant',
  names: ['cactus', 'cacti', 'saguaro', 'succulent', 'kaktus'],
  slots: {
    body: {
      kinds: ['skin', 'plastic'],
      colors: ['green', 'olive', 'moss'],
      words: ['body', 'arm', 'stem'],
      primary: true,
    },
    pot: { kinds: ['clay', 'ceramic'], colors: ['terracotta', 'white', 'blue'], words: ['pot', 'planter'] },
    flower: { kinds: ['fabric'], colors: ['pink', 'red', 'yellow'], words: ['flower', 'bloom'] },
  },
  counts: { arms: { words: ['arm', 'branch'], default: 2, min: 0, max: 6 } },
  optional: { pot: ['pot', 'planter'], flower: ['flower', 'bloom'] },
  example: 'a cactus with three arms in a pot',
  build({ kit, random, counts, proportions }) {
    const potted = kit.has('pot') && (kit.wants('pot') || random.chance(0.6));
    const height = random.vary(potted ? 0.35 : 2.5) * proportions.height;
    const radius = height * random.vary(0.14) * proportions.width;
    const baseY = potted ? height * 0.3 : 0;
    if (potted)
      kit.lathe(
        'pot',
        'pot',
        [
          [0, 0],
          [radius * 1.4, 0],
          [radius * 1.8, baseY],
          [radius * 1.9, baseY + 0.01],
          [0, baseY + 0.01],
        ],
        { segments: 20 },
      );
    kit.capsule('body', 'body', radius, height - 2 * radius, { at: [0, baseY + height / 2, 0] });
    for (let arm = 0; arm < counts.arms; arm++) {
      const angle = (arm / Math.max(1, counts.arms)) * Math.PI * 2 + random.between(-0.3, 0.3);
      const y = baseY + height * random.between(0.35, 0.6);
      const out = radius * 2.2;
      const armRadius = radius * 0.62;
      const elbow: Vector3Tuple = [Math.cos(angle) * out, y, Math.sin(angle) * out];
      kit.tube(
        'arm',
        'body',
        [[0, y - radius * 0.3, 0], [elbow[0] * 0.7, y, elbow[2] * 0.7], elbow, [elbow[0], y + height * 0.25, elbow[2]]],
        armRadius,
      );
      kit.sphere('arm_tip', 'body', armRadius, { at: [elbow[0], y + height * 0.25, elbow[2]], segments: 12 });
    }
    if (kit.has('flower') && random.chance(0.5))
      kit.sphere('flower', 'flower', [radius * 0.5, radius * 0.25, radius * 0.5], {
        at: [0, baseY + height, 0],
        segments: 10,
      });
  },
};

export const mushroom: GeneratorDefinition = {
  category: 'mushroom',
  family: 'plant',
  names: ['mushroom', 'toadstool', 'fungus', 'champignon', 'seta', 'pilz'],
  variants: { toadstool: ['toadstool', 'fairy', 'fly', 'amanita', 'spotted'] },
  variantSlots: { toadstool: { cap: { colors: ['red'] } } },
  slots: {
    cap: {
      kinds: ['skin', 'plastic'],
      colors: ['tan', 'brown', 'red', 'cream'],
      words: ['cap', 'top', 'head'],
      primary: true,
    },
    stem: { kinds: ['skin'], colors: ['cream', 'ivory', 'beige'], words: ['stem', 'stalk', 'gill'] },
    spot: { kinds: ['solid'], colors: ['white'], words: ['spot', 'dot'] },
  },
  counts: {
    mushrooms: { words: ['mushroom', 'toadstool'], default: 1, min: 1, max: 6 },
    spots: { words: ['spot', 'dot'], default: 9, min: 0, max: 24 },
  },
  example: 'a red toadstool with white spots',
  build({ kit, random, variant, counts, proportions }) {
    for (let index = 0; index < counts.mushrooms; index++) {
      const scale = index === 0 ? 1 : random.between(0.45, 0.75);
      const angle = random.between(0, Math.PI * 2);
      const offset = index === 0 ? 0 : random.between(0.08, 0.14);
      const x = Math.cos(angle) * offset;
      const z = Math.sin(angle) * offset;
      const height = random.vary(0.12) * proportions.height * scale;
      const capRadius = random.vary(0.07) * proportions.width * scale;
      kit.lathe(
        'stem',
        'stem',
        [
          [0, 0],
          [capRadius * 0.35, 0],
          [capRadius * 0.28, height * 0.6],
          [capRadius * 0.3, height],
          [0, height],
        ],
        { at: [x, 0, z], segments: 14 },
      );
      kit.lathe(
        'cap',
        'cap',
        [
          [0, height * 0.95],
          [capRadius, height * 0.92],
          [capRadius * 0.95, height * 1.1],
          [capRadius * 0.6, height + capRadius * 0.6],
          [0, height + capRadius * 0.75],
        ],
        { at: [x, 0, z], segments: 20 },
      );
      if (variant === 'toadstool' && index === 0) {
        for (let spot = 0; spot < counts.spots; spot++) {
          const spotAngle = random.between(0, Math.PI * 2);
          const t = random.between(0.2, 0.85);
          kit.sphere('spot', 'spot', capRadius * 0.09, {
            at: [
              x + Math.cos(spotAngle) * capRadius * t * 0.85,
              height + capRadius * 0.75 * Math.cos(t * 1.2),
              z + Math.sin(spotAngle) * capRadius * t * 0.85,
            ],
            segments: 6,
          });
        }
      }
    }
  },
};

export const pottedPlant: GeneratorDefinition = {
  category: 'potted plant',
  family: 'plant',
  names: [
    'potted plant',
    'houseplant',
    'house plant',
    'plant',
    ['bonsai', 'bonsai'],
    ['bonsai tree', 'bonsai'],
    ['fern', 'fern'],
    'plante',
    'pflanze',
  ],
  variants: { fern: ['fern'], bonsai: ['bonsai'] },
  slots: {
    pot: {
      kinds: ['clay', 'ceramic', 'plastic', 'concrete'],
      colors: ['terracotta', 'white', 'charcoal', 'blue'],
      words: ['pot', 'planter', 'vase'],
      primary: true,
    },
    leaves: { kinds: ['leaves'], colors: ['leaf', 'green', 'lime'], words: ['leaf', 'foliage', 'frond'] },
    soil: { kinds: ['stone'], colors: ['walnut'], words: ['soil', 'dirt', 'earth'] },
  },
  counts: { leaves: { words: ['leaf', 'frond'], default: 9, min: 2, max: 24 } },
  example: 'a small plant in a white pot',
  build({ kit, random, variant, counts, proportions }) {
    const potHeight = random.vary(0.22) * proportions.height;
    const potRadius = random.vary(0.12) * proportions.width;
    kit.lathe(
      'pot',
      'pot',
      [
        [0, 0],
        [potRadius * 0.75, 0],
        [potRadius, potHeight],
        [potRadius * 1.08, potHeight],
        [potRadius * 1.08, potHeight + 0.025],
        [potRadius * 0.95, potHeight + 0.025],
        [0, potHeight * 0.9],
      ],
      { segments: 24 },
    );
    kit.cylinder(
      'soil',
      'soil',
      { radius: potRadius * 0.93, height: 0.01, segments: 20 },
      { at: [0, potHeight * 0.92, 0] },
    );
    if (variant === 'bonsai') {
      kit.tube(
        'trunk',
        'soil',
        [
          [0, potHeight, 0],
          [0.04, potHeight + 0.1, 0],
          [-0.03, potHeight + 0.2, 0.02],
          [0.02, potHeight + 0.28, 0],
        ],
        0.02,
      );
      for (let blob = 0; blob < 4; blob++)
        kit.sphere('foliage', 'leaves', [0.09, 0.05, 0.09], {
          at: [Math.cos(blob * 1.7) * 0.1, potHeight + 0.25 + blob * 0.03, Math.sin(blob * 1.7) * 0.1],
          segments: 10,
        });
      return;
    }
    for (let leaf = 0; leaf < counts.leaves; leaf++) {
      const angle = (leaf / counts.leaves) * Math.PI * 2 + random.between(-0.2, 0.2);
      const length = random.vary(variant === 'fern' ? 0.35 : 0.25) * proportions.height;
      const rise = random.between(0.5, 1.1);
      const base: Vector3Tuple = [0, potHeight * 0.92, 0];
      const tip: Vector3Tuple = [
        Math.cos(angle) * length * 0.8,
        potHeight + length * rise * 0.6,
        Math.sin(angle) * length * 0.8,
      ];
      kit.tube('stem', 'leaves', [base, [tip[0] * 0.4, potHeight + length * rise * 0.5, tip[2] * 0.4], tip], 0.004);
      kit.sphere('leaf', 'leaves', [length * 0.25, 0.004, length * 0.1], {
        at: tip,
        rotate: [0, -angle, -0.4],
        segments: 10,
      });
    }
  },
};
