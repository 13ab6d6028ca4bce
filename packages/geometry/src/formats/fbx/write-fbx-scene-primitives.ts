// Lists the (node, primitive) pairs behind collectWorldTriangles' output, in the same order and with the same
// filter, so writers can look up per-primitive data such as quad faces. Also says whether the primitive's
// winding is flipped (a mirroring node transform on an unskinned mesh), which quad faces must follow.
// TODO(lead): once WorldPrimitive carries its source Primitive this file can go.

import type { Document, Node, Primitive } from '@gltf-transform/core';

export interface ScenePrimitive {
  node: Node;
  primitive: Primitive;
  mirrored: boolean;
}

const MODE_TRIANGLES = 4;
const MODE_TRIANGLE_FAN = 6;

export function listScenePrimitives(document: Document): ScenePrimitive[] {
  const root = document.getRoot();
  const scene = root.getDefaultScene() ?? root.listScenes()[0];
  const roots = scene ? scene.listChildren() : root.listNodes().filter((node) => !node.getParentNode());
  const result: ScenePrimitive[] = [];
  for (const sceneRoot of roots) {
    sceneRoot.traverse((node) => {
      const mesh = node.getMesh();
      if (!mesh) return;
      for (const primitive of mesh.listPrimitives()) {
        const mode = primitive.getMode();
        if (!primitive.getAttribute('POSITION') || mode < MODE_TRIANGLES || mode > MODE_TRIANGLE_FAN) continue;
        const skinned = Boolean(
          node.getSkin() && primitive.getAttribute('JOINTS_0') && primitive.getAttribute('WEIGHTS_0'),
        );
        const m = node.getWorldMatrix();
        const determinant =
          m[0] * (m[5] * m[10] - m[6] * m[9]) -
          m[4] * (m[1] * m[10] - m[2] * m[9]) +
          m[8] * (m[1] * m[6] - m[2] * m[5]);
        result.push({ node, primitive, mirrored: !skinned && determinant < 0 });
      }
    });
  }
  return result;
}
