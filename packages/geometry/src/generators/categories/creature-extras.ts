// Body-plan extras that turn a four-legged body into another creature: membrane wings (dragons, bats), feathered
// wings (pegasus, griffin), a single horn (unicorn), antlers, a dorsal row of spikes or of plates (stegosaurus),
// a neck frill with brow horns (triceratops), quills (hedgehog) and a hump (camel). Each only calls the kit.

import type { BuildContext } from '../generator-definition.ts';
import type { Vector2Tuple, Vector3Tuple } from '../kit/shapes.ts';

export type CreatureExtra =
  'membrane-wings' | 'feather-wings' | 'unicorn-horn' | 'antlers' | 'spikes' | 'plates' | 'frill' | 'quills' | 'hump';

export interface BodyFrame {
  headCentre: Vector3Tuple;
  headRadius: number;
  bodyY: number;
  bodyLength: number;
  bodyRadius: number;
  legLength: number;
  neckBase: Vector3Tuple;
}

export function addCreatureExtras(context: BuildContext, extras: readonly string[], frame: BodyFrame): void {
  const { kit, random } = context;
  const { headCentre, headRadius, bodyY, bodyLength, bodyRadius } = frame;
  if ((extras.includes('membrane-wings') || extras.includes('feather-wings')) && kit.has('wing')) {
    const span = bodyLength * 0.95;
    const root: Vector3Tuple = [bodyRadius * 0.45, bodyY + bodyRadius * 0.7, bodyLength * 0.12];
    for (const side of [-1, 1]) {
      if (extras.includes('membrane-wings')) {
        const outline: Vector2Tuple[] = [
          [0, 0],
          [span * 0.35, span * 0.45],
          [span, span * 0.25],
          [span * 0.78, -span * 0.05],
          [span * 0.55, span * 0.08],
          [span * 0.4, -span * 0.12],
          [span * 0.2, -span * 0.02],
        ];
        kit.extrude('wing', 'accent', outline, bodyRadius * 0.04, {
          at: [side * root[0], root[1], root[2]],
          rotate: [0.35, side < 0 ? Math.PI : 0, side * 0.35],
        });
      } else {
        kit.sphere('wing', 'accent', [span * 0.5, bodyRadius * 0.08, span * 0.22], {
          at: [side * (root[0] + span * 0.42), root[1] + span * 0.25, root[2] - span * 0.05],
          rotate: [0, side * 0.2, side * 0.55],
          segments: 14,
        });
      }
    }
    kit.anchor('back', [0, bodyY + bodyRadius * 0.95, -bodyLength * 0.15], bodyRadius);
  }
  if (extras.includes('unicorn-horn') && kit.has('horn')) {
    kit.cylinder(
      'horn',
      'horn',
      { radiusTop: 0.002, radiusBottom: headRadius * 0.16, height: headRadius * 1.6, segments: 12 },
      { at: [0, headCentre[1] + headRadius * 1.3, headCentre[2] + headRadius * 0.4], rotate: [0.45, 0, 0] },
    );
  }
  if (extras.includes('antlers') && kit.has('antler')) {
    for (const side of [-1, 1]) {
      const base: Vector3Tuple = [
        side * headRadius * 0.45,
        headCentre[1] + headRadius * 0.8,
        headCentre[2] - headRadius * 0.1,
      ];
      const tip: Vector3Tuple = [side * headRadius * 1.6, base[1] + headRadius * 2.4, base[2] - headRadius * 0.4];
      kit.tube(
        'antler',
        'horn',
        [base, [side * headRadius * 0.9, base[1] + headRadius * 1.2, base[2]], tip],
        headRadius * 0.07,
      );
      for (const t of [0.45, 0.75]) {
        const from: Vector3Tuple = [
          base[0] + (tip[0] - base[0]) * t,
          base[1] + (tip[1] - base[1]) * t,
          base[2] + (tip[2] - base[2]) * t,
        ];
        kit.tube(
          'antler',
          'horn',
          [from, [from[0] + side * headRadius * 0.1, from[1] + headRadius * 0.6, from[2] + headRadius * 0.35]],
          headRadius * 0.05,
        );
      }
    }
  }
  if (extras.includes('spikes') && kit.has('spike')) {
    const count = 9;
    for (let spike = 0; spike < count; spike++) {
      const t = spike / (count - 1);
      const z = bodyLength * (0.42 - t * 1.1);
      const y = bodyY + bodyRadius * (0.95 - t * t * 0.9);
      const size = bodyRadius * (0.32 - t * 0.18);
      kit.cylinder(
        'spike',
        'horn',
        { radiusTop: 0.001, radiusBottom: size * 0.45, height: size, segments: 6 },
        { at: [0, y + size * 0.4, z], rotate: [-0.3, 0, 0] },
      );
    }
  }
  if (extras.includes('plates') && kit.has('plate')) {
    const count = 8;
    for (let plate = 0; plate < count; plate++) {
      const t = plate / (count - 1);
      const z = bodyLength * (0.35 - t * 0.85);
      const height = bodyRadius * (0.55 + Math.sin(t * Math.PI) * 0.45);
      const side = plate % 2 === 0 ? -1 : 1;
      kit.extrude(
        'plate',
        'accent',
        [
          [-height * 0.45, 0],
          [height * 0.45, 0],
          [height * 0.25, height * 0.7],
          [0, height],
          [-height * 0.25, height * 0.7],
        ],
        bodyRadius * 0.06,
        {
          at: [side * bodyRadius * 0.12, bodyY + bodyRadius * 0.75, z],
          rotate: [0, Math.PI / 2, side * 0.12],
        },
      );
    }
  }
  if (extras.includes('frill') && kit.has('frill')) {
    kit.cylinder(
      'frill',
      'accent',
      { radius: headRadius * 1.5, height: headRadius * 0.12, segments: 20 },
      { at: [0, headCentre[1] + headRadius * 0.5, headCentre[2] - headRadius * 0.7], rotate: [-1.1, 0, 0] },
    );
    for (const side of [-1, 1])
      kit.cylinder(
        'horn',
        'horn',
        { radiusTop: 0.002, radiusBottom: headRadius * 0.16, height: headRadius * 1.2, segments: 8 },
        {
          at: [side * headRadius * 0.45, headCentre[1] + headRadius * 0.9, headCentre[2] + headRadius * 0.3],
          rotate: [0.9, 0, -side * 0.15],
        },
      );
    kit.cylinder(
      'horn',
      'horn',
      { radiusTop: 0.002, radiusBottom: headRadius * 0.12, height: headRadius * 0.6, segments: 8 },
      { at: [0, headCentre[1] + headRadius * 0.05, headCentre[2] + headRadius * 1.3], rotate: [0.6, 0, 0] },
    );
  }
  if (extras.includes('quills') && kit.has('quill')) {
    for (let quill = 0; quill < 40; quill++) {
      const angle = random.between(-0.2, Math.PI + 0.2);
      const along = random.between(-0.48, 0.4) * bodyLength;
      const normal: Vector3Tuple = [Math.cos(angle), Math.sin(angle), -0.3];
      kit.cylinder(
        'quill',
        'accent',
        { radiusTop: 0.0005, radiusBottom: bodyRadius * 0.07, height: bodyRadius * 0.45, segments: 4 },
        {
          at: [normal[0] * bodyRadius * 0.85, bodyY + normal[1] * bodyRadius * 0.9, along],
          rotate: [-0.5 + Math.atan2(normal[1], 1) * 0.2, 0, -(angle - Math.PI / 2)],
        },
      );
    }
  }
  if (extras.includes('hump') && kit.has('hump')) {
    kit.sphere('hump', 'fur', [bodyRadius * 0.6, bodyRadius * 0.65, bodyLength * 0.22], {
      at: [0, bodyY + bodyRadius * 0.75, -bodyLength * 0.02],
      segments: 14,
    });
  }
}
