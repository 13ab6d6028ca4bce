// convert_model `flatten_bottom` + `flatten_bottom_threshold`: every vertex whose world height is within
// `threshold` (model units, measured after scale_factor) of the scene's lowest point is moved straight down or
// up onto that point's horizontal plane, so the model stands flat; nothing ends up below the plane.
//
// A vertex clamp, not a plane cut (manifold-3d's trimByPlane needs manifold input, which generated meshes rarely
// are; geometry-stack.md §5.5). The move is done in world space and mapped back through the inverse of the
// vertex's world matrix (the node's, or the blend of its joints' for skinned vertices), so hierarchies, skins and
// rotations are honoured. A mesh drawn by several nodes is first copied per node, because each copy sits at
// another height.

import type { Accessor, Document, Node, Primitive } from '@gltf-transform/core';
import { listSceneRoots } from './list-primitive-uses.ts';
import { modelStats } from './model-stats.ts';
import { floatArray } from './simplify-to-face-limit.ts';
import { IDENTITY4, multiply4 } from './transform-math.ts';

export interface FlattenBottomOptions {
  /** Height above the lowest point, in model units, within which vertices are flattened. */
  threshold: number;
}

export interface FlattenBottomReport {
  bottomY: number;
  movedVertexCount: number;
}

type Matrix = ArrayLike<number>;

const MODE_TRIANGLE_FAN = 6;

export function flattenBottom(document: Document, options: FlattenBottomOptions): FlattenBottomReport {
  const bottomY = modelStats(document).boundingBox.min[1];
  const planeY = bottomY + Math.max(0, options.threshold);
  const nodes = listMeshNodes(document);
  giveEachNodeItsOwnPositions(document, nodes);
  let movedVertexCount = 0;
  for (const node of nodes) {
    for (const primitive of node.getMesh()!.listPrimitives()) {
      const position = primitive.getAttribute('POSITION');
      if (!position || primitive.getMode() > MODE_TRIANGLE_FAN) continue;
      movedVertexCount += clampPrimitive(node, primitive, position, bottomY, planeY);
    }
  }
  return { bottomY, movedVertexCount };
}

function clampPrimitive(node: Node, primitive: Primitive, position: Accessor, bottomY: number, planeY: number): number {
  if (!(position.getArray() instanceof Float32Array) || position.getNormalized()) {
    position.setArray(floatArray(position, 3)).setNormalized(false);
  }
  const positions = position.getArray() as Float32Array;
  const matrixOf = vertexMatrices(node, primitive);
  let moved = 0;
  for (let vertex = 0; vertex < position.getCount(); vertex++) {
    const m = matrixOf(vertex);
    const offset = vertex * 3;
    const worldY = m[1] * positions[offset] + m[5] * positions[offset + 1] + m[9] * positions[offset + 2] + m[13];
    if (worldY >= planeY || worldY === bottomY) continue;
    // Local displacement d with M₃·d = (0, Δy, 0): Δy times the second column of M₃⁻¹.
    const column = inverseColumnY(m);
    if (!column) continue;
    const deltaY = bottomY - worldY;
    positions[offset] += column[0] * deltaY;
    positions[offset + 1] += column[1] * deltaY;
    positions[offset + 2] += column[2] * deltaY;
    moved++;
  }
  position.setArray(positions);
  return moved;
}

/** The world matrix of each vertex: the node's, or for skinned vertices Σ weight · joint world · inverse bind. */
function vertexMatrices(node: Node, primitive: Primitive): (vertex: number) => Matrix {
  const skin = node.getSkin();
  const joints = primitive.getAttribute('JOINTS_0');
  const weights = primitive.getAttribute('WEIGHTS_0');
  if (!skin || !joints || !weights) {
    const world = node.getWorldMatrix();
    return () => world;
  }
  const inverseBind = skin.getInverseBindMatrices();
  const element: number[] = [];
  const jointMatrices = skin
    .listJoints()
    .map((joint, index) =>
      multiply4(joint.getWorldMatrix(), inverseBind ? inverseBind.getElement(index, element).slice() : IDENTITY4),
    );
  const jointValues = floatArray(joints, 4);
  const weightValues = floatArray(weights, 4);
  const blended = new Float64Array(16);
  return (vertex) => {
    blended.fill(0);
    for (let influence = 0; influence < 4; influence++) {
      const weight = weightValues[vertex * 4 + influence];
      const matrix = jointMatrices[jointValues[vertex * 4 + influence]];
      if (!weight || !matrix) continue;
      for (let cell = 0; cell < 16; cell++) blended[cell] += weight * matrix[cell];
    }
    return blended;
  };
}

function listMeshNodes(document: Document): Node[] {
  const nodes: Node[] = [];
  for (const root of listSceneRoots(document))
    root.traverse((node) => {
      if (node.getMesh()) nodes.push(node);
    });
  return nodes;
}

/** Copies meshes drawn by more than one node, and POSITION accessors shared between primitives, so each edit is local. */
function giveEachNodeItsOwnPositions(document: Document, nodes: Node[]): void {
  const seenMeshes = new Set<unknown>();
  const seenPositions = new Set<Accessor>();
  for (const node of nodes) {
    const mesh = node.getMesh()!;
    if (seenMeshes.has(mesh)) {
      const copy = document.createMesh(mesh.getName()).setWeights(mesh.getWeights());
      for (const primitive of mesh.listPrimitives()) copy.addPrimitive(primitive.clone());
      node.setMesh(copy);
    }
    seenMeshes.add(node.getMesh());
    for (const primitive of node.getMesh()!.listPrimitives()) {
      const position = primitive.getAttribute('POSITION');
      if (!position) continue;
      if (seenPositions.has(position)) primitive.setAttribute('POSITION', position.clone());
      seenPositions.add(primitive.getAttribute('POSITION')!);
    }
  }
}

/** Second column of the inverse of the upper 3×3 of a column-major 4×4 (cofactors / determinant). */
function inverseColumnY(m: Matrix): [number, number, number] | undefined {
  const [a, b, c, d, e, f, g, h, i] = [m[0], m[1], m[2], m[4], m[5], m[6], m[8], m[9], m[10]];
  const determinant = a * (e * i - f * h) - d * (b * i - c * h) + g * (b * f - c * e);
  if (Math.abs(determinant) < 1e-12) return undefined;
  // With M = [a d g; b e h; c f i], (M⁻¹)ᵣ₁ = cofactor₁ᵣ / det.
  return [(g * f - d * i) / determinant, (a * i - g * c) / determinant, (d * c - a * f) / determinant];
}
