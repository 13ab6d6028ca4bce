// convert_model `force_symmetry=true` (only with quad): makes the model mirror-symmetric about the vertical plane
// through its bounding box's X centre (glTF's X is the model's left-right axis: glTF assets face +Z). The model
// stays where it is: the plane is x = centre in world space, so the bounds keep their centre.
//
// Method: Blender's Symmetrize (bmesh `symmetrize` operator, +X to −X), in two steps around the quad pass:
// `keepPositiveHalf` bisects every triangle that crosses the plane (Sutherland–Hodgman clipping of the triangle
// against the half-space; the new vertices interpolate every attribute and are shared by the two triangles of
// an edge), snaps vertices within a tolerance onto the plane and drops the −X side. The caller then decimates and
// quad-pairs the half (meshoptimizer's LockBorder keeps the seam on the plane). `mirrorPositiveHalf` copies each
// vertex off the plane to its mirror image (positions and tangents through the reflection, normals through its
// inverse transpose, tangent handedness flipped), reuses the vertices on the plane for both halves (the welded
// seam; their normals lose the component across the plane, so shading is smooth over it), and adds the mirrored
// triangles and quads with reversed winding. The result is exactly symmetric, quad layout included.
//
// UVs and textures: mirrored vertices keep their UVs, so the −X half shows the +X half's texture mirrored (as
// Blender's Symmetrize does); whatever the texture held for the −X side is no longer used. Work is done in each
// node's local space through M⁻¹·R·M (R the world reflection), so node transforms and instancing are honoured;
// a mesh drawn by several nodes is copied per node first. Skinned meshes and morph targets are refused: their
// mirrored halves would need mirrored bones and target deltas, which this does not invent.

import type { Document, Node, Primitive } from '@gltf-transform/core';
import { compactPrimitive } from '@gltf-transform/functions';
import { listSceneRoots } from './list-primitive-uses.ts';
import { ModelInputError } from '../read/model-input-error.ts';
import { modelStats } from './model-stats.ts';
import type { QuadFaces } from './quadrangulate.ts';
import { floatArray } from './simplify-to-face-limit.ts';
import { multiply4 } from './transform-math.ts';

export interface SymmetryPlane {
  /** World x of the mirror plane. */
  centerX: number;
  /** Distance within which a vertex counts as on the plane. */
  tolerance: number;
}

type Matrix = ArrayLike<number>;
type AttributeArrays = Map<string, { values: number[]; width: number }>;

const MODE_TRIANGLES = 4;
const MODE_TRIANGLE_FAN = 6;

/** Step 1: cuts the model at its X centre plane and keeps the +X half. */
export function keepPositiveHalf(document: Document): SymmetryPlane {
  const root = document.getRoot();
  if (root.listSkins().length > 0) {
    throw new ModelInputError(
      'force_symmetry cannot mirror a rigged model (its mirrored half would need mirrored bones); convert with with_animation=false or without force_symmetry.',
    );
  }
  const { min, max } = modelStats(document).boundingBox;
  const plane: SymmetryPlane = {
    centerX: (min[0] + max[0]) / 2,
    tolerance: 1e-6 * Math.max(1e-9, Math.hypot(max[0] - min[0], max[1] - min[1], max[2] - min[2])),
  };
  for (const node of meshNodesWithOwnMeshes(document)) {
    const world = node.getWorldMatrix();
    const inverse = invertAffine(world);
    for (const primitive of node.getMesh()!.listPrimitives()) {
      const mode = primitive.getMode();
      if (!primitive.getAttribute('POSITION') || mode < MODE_TRIANGLES || mode > MODE_TRIANGLE_FAN) continue;
      if (primitive.listTargets().length > 0)
        throw new ModelInputError('force_symmetry cannot mirror morph targets; convert without force_symmetry.');
      if (!clipPrimitive(document, primitive, world, inverse, plane)) primitive.dispose();
    }
    // A mesh wholly on the −X side is gone; its mirror image comes from the +X side.
    const mesh = node.getMesh()!;
    if (mesh.listPrimitives().length === 0) {
      node.setMesh(null);
      mesh.dispose();
    }
  }
  return plane;
}

/** Step 2: mirrors the +X half to −X, welding the seam; mirrors the half's quad faces when given. */
export function mirrorPositiveHalf(
  document: Document,
  plane: SymmetryPlane,
  quadFaces?: QuadFaces,
): QuadFaces | undefined {
  const result: QuadFaces | undefined = quadFaces && new Map(quadFaces);
  for (const node of meshNodesWithOwnMeshes(document)) {
    const world = node.getWorldMatrix();
    const reflection = reflectionInLocalSpace(world, invertAffine(world), plane.centerX);
    for (const primitive of node.getMesh()!.listPrimitives()) {
      if (!primitive.getAttribute('POSITION') || primitive.getMode() !== MODE_TRIANGLES) continue;
      const { mirrorOf, onPlane } = mirrorVertices(document, primitive, world, reflection, plane);
      const indices = Array.from(primitive.getIndices()!.getArray()! as ArrayLike<number>);
      const count = indices.length;
      for (let index = 0; index < count; index += 3) {
        const [a, b, c] = [indices[index], indices[index + 1], indices[index + 2]];
        if (onPlane[a] && onPlane[b] && onPlane[c]) continue;
        indices.push(mirrorOf[a], mirrorOf[c], mirrorOf[b]);
      }
      setIndices(document, primitive, indices);
      const faces = result?.get(primitive);
      if (faces) {
        const mirrored = faces
          .filter((face) => !face.every((vertex) => onPlane[vertex]))
          .map((face) => [...face].reverse().map((vertex) => mirrorOf[vertex]));
        result!.set(primitive, [...faces, ...mirrored]);
      }
    }
  }
  return result;
}

/** Returns false when nothing of the primitive lies on the +X side. */
function clipPrimitive(
  document: Document,
  primitive: Primitive,
  world: Matrix,
  inverse: Matrix,
  plane: SymmetryPlane,
): boolean {
  const attributes = readAttributes(primitive);
  const positions = attributes.get('POSITION')!.values;
  const distance: number[] = [];
  for (let vertex = 0; vertex < positions.length / 3; vertex++) {
    const d = worldX(world, positions, vertex) - plane.centerX;
    distance.push(Math.abs(d) <= plane.tolerance ? 0 : d);
  }
  const edgeVertex = new Map<string, number>();
  const split = (a: number, b: number): number => {
    const key = a < b ? `${a},${b}` : `${b},${a}`;
    const known = edgeVertex.get(key);
    if (known !== undefined) return known;
    const t = distance[a] / (distance[a] - distance[b]);
    const vertex = appendLerp(attributes, a, b, t);
    distance.push(0);
    edgeVertex.set(key, vertex);
    return vertex;
  };
  const kept: number[] = [];
  const triangles = triangleList(primitive);
  for (let index = 0; index < triangles.length; index += 3) {
    const corners = [triangles[index], triangles[index + 1], triangles[index + 2]];
    if (corners.every((vertex) => distance[vertex] <= 0)) continue; // −X side, or flat on the plane
    if (corners.every((vertex) => distance[vertex] >= 0)) {
      kept.push(...corners);
      continue;
    }
    const polygon: number[] = [];
    for (let corner = 0; corner < 3; corner++) {
      const current = corners[corner],
        next = corners[(corner + 1) % 3];
      if (distance[current] >= 0) polygon.push(current);
      if ((distance[current] > 0 && distance[next] < 0) || (distance[current] < 0 && distance[next] > 0))
        polygon.push(split(current, next));
    }
    for (let corner = 1; corner + 1 < polygon.length; corner++)
      kept.push(polygon[0], polygon[corner], polygon[corner + 1]);
  }
  if (kept.length === 0) return false;
  // Snap the seam onto the plane exactly: world x := centre, mapped back to local space.
  for (let vertex = 0; vertex < distance.length; vertex++) {
    if (distance[vertex] !== 0) continue;
    const p = transformPoint(world, positions, vertex);
    p[0] = plane.centerX;
    const local = transformPoint(inverse, p, 0);
    for (let axis = 0; axis < 3; axis++) positions[vertex * 3 + axis] = local[axis];
  }
  writeAttributes(document, primitive, attributes);
  primitive.setMode(MODE_TRIANGLES);
  setIndices(document, primitive, kept);
  compactPrimitive(primitive);
  return true;
}

function mirrorVertices(
  document: Document,
  primitive: Primitive,
  world: Matrix,
  reflection: Float64Array,
  plane: SymmetryPlane,
): { mirrorOf: number[]; onPlane: boolean[] } {
  const attributes = readAttributes(primitive);
  const positions = attributes.get('POSITION')!.values;
  const vertexCount = positions.length / 3;
  const mirrorOf: number[] = [];
  const onPlane: boolean[] = [];
  for (let vertex = 0; vertex < vertexCount; vertex++) {
    const seam = Math.abs(worldX(world, positions, vertex) - plane.centerX) <= plane.tolerance;
    onPlane.push(seam);
    if (seam) {
      mirrorOf.push(vertex);
      const normal = attributes.get('NORMAL');
      if (normal) {
        const n = normal.values.slice(vertex * 3, vertex * 3 + 3);
        const m = applyTransposed(reflection, n);
        const symmetric = normalise([n[0] + m[0], n[1] + m[1], n[2] + m[2]], n);
        for (let axis = 0; axis < 3; axis++) normal.values[vertex * 3 + axis] = symmetric[axis];
      }
      continue;
    }
    mirrorOf.push(positions.length / 3);
    for (const [semantic, { values, width }] of attributes) {
      const source = values.slice(vertex * width, vertex * width + width);
      if (semantic === 'POSITION') values.push(...transformPoint(reflection, source, 0));
      else if (semantic === 'NORMAL') values.push(...normalise(applyTransposed(reflection, source), source));
      else if (semantic.startsWith('TANGENT'))
        values.push(...normalise(applyLinear(reflection, source), source), -(source[3] ?? 1));
      else values.push(...source);
    }
  }
  writeAttributes(document, primitive, attributes);
  return { mirrorOf, onPlane };
}

function readAttributes(primitive: Primitive): AttributeArrays {
  const attributes: AttributeArrays = new Map();
  for (const semantic of primitive.listSemantics()) {
    const accessor = primitive.getAttribute(semantic)!;
    const width = accessor.getElementSize();
    attributes.set(semantic, { values: Array.from(floatArray(accessor, width)), width });
  }
  return attributes;
}

function writeAttributes(document: Document, primitive: Primitive, attributes: AttributeArrays): void {
  const buffer = primitive.getAttribute('POSITION')!.getBuffer();
  for (const [semantic, { values }] of attributes) {
    const old = primitive.getAttribute(semantic)!;
    primitive.setAttribute(
      semantic,
      document
        .createAccessor(old.getName())
        .setType(old.getType())
        .setArray(new Float32Array(values))
        .setBuffer(buffer),
    );
    if (old.listParents().length <= 1) old.dispose();
  }
}

function appendLerp(attributes: AttributeArrays, a: number, b: number, t: number): number {
  let vertex = 0;
  for (const [semantic, { values, width }] of attributes) {
    vertex = values.length / width;
    const mixed = Array.from(
      { length: width },
      (_, component) => values[a * width + component] * (1 - t) + values[b * width + component] * t,
    );
    if (semantic === 'NORMAL') values.push(...normalise(mixed, values.slice(a * 3, a * 3 + 3)));
    else if (semantic.startsWith('TANGENT'))
      values.push(...normalise(mixed.slice(0, 3), values.slice(a * 4, a * 4 + 3)), values[a * 4 + 3]);
    else values.push(...mixed);
  }
  return vertex;
}

function setIndices(document: Document, primitive: Primitive, indices: number[]): void {
  const buffer = primitive.getAttribute('POSITION')!.getBuffer();
  const old = primitive.getIndices();
  primitive.setIndices(
    document.createAccessor().setType('SCALAR').setArray(new Uint32Array(indices)).setBuffer(buffer),
  );
  if (old && old.listParents().length <= 1) old.dispose();
}

function triangleList(primitive: Primitive): number[] {
  const indices = primitive.getIndices()?.getArray();
  const count = indices ? indices.length : primitive.getAttribute('POSITION')!.getCount();
  const at = (index: number) => (indices ? indices[index] : index);
  const mode = primitive.getMode();
  const out: number[] = [];
  if (mode === MODE_TRIANGLES) {
    for (let index = 0; index + 2 < count; index += 3) out.push(at(index), at(index + 1), at(index + 2));
  } else {
    for (let index = 0; index + 2 < count; index++) {
      if (mode === MODE_TRIANGLE_FAN) out.push(at(0), at(index + 1), at(index + 2));
      else if (index % 2 === 0) out.push(at(index), at(index + 1), at(index + 2));
      else out.push(at(index + 1), at(index), at(index + 2));
    }
  }
  return out;
}

/** Mesh nodes of the default scene, each with a mesh of its own (instanced meshes are copied per node). */
function meshNodesWithOwnMeshes(document: Document): Node[] {
  const nodes: Node[] = [];
  for (const root of listSceneRoots(document))
    root.traverse((node) => {
      if (node.getMesh()) nodes.push(node);
    });
  const seen = new Set<unknown>();
  for (const node of nodes) {
    const mesh = node.getMesh()!;
    if (seen.has(mesh)) {
      const copy = document.createMesh(mesh.getName()).setWeights(mesh.getWeights());
      for (const primitive of mesh.listPrimitives()) copy.addPrimitive(primitive.clone());
      node.setMesh(copy);
    }
    seen.add(node.getMesh());
  }
  return nodes;
}

/** L = M⁻¹ · R · M, R the reflection x → 2c − x: the mirror expressed in the node's local space. */
function reflectionInLocalSpace(world: Matrix, inverse: Matrix, centerX: number): Float64Array {
  const reflection = [-1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 2 * centerX, 0, 0, 1];
  return multiply4(inverse, multiply4(reflection, world));
}

function worldX(m: Matrix, positions: ArrayLike<number>, vertex: number): number {
  return m[0] * positions[vertex * 3] + m[4] * positions[vertex * 3 + 1] + m[8] * positions[vertex * 3 + 2] + m[12];
}

function transformPoint(m: Matrix, p: ArrayLike<number>, vertex: number): number[] {
  const [x, y, z] = [p[vertex * 3], p[vertex * 3 + 1], p[vertex * 3 + 2]];
  return [
    m[0] * x + m[4] * y + m[8] * z + m[12],
    m[1] * x + m[5] * y + m[9] * z + m[13],
    m[2] * x + m[6] * y + m[10] * z + m[14],
  ];
}

function applyLinear(m: Matrix, [x, y, z]: number[]): number[] {
  return [m[0] * x + m[4] * y + m[8] * z, m[1] * x + m[5] * y + m[9] * z, m[2] * x + m[6] * y + m[10] * z];
}

/** Lᵀ·n: L is an involution (L⁻¹ = L), so its inverse transpose, the normal transform, is its transpose. */
function applyTransposed(m: Matrix, [x, y, z]: number[]): number[] {
  return [m[0] * x + m[1] * y + m[2] * z, m[4] * x + m[5] * y + m[6] * z, m[8] * x + m[9] * y + m[10] * z];
}

function normalise(v: number[], fallback: number[]): number[] {
  const length = Math.hypot(v[0], v[1], v[2]);
  return length > 1e-12 ? [v[0] / length, v[1] / length, v[2] / length] : fallback.slice(0, 3);
}

function invertAffine(m: Matrix): Float64Array {
  const [a, b, c, d, e, f, g, h, i] = [m[0], m[1], m[2], m[4], m[5], m[6], m[8], m[9], m[10]];
  const determinant = a * (e * i - f * h) - d * (b * i - c * h) + g * (b * f - c * e) || 1;
  const out = new Float64Array(16);
  // Column-major inverse of [a d g; b e h; c f i]: the adjugate over the determinant.
  out[0] = (e * i - f * h) / determinant;
  out[4] = (g * f - d * i) / determinant;
  out[8] = (d * h - g * e) / determinant;
  out[1] = (h * c - b * i) / determinant;
  out[5] = (a * i - g * c) / determinant;
  out[9] = (g * b - a * h) / determinant;
  out[2] = (b * f - e * c) / determinant;
  out[6] = (d * c - a * f) / determinant;
  out[10] = (a * e - d * b) / determinant;
  const [tx, ty, tz] = [m[12], m[13], m[14]];
  out[12] = -(out[0] * tx + out[4] * ty + out[8] * tz);
  out[13] = -(out[1] * tx + out[5] * ty + out[9] * tz);
  out[14] = -(out[2] * tx + out[6] * ty + out[10] * tz);
  out[15] = 1;
  return out;
}
