// The data form of a category: a list of shapes (box, cylinder, sphere, torus, capsule, lathe profile, tube,
// extrusion), each a named part in a material slot, placed in metres at the object's real size, optionally
// mirrored across x (pairs of legs, eyes, wheels). partListCategory() turns such a list into a generator: the
// prompt's proportions (tall, wide, long) scale the whole object after it is built, model_seed varies each
// axis a little, anchors (top, inside, head, hand) scale with it. Most categories are a page of this data
// rather than code.

import type { BuildContext, GeneratorDefinition } from '../generator-definition.ts';
import type { PartKit } from './part-kit.ts';
import type { Vector2Tuple, Vector3Tuple } from './shapes.ts';

export type ShapeSpec =
  | { box: Vector3Tuple; bevel?: number }
  | { cylinder: [radiusTop: number, radiusBottom: number, height: number]; segments?: number; open?: boolean }
  | { sphere: number | Vector3Tuple; segments?: number }
  | { torus: [radius: number, tube: number]; arc?: number }
  | { capsule: [radius: number, length: number] }
  | { lathe: Vector2Tuple[]; segments?: number }
  | { tube: Vector3Tuple[]; radius: number; closed?: boolean }
  | { extrude: Vector2Tuple[]; depth: number; bevel?: number };

export type PartSpec = ShapeSpec & {
  part: string;
  slot: string;
  at?: Vector3Tuple;
  rotate?: Vector3Tuple;
  /** also build the mirror image across x = 0 */
  mirror?: boolean;
};

export interface AnchorSpec {
  at: Vector3Tuple;
  size: number;
}

/** Builds the shapes of a part list into the kit. */
export function buildPartList(kit: PartKit, specs: readonly PartSpec[]): void {
  for (const spec of specs) {
    addShape(kit, spec, spec.at ?? [0, 0, 0], spec.rotate ?? [0, 0, 0]);
    if (spec.mirror) {
      const [x, y, z] = spec.at ?? [0, 0, 0];
      const [rx, ry, rz] = spec.rotate ?? [0, 0, 0];
      // a tube's points are absolute: mirror them instead of its placement
      const mirrored =
        'tube' in spec ? { ...spec, tube: spec.tube.map(([px, py, pz]) => [-px, py, pz] as Vector3Tuple) } : spec;
      addShape(kit, mirrored, [-x, y, z], [rx, -ry, -rz]);
    }
  }
}

function addShape(kit: PartKit, spec: PartSpec, at: Vector3Tuple, rotate: Vector3Tuple): void {
  const { part, slot } = spec;
  if ('box' in spec) kit.box(part, slot, spec.box, { at, rotate, bevel: spec.bevel });
  else if ('cylinder' in spec)
    kit.cylinder(
      part,
      slot,
      {
        radiusTop: spec.cylinder[0],
        radiusBottom: spec.cylinder[1],
        height: spec.cylinder[2],
        segments: spec.segments,
        openEnded: spec.open,
      },
      { at, rotate },
    );
  else if ('sphere' in spec) kit.sphere(part, slot, spec.sphere, { at, rotate, segments: spec.segments });
  else if ('torus' in spec) kit.torus(part, slot, spec.torus[0], spec.torus[1], { at, rotate, arc: spec.arc });
  else if ('capsule' in spec) kit.capsule(part, slot, spec.capsule[0], spec.capsule[1], { at, rotate });
  else if ('lathe' in spec) kit.lathe(part, slot, spec.lathe, { at, rotate, segments: spec.segments });
  else if ('tube' in spec) {
    const moved = spec.tube.map(
      (point) => rotatePoint(point, rotate).map((value, axis) => value + at[axis]) as Vector3Tuple,
    );
    kit.tube(part, slot, moved, spec.radius, { closed: spec.closed });
  } else kit.extrude(part, slot, spec.extrude, spec.depth, { at, rotate, bevel: spec.bevel });
}

/** A tube's points are rotated here (the tube is swept through them, so it has no placement of its own). */
function rotatePoint([x, y, z]: Vector3Tuple, [rx, ry, rz]: Vector3Tuple): Vector3Tuple {
  // X then Y then Z, as Placement's Euler order
  let [px, py, pz] = [x, y * Math.cos(rx) - z * Math.sin(rx), y * Math.sin(rx) + z * Math.cos(rx)];
  [px, pz] = [px * Math.cos(ry) + pz * Math.sin(ry), -px * Math.sin(ry) + pz * Math.cos(ry)];
  [px, py] = [px * Math.cos(rz) - py * Math.sin(rz), px * Math.sin(rz) + py * Math.cos(rz)];
  return [px, py, pz];
}

/** A closed lathe profile for a hollow vessel: the outer profile (bottom to rim), then the inner wall back down. */
export function hollowProfile(outer: readonly Vector2Tuple[], wall: number): Vector2Tuple[] {
  const inner = [...outer]
    .reverse()
    .map(([radius, y]) => [Math.max(radius - wall, 0.001), Math.max(y, wall)] as Vector2Tuple);
  return [[0, 0], ...outer, ...inner, [0, wall]];
}

/** Points of a ring (for placing toppings, candles, studs): `count` points at `radius`, height `y`. */
export function ringPoints(count: number, radius: number, y: number, phase = 0): Vector3Tuple[] {
  return Array.from({ length: count }, (_, index) => {
    const angle = phase + (index / Math.max(1, count)) * Math.PI * 2;
    return [Math.cos(angle) * radius, y, Math.sin(angle) * radius];
  });
}

type PartListDefinition = Omit<GeneratorDefinition, 'build'> & {
  /** the shapes at real size (metres), built facing +Z and standing on y = 0 */
  parts: readonly PartSpec[] | ((context: BuildContext) => readonly PartSpec[]);
  /** attachment points at real size: "top" for supports, "inside" for containers, "head"/"hand" for figures */
  anchors?: Readonly<Record<string, AnchorSpec>> | ((context: BuildContext) => Readonly<Record<string, AnchorSpec>>);
};

/** A generator whose parts are data: the part list is built, then scaled by the prompt's proportions. */
export function partListCategory(definition: PartListDefinition): GeneratorDefinition {
  const { parts, anchors, ...rest } = definition;
  return {
    ...rest,
    build(context) {
      const { kit, random, proportions } = context;
      const start = kit.parts.length;
      buildPartList(kit, typeof parts === 'function' ? parts(context) : parts);
      for (const [name, anchor] of Object.entries((typeof anchors === 'function' ? anchors(context) : anchors) ?? {}))
        kit.anchor(name, anchor.at, anchor.size);
      const scale: Vector3Tuple = [
        random.vary(1, 0.04) * proportions.width,
        random.vary(1, 0.04) * proportions.height,
        random.vary(1, 0.04) * proportions.length,
      ];
      kit.scaleFrom(start, scale);
    },
  };
}
