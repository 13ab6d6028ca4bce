// Rebuilds a primitive on its unwrapped layout (unwrap-atlas.ts): every attribute (morph targets too) is copied
// from the source vertex each new vertex stands for, TEXCOORD_0 becomes the atlas UVs, the triangles take the new
// indices and the primitive takes the new material. New accessors are created, so accessors another primitive
// shares are left alone. If the mesh was mirrored by its node, its winding was flipped for unwrapping and is
// flipped back here.
import type { Accessor, Document, Material, Primitive } from '@gltf-transform/core';
import type { UnwrappedMesh } from './unwrap-atlas.ts';

export function applyAtlasUvs(
  document: Document,
  primitive: Primitive,
  unwrapped: UnwrappedMesh,
  material: Material,
  flippedWinding: boolean,
): void {
  const buffer =
    primitive.getAttribute('POSITION')!.getBuffer() ?? document.getRoot().listBuffers()[0] ?? document.createBuffer();
  for (const semantic of primitive.listSemantics()) {
    if (semantic === 'TEXCOORD_0') continue;
    primitive.setAttribute(semantic, gathered(document, primitive.getAttribute(semantic)!, unwrapped.sourceVertex));
  }
  primitive.setAttribute(
    'TEXCOORD_0',
    document.createAccessor().setType('VEC2').setArray(unwrapped.uvs).setBuffer(buffer),
  );
  for (const target of primitive.listTargets()) {
    for (const semantic of target.listSemantics())
      target.setAttribute(semantic, gathered(document, target.getAttribute(semantic)!, unwrapped.sourceVertex));
  }
  const indices = Uint32Array.from(unwrapped.indices);
  if (flippedWinding)
    for (let corner = 0; corner < indices.length; corner += 3)
      [indices[corner + 1], indices[corner + 2]] = [indices[corner + 2], indices[corner + 1]];
  const vertexCount = unwrapped.sourceVertex.length;
  primitive.setIndices(
    document
      .createAccessor()
      .setType('SCALAR')
      .setArray(vertexCount <= 65535 ? Uint16Array.from(indices) : indices)
      .setBuffer(buffer),
  );
  primitive.setMaterial(material);
}

function gathered(document: Document, source: Accessor, sourceVertex: Uint32Array): Accessor {
  const size = source.getElementSize();
  const array = source.getArray()!;
  const out = new (array.constructor as new (length: number) => typeof array)(sourceVertex.length * size);
  sourceVertex.forEach((vertex, index) => out.set(array.subarray(vertex * size, vertex * size + size), index * size));
  return document
    .createAccessor()
    .setType(source.getType())
    .setArray(out)
    .setNormalized(source.getNormalized())
    .setBuffer(source.getBuffer());
}
