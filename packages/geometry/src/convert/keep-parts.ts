// convert_model / highpoly_to_lowpoly `part_names`: keeps only the named parts of a segmented model. A part is a
// mesh node (mesh_segmentation names one node per part); a node is kept when its own name or its mesh's name is
// listed. Other nodes lose their mesh (the hierarchy, and so every transform, stays).

import type { Document } from '@gltf-transform/core';
import { listSceneRoots } from '../mesh/list-primitive-uses.ts';

/** Returns the names that matched nothing; throws nothing, so the caller decides whether that is an error. */
export function keepParts(document: Document, partNames: readonly string[]): { unmatched: string[] } {
  const wanted = new Set(partNames);
  const matched = new Set<string>();
  for (const root of listSceneRoots(document)) {
    root.traverse((node) => {
      const mesh = node.getMesh();
      if (!mesh) return;
      const name = [node.getName(), mesh.getName()].find((candidate) => wanted.has(candidate));
      if (name !== undefined) matched.add(name);
      else node.setMesh(null);
    });
  }
  for (const mesh of document.getRoot().listMeshes())
    if (mesh.listParents().every((parent) => parent.propertyType === 'Root')) mesh.dispose();
  return { unmatched: partNames.filter((name) => !matched.has(name)) };
}
