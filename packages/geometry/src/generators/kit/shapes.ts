// The parametric building blocks every generator composes: boxes (optionally bevelled), cylinders and cones,
// spheres and ellipsoids, capsules, tori, lathe (revolved) profiles, extruded outlines and swept tubes. Each is
// a three.js BufferGeometry (three's primitives come with normals and UVs), in metres, centred on the origin
// unless said otherwise; part-kit.ts places them. Nothing here is hand-written geometry beyond the profiles.

import {
  BoxGeometry,
  CapsuleGeometry,
  CatmullRomCurve3,
  CylinderGeometry,
  Euler,
  ExtrudeGeometry,
  LatheGeometry,
  Matrix4,
  Quaternion,
  Shape,
  SphereGeometry,
  TorusGeometry,
  TubeGeometry,
  Vector2,
  Vector3,
  type BufferGeometry,
} from 'three';
import { ParametricGeometry } from 'three/examples/jsm/geometries/ParametricGeometry.js';
import { RoundedBoxGeometry } from 'three/examples/jsm/geometries/RoundedBoxGeometry.js';

export type Vector3Tuple = [number, number, number];
export type Vector2Tuple = [number, number];

export interface Placement {
  /** Where the shape's origin goes, metres. */
  at?: Vector3Tuple;
  /** Euler angles in radians, applied X then Y then Z. */
  rotate?: Vector3Tuple;
  /** Non-uniform scale applied before rotation. */
  scale?: Vector3Tuple;
}

export function place(geometry: BufferGeometry, placement: Placement = {}): BufferGeometry {
  const { at = [0, 0, 0], rotate = [0, 0, 0], scale = [1, 1, 1] } = placement;
  const matrix = new Matrix4().compose(
    new Vector3(...at),
    new Quaternion().setFromEuler(new Euler(...rotate)),
    new Vector3(...scale),
  );
  return geometry.applyMatrix4(matrix);
}

/** A box centred on the origin; with `bevel` > 0 its edges are rounded with that radius. */
export function boxShape(size: Vector3Tuple, bevel = 0, bevelSegments = 2): BufferGeometry {
  const [width, height, depth] = size;
  if (bevel > 0 && bevelSegments > 0) return new RoundedBoxGeometry(width, height, depth, bevelSegments, bevel);
  return new BoxGeometry(width, height, depth);
}

/** A cylinder (or truncated cone) along Y, centred on the origin. */
export function cylinderShape(
  radiusTop: number,
  radiusBottom: number,
  height: number,
  segments: number,
  openEnded = false,
): BufferGeometry {
  return new CylinderGeometry(Math.max(radiusTop, 0), Math.max(radiusBottom, 0), height, segments, 1, openEnded);
}

export function sphereShape(radius: number, segments: number): BufferGeometry {
  return new SphereGeometry(radius, segments, Math.max(3, Math.round(segments / 2)));
}

/** A capsule along Y: `length` is the straight middle, so the whole is length + 2·radius tall. */
export function capsuleShape(radius: number, length: number, segments: number): BufferGeometry {
  return new CapsuleGeometry(radius, Math.max(length, 0), Math.max(2, Math.round(segments / 4)), segments);
}

/** A torus in the XY plane around Z; `arc` < 2π gives an open ring (a handle). */
export function torusShape(radius: number, tube: number, segments: number, arc = Math.PI * 2): BufferGeometry {
  return new TorusGeometry(radius, tube, Math.max(3, Math.round(segments / 2)), segments, arc);
}

/**
 * A surface of revolution around Y from a profile of [radius, y] points listed bottom to top (the side that
 * faces outwards is the one facing away from the axis). Radii of 0 at the ends close the shape.
 */
export function latheShape(profile: Vector2Tuple[], segments: number): BufferGeometry {
  const points = [...profile].map(([radius, y]) => new Vector2(Math.max(radius, 0), y));
  return new LatheGeometry(points, segments);
}

/** A flat outline ([x, y] points, counter-clockwise) extruded along Z by `depth`, centred on z = 0. */
export function extrudeShape(
  outline: Vector2Tuple[],
  depth: number,
  options: { holes?: Vector2Tuple[][]; bevel?: number; curveSegments?: number } = {},
): BufferGeometry {
  const shape = new Shape(outline.map(([x, y]) => new Vector2(x, y)));
  for (const hole of options.holes ?? []) shape.holes.push(new Shape(hole.map(([x, y]) => new Vector2(x, y))));
  const bevel = options.bevel ?? 0;
  const geometry = new ExtrudeGeometry(shape, {
    depth: Math.max(depth - 2 * bevel, 1e-4),
    bevelEnabled: bevel > 0,
    bevelThickness: bevel,
    bevelSize: bevel,
    bevelSegments: 1,
    curveSegments: options.curveSegments ?? 8,
  });
  geometry.translate(0, 0, -(depth - 2 * bevel) / 2);
  return geometry;
}

/** A tube of constant radius swept along a smooth curve through `points` (Catmull–Rom); ends are open. */
export function tubeShape(
  points: Vector3Tuple[],
  radius: number,
  options: { tubularSegments?: number; radialSegments?: number; closed?: boolean } = {},
): BufferGeometry {
  const curve = new CatmullRomCurve3(
    points.map((point) => new Vector3(...point)),
    options.closed ?? false,
    'centripetal',
  );
  return new TubeGeometry(
    curve,
    options.tubularSegments ?? 16,
    radius,
    options.radialSegments ?? 8,
    options.closed ?? false,
  );
}

/**
 * A surface given as a function of (u, v) in [0, 1]² (hulls, fuselages); `flip` reverses its facing when the
 * parametrisation runs the other way round.
 */
export function parametricShape(
  surface: (u: number, v: number) => Vector3Tuple,
  slices: number,
  stacks: number,
  flip = false,
): BufferGeometry {
  const geometry = new ParametricGeometry(
    (u: number, v: number, target: Vector3) => target.set(...surface(u, v)),
    slices,
    stacks,
  );
  if (flip) {
    const index = geometry.index!;
    for (let corner = 0; corner < index.count; corner += 3) {
      const second = index.getX(corner + 1);
      index.setX(corner + 1, index.getX(corner + 2));
      index.setX(corner + 2, second);
    }
    const normal = geometry.getAttribute('normal');
    for (let vertex = 0; vertex < normal.count; vertex++)
      normal.setXYZ(vertex, -normal.getX(vertex), -normal.getY(vertex), -normal.getZ(vertex));
  }
  return geometry;
}
