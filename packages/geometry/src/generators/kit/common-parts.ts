// Compound parts several generators share: legs at given positions, wheels, a pair of eyes, a gabled roof,
// a row of windows. Each only calls the part kit, so negations and detail levels apply as usual.

import type { PartKit } from './part-kit.ts';
import type { Vector3Tuple } from './shapes.ts';

export type LegShape = 'round' | 'square' | 'tapered';

/** Vertical legs whose tops are at `topY`, standing on y = 0, at each [x, z]. */
export function addLegs(
  kit: PartKit,
  slot: string,
  positions: [number, number][],
  topY: number,
  thickness: number,
  shape: LegShape,
  component = 'leg',
): void {
  for (const [x, z] of positions) {
    if (shape === 'square')
      kit.box(component, slot, [thickness, topY, thickness], { at: [x, topY / 2, z], bevel: thickness * 0.15 });
    else
      kit.cylinder(
        component,
        slot,
        {
          radiusTop: thickness / 2,
          radiusBottom: shape === 'tapered' ? thickness * 0.3 : thickness / 2,
          height: topY,
          segments: 12,
        },
        { at: [x, topY / 2, z] },
      );
  }
}

/** The four corners of a width × depth rectangle, inset by `inset`. */
export function cornerPositions(width: number, depth: number, inset: number): [number, number][] {
  const x = width / 2 - inset;
  const z = depth / 2 - inset;
  return [
    [-x, -z],
    [x, -z],
    [-x, z],
    [x, z],
  ];
}

/** A wheel turning about X: a tyre (torus) and a hub (cylinder) at `centre`. */
export function addWheel(
  kit: PartKit,
  tyreSlot: string,
  hubSlot: string,
  centre: Vector3Tuple,
  radius: number,
  width: number,
  component = 'wheel',
): void {
  const tube = Math.min(width / 2, radius * 0.35);
  kit.torus(component, tyreSlot, radius - tube, tube, { at: centre, rotate: [0, Math.PI / 2, 0] });
  kit.cylinder(
    `${component}_hub`,
    hubSlot,
    { radius: (radius - tube) * 1.02, height: width * 0.8, segments: 16 },
    { at: centre, rotate: [0, 0, Math.PI / 2] },
  );
}

/** Two eyes on a head at `centre` looking along +Z: `spacing` apart, at `forward` in front of the centre. */
export function addEyes(
  kit: PartKit,
  slot: string,
  centre: Vector3Tuple,
  spacing: number,
  forward: number,
  radius: number,
  up = 0,
): void {
  for (const side of [-1, 1]) {
    kit.sphere('eye', slot, radius, {
      at: [centre[0] + (side * spacing) / 2, centre[1] + up, centre[2] + forward],
      segments: 10,
    });
  }
}

/** A gabled roof over a width (x) × depth (z) box whose top is at `baseY`; the ridge runs along z. */
export function addGableRoof(
  kit: PartKit,
  slot: string,
  width: number,
  depth: number,
  baseY: number,
  height: number,
  overhang: number,
  component = 'roof',
): void {
  const halfWidth = width / 2 + overhang;
  kit.extrude(
    component,
    slot,
    [
      [-halfWidth, 0],
      [halfWidth, 0],
      [0, height],
    ],
    depth + 2 * overhang,
    { at: [0, baseY, 0] },
  );
}

/** A grid of flat window panes on the face z = `faceZ` (facing +Z), `columns` × `rows` across width × height from `bottomY`. */
export function addWindowGrid(
  kit: PartKit,
  slot: string,
  options: {
    columns: number;
    rows: number;
    width: number;
    height: number;
    bottomY: number;
    faceZ: number;
    paneWidth: number;
    paneHeight: number;
    centreX?: number;
    facing?: 1 | -1;
  },
): void {
  const { columns, rows, width, height, bottomY, faceZ, paneWidth, paneHeight } = options;
  const facing = options.facing ?? 1;
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const x = (options.centreX ?? 0) + (columns === 1 ? 0 : -width / 2 + (width * (column + 0.5)) / columns);
      const y = bottomY + (height * (row + 0.5)) / rows;
      kit.box('window', slot, [paneWidth, paneHeight, 0.02], { at: [x, y, faceZ + facing * 0.01] });
    }
  }
}
