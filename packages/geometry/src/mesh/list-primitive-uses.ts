// Lists every triangle primitive the default scene draws, with how many nodes draw it, so face budgets count
// what a viewer (and model-stats.ts) counts: a mesh instanced by two nodes costs its triangles twice.

import type { Document, Node, Primitive } from '@gltf-transform/core';

export interface PrimitiveUse {
  primitive: Primitive;
  /** Nodes of the default scene that draw this primitive. */
  instanceCount: number;
  /** Triangles in one instance (strips and fans counted as the triangles they unroll to). */
  triangleCount: number;
}

const MODE_TRIANGLES = 4;
const MODE_TRIANGLE_FAN = 6;

export function listPrimitiveUses(document: Document): PrimitiveUse[] {
  const uses = new Map<Primitive, PrimitiveUse>();
  for (const root of listSceneRoots(document)) {
    root.traverse((node) => {
      for (const primitive of node.getMesh()?.listPrimitives() ?? []) {
        const known = uses.get(primitive);
        if (known) {
          known.instanceCount++;
          continue;
        }
        const triangleCount = triangleCountOf(primitive);
        if (triangleCount > 0) uses.set(primitive, { primitive, instanceCount: 1, triangleCount });
      }
    });
  }
  return [...uses.values()];
}

/** Triangles drawn by the default scene, instances counted. */
export function sceneTriangleCount(document: Document): number {
  return listPrimitiveUses(document).reduce((sum, use) => sum + use.triangleCount * use.instanceCount, 0);
}

export function listSceneRoots(document: Document): Node[] {
  const root = document.getRoot();
  const scene = root.getDefaultScene() ?? root.listScenes()[0];
  if (scene) return scene.listChildren();
  return root.listNodes().filter((node) => !node.getParentNode());
}

function triangleCountOf(primitive: Primitive): number {
  const mode = primitive.getMode();
  const position = primitive.getAttribute('POSITION');
  if (!position || mode < MODE_TRIANGLES || mode > MODE_TRIANGLE_FAN) return 0;
  const count = primitive.getIndices()?.getCount() ?? position.getCount();
  return mode === MODE_TRIANGLES ? Math.floor(count / 3) : Math.max(0, count - 2);
}
