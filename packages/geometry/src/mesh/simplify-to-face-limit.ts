// convert_model `face_limit` and smart low poly: decimates the default scene to at most `faceLimit` triangles
// (instances counted, as model-stats.ts counts them) with meshoptimizer's quadric edge collapse (Garland &
// Heckbert 1997), keeping UV seams, borders and normals. A scene already within the limit is left untouched.
//
// The budget is split across primitives in proportion to their triangle counts (floored, so the sum never
// exceeds the limit). Each primitive is welded (meshoptimizer's README: duplicate vertices make the simplifier
// get stuck), then simplified with simplifyWithAttributes (normals, UVs, colours as attributes; seams are
// inferred from the index buffer and kept) with LockBorder. When topology stops that short of the target
// (many small open pieces), it retries without LockBorder, then Permissive, then simplifySloppy with a
// shrinking target, and as a last resort drops the remaining triangles: the limit is never exceeded.
//
// Default: the parser fills face_limit = 10000 for every convert_model request (V2 schema), and the engine
// cannot tell a sent 10000 from an omitted one. It applies the limit either way, as Tripo's V2 API does
// (it decimates to 10000 by default); pricing charges the surcharge only for a value other than 10000, and a
// model under 10000 triangles comes out unchanged.

import { Document, type Accessor, type Mesh, type Primitive } from '@gltf-transform/core';
import { compactPrimitive, convertPrimitiveToTriangles, weldPrimitive } from '@gltf-transform/functions';
import type { MeshoptSimplifier as MeshoptSimplifierModule, SimplifierFlags } from 'meshoptimizer';
import { listPrimitiveUses } from './list-primitive-uses.ts';

export interface SimplifyToFaceLimitOptions {
  /** Maximum triangles the default scene may draw afterwards. */
  faceLimit: number;
  /** meshoptimizer's MeshoptSimplifier, awaited `.ready`. */
  simplifier: typeof MeshoptSimplifierModule;
  /** Keep open borders in place on the first attempt. */
  lockBorder?: boolean;
  /** Attribute weights (meshoptimizer: a change of 1/weight in the attribute costs like a change of one mesh-scale unit). */
  normalWeight?: number;
  uvWeight?: number;
  colorWeight?: number;
}

export const SIMPLIFY_TO_FACE_LIMIT_DEFAULTS: Required<Omit<SimplifyToFaceLimitOptions, 'faceLimit' | 'simplifier'>> = {
  lockBorder: true,
  normalWeight: 0.5,
  uvWeight: 1,
  colorWeight: 1,
};

export interface SimplifyReport {
  triangleCountBefore: number;
  triangleCountAfter: number;
}

const MODE_TRIANGLES = 4;

export interface SimplifyToErrorOptions extends Omit<SimplifyToFaceLimitOptions, 'faceLimit'> {
  /** meshoptimizer's error bound, relative to each mesh's extent (0.01 = 1 %), as gltfpack's -se takes it. */
  targetError: number;
}

/**
 * Decimates every triangle primitive of the default scene as far as it goes within `targetError`, with the
 * welding, attributes and LockBorder of simplifyToFaceLimit and no face target: what gltfpack -si 0 -se E does,
 * for comparing the two at equal error (bench/geometry-corpus.ts). convert_model uses simplifyToFaceLimit.
 */
export function simplifyToError(document: Document, options: SimplifyToErrorOptions): SimplifyReport {
  const resolved = { ...SIMPLIFY_TO_FACE_LIMIT_DEFAULTS, ...options };
  const uses = listPrimitiveUses(document);
  const count = (triangles: (use: (typeof uses)[number]) => number) =>
    uses.reduce((sum, use) => sum + triangles(use) * use.instanceCount, 0);
  const before = count((use) => use.triangleCount);
  const kept = new Map(uses.map((use) => [use, simplifyPrimitive(use.primitive, 0, resolved, options.targetError)]));
  return { triangleCountBefore: before, triangleCountAfter: count((use) => kept.get(use)!) };
}

export function simplifyToFaceLimit(document: Document, options: SimplifyToFaceLimitOptions): SimplifyReport {
  const resolved = { ...SIMPLIFY_TO_FACE_LIMIT_DEFAULTS, ...options };
  const faceLimit = Math.max(0, Math.floor(resolved.faceLimit));
  const uses = listPrimitiveUses(document);
  const before = uses.reduce((sum, use) => sum + use.triangleCount * use.instanceCount, 0);
  if (before <= faceLimit) return { triangleCountBefore: before, triangleCountAfter: before };

  let after = 0;
  for (const { primitive, instanceCount, triangleCount } of uses) {
    const target = Math.floor((faceLimit * triangleCount) / before);
    const kept = simplifyPrimitive(primitive, target, resolved, 1);
    after += kept * instanceCount;
  }
  return { triangleCountBefore: before, triangleCountAfter: after };
}

/**
 * Simplifies one primitive to at most `targetTriangles`, or with a `targetError` under 1 as far as that error
 * allows (the first attempt only, no forcing to a count); returns the triangles it keeps.
 */
function simplifyPrimitive(
  primitive: Primitive,
  targetTriangles: number,
  options: Required<Omit<SimplifyToFaceLimitOptions, 'faceLimit'>>,
  targetError: number,
): number {
  if (primitive.getMode() !== MODE_TRIANGLES) convertPrimitiveToTriangles(primitive);
  const errorBound = targetError < 1;
  if (targetTriangles <= 0 && !errorBound) {
    disposePrimitive(primitive);
    return 0;
  }
  weldPrimitive(primitive);
  const indicesAccessor = primitive.getIndices()!;
  const source = indicesAccessor.getArray()!;
  const indices = source instanceof Uint32Array ? source : Uint32Array.from(source);
  if (indices.length / 3 <= targetTriangles) return indices.length / 3;

  const positions = floatArray(primitive.getAttribute('POSITION')!, 3);
  const { attributes, stride, weights } = simplifierAttributes(primitive, options);
  const { simplifier } = options;
  const targetIndexCount = targetTriangles * 3;
  const attempts: SimplifierFlags[][] = options.lockBorder
    ? [['LockBorder'], [], ['Permissive']]
    : [[], ['Permissive']];
  if (errorBound) attempts.length = 1;
  let result = indices;
  for (const flags of attempts) {
    [result] = simplifier.simplifyWithAttributes(
      indices,
      positions,
      3,
      attributes,
      stride,
      weights,
      null,
      targetIndexCount,
      targetError,
      flags,
    );
    if (result.length <= targetIndexCount) break;
  }
  // simplifySloppy ignores topology and usually lands on the target; shrink it if it overshoots.
  for (
    let sloppyTarget = targetIndexCount;
    !errorBound && result.length > targetIndexCount && sloppyTarget >= 3;
    sloppyTarget = Math.floor((sloppyTarget * 0.8) / 3) * 3
  ) {
    [result] = simplifier.simplifySloppy(indices, positions, 3, null, sloppyTarget, 1);
  }
  if (!errorBound && result.length > targetIndexCount) result = result.slice(0, targetIndexCount);
  if (result.length === 0) {
    disposePrimitive(primitive);
    return 0;
  }

  const document = Document.fromGraph(primitive.getGraph())!;
  primitive.setIndices(
    document.createAccessor().setType('SCALAR').setArray(result).setBuffer(indicesAccessor.getBuffer()),
  );
  if (indicesAccessor.listParents().length === 1) indicesAccessor.dispose();
  compactPrimitive(primitive);
  const compacted = primitive.getIndices()!;
  const vertexCount = primitive.getAttribute('POSITION')!.getCount();
  if (vertexCount <= 65_534 && !(compacted.getArray() instanceof Uint16Array))
    compacted.setArray(Uint16Array.from(compacted.getArray()!));
  return result.length / 3;
}

function simplifierAttributes(
  primitive: Primitive,
  options: Required<Omit<SimplifyToFaceLimitOptions, 'faceLimit' | 'simplifier'>>,
) {
  const parts: Array<{ values: Float32Array; width: number; weight: number }> = [];
  const normal = primitive.getAttribute('NORMAL');
  if (normal) parts.push({ values: floatArray(normal, 3), width: 3, weight: options.normalWeight });
  const uv = primitive.getAttribute('TEXCOORD_0');
  if (uv) parts.push({ values: floatArray(uv, 2), width: 2, weight: options.uvWeight });
  const color = primitive.getAttribute('COLOR_0');
  if (color) parts.push({ values: floatArray(color, 3), width: 3, weight: options.colorWeight });
  const stride = parts.reduce((sum, part) => sum + part.width, 0);
  const vertexCount = primitive.getAttribute('POSITION')!.getCount();
  const attributes = new Float32Array(vertexCount * stride);
  let offset = 0;
  for (const { values, width } of parts) {
    for (let vertex = 0; vertex < vertexCount; vertex++) {
      for (let component = 0; component < width; component++)
        attributes[vertex * stride + offset + component] = values[vertex * width + component];
    }
    offset += width;
  }
  const weights = parts.flatMap(({ width, weight }) => Array<number>(width).fill(weight));
  return { attributes, stride, weights };
}

/** The accessor's values as floats, `width` components per element (normalised integers decoded, extra components dropped). */
export function floatArray(accessor: Accessor, width: number): Float32Array {
  const array = accessor.getArray();
  if (array instanceof Float32Array && accessor.getElementSize() === width) return array;
  const count = accessor.getCount();
  const out = new Float32Array(count * width);
  const element: number[] = [];
  for (let index = 0; index < count; index++) {
    accessor.getElement(index, element);
    for (let component = 0; component < width; component++) out[index * width + component] = element[component] ?? 0;
  }
  return out;
}

/** Removes a primitive reduced to nothing, and its mesh when that was the last one (glTF needs ≥ 1 primitive). */
function disposePrimitive(primitive: Primitive): void {
  const meshes = primitive.listParents().filter((parent): parent is Mesh => parent.propertyType === 'Mesh');
  primitive.dispose();
  for (const mesh of meshes) if (mesh.listPrimitives().length === 0) mesh.dispose();
}
