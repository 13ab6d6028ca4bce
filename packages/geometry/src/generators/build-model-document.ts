// Turns a generator's parts and the resolved material slots into a glTF-Transform Document: one PBR material
// per slot (baked procedural textures when textured), UVs rescaled so one texture tile covers the same
// number of metres on every part (uniform texel density, seamless thanks to tileable textures), and either
// one node per part (generate_parts: named parts) or one mesh with a primitive per material.
//
// UV scaling: for each triangle the UV Jacobian gives how many metres one unit of u and of v spans
// (∂P/∂u, ∂P/∂v from the edge vectors and UV deltas); their area-weighted means per primitive group turn the
// shape's own 0–1 UVs into metric ones, divided by the material's tile size (rounded to whole tiles where that
// changes little, so seams where a shape's UVs wrap around stay invisible).

import { Document, Logger, type Material, type Texture } from '@gltf-transform/core';
import type { BufferAttribute, BufferGeometry } from 'three';
import type { Sharp } from '../formats/textures/encode-texture.ts';
import type { GeneratedPart } from './kit/part-kit.ts';
import { srgbToLinear, type Rgb } from './materials/colour-names.ts';
import type { MaterialKind } from './materials/material-kinds.ts';
import { synthesizeMaterialMaps } from './materials/synthesize-material-maps.ts';
import type { SeededRandom } from './seeded-random.ts';

export interface ResolvedSlot {
  kindName: string;
  kind: MaterialKind;
  colour: Rgb;
  colourName: string;
}

export interface BuildModelDocumentOptions {
  name: string;
  parts: readonly GeneratedPart[];
  slots: Readonly<Record<string, ResolvedSlot>>;
  textured: boolean;
  pbr: boolean;
  textureSizePixels: number;
  /** one node per part, named after it */
  generateParts: boolean;
  /** faceted normals (low-poly look) */
  flatShading: boolean;
  /** how far the texture pattern shows (cartoon styles soften it) */
  contrastScale: number;
  /** texture_seed's stream */
  textureRandom: SeededRandom;
  sharp: Sharp;
}

interface MeshArrays {
  positions: Float32Array;
  normals: Float32Array;
  uvs: Float32Array;
  indices: Uint32Array;
}

export async function buildModelDocument(options: BuildModelDocumentOptions): Promise<Document> {
  // later steps (prune, meshopt's quantize) log routine notes; only errors matter in a server
  const document = new Document().setLogger(new Logger(Logger.Verbosity.ERROR));
  const buffer = document.createBuffer();
  const scene = document.createScene(options.name);
  document.getRoot().setDefaultScene(scene);

  const usedSlots = [...new Set(options.parts.map((part) => part.slot))];
  // images are encoded concurrently, but the Document's properties are created in slot order: same seeds, same bytes
  const images = await Promise.all(
    usedSlots.map((slot) => {
      if (!options.slots[slot]) throw new Error(`part slot ${slot} has no material`);
      return materialImages(slot, options.slots[slot], options);
    }),
  );
  const materials = new Map<string, Material>();
  usedSlots.forEach((slot, index) =>
    materials.set(slot, createMaterial(document, slot, options.slots[slot], images[index])),
  );

  const arraysOf = (part: GeneratedPart): MeshArrays => {
    const resolved = options.slots[part.slot];
    return meshArrays(part.geometry, resolved.kind.tileMetres, options.flatShading);
  };
  const createPrimitive = (arrays: MeshArrays, material: Material) => {
    const indices = arrays.positions.length / 3 <= 65535 ? Uint16Array.from(arrays.indices) : arrays.indices;
    return document
      .createPrimitive()
      .setAttribute('POSITION', document.createAccessor().setType('VEC3').setArray(arrays.positions).setBuffer(buffer))
      .setAttribute('NORMAL', document.createAccessor().setType('VEC3').setArray(arrays.normals).setBuffer(buffer))
      .setAttribute('TEXCOORD_0', document.createAccessor().setType('VEC2').setArray(arrays.uvs).setBuffer(buffer))
      .setIndices(document.createAccessor().setType('SCALAR').setArray(indices).setBuffer(buffer))
      .setMaterial(material);
  };

  if (options.generateParts) {
    for (const part of options.parts) {
      const mesh = document
        .createMesh(part.name)
        .addPrimitive(createPrimitive(arraysOf(part), materials.get(part.slot)!));
      scene.addChild(document.createNode(part.name).setMesh(mesh));
    }
  } else {
    const mesh = document.createMesh(options.name);
    for (const slot of usedSlots) {
      const merged = mergeArrays(options.parts.filter((part) => part.slot === slot).map(arraysOf));
      mesh.addPrimitive(createPrimitive(merged, materials.get(slot)!));
    }
    scene.addChild(document.createNode(options.name).setMesh(mesh));
  }
  return document;
}

interface EncodedImage {
  name: string;
  bytes: Uint8Array;
  format: 'jpeg' | 'png';
}

interface MaterialImages {
  baseColor: EncodedImage;
  metallicRoughness?: EncodedImage;
  normal?: EncodedImage;
}

/** The slot's baked texture images, or undefined when the slot is untextured (a flat colour). */
async function materialImages(
  slot: string,
  resolved: ResolvedSlot,
  options: BuildModelDocumentOptions,
): Promise<MaterialImages | undefined> {
  if (!options.textured || resolved.kind.pattern === 'flat') return undefined;
  // every slot draws from its own stream, so adding a slot elsewhere never changes this one's texture
  const random = options.textureRandom.fork(slot);
  const scaledKind = { ...resolved.kind, contrast: resolved.kind.contrast * options.contrastScale };
  const maps = synthesizeMaterialMaps(scaledKind, resolved.colour, options.textureSizePixels, random, options.pbr);
  const encode = async (name: string, rgb: Uint8Array, format: 'jpeg' | 'png'): Promise<EncodedImage> => {
    const pipeline = options.sharp(rgb, { raw: { width: maps.sizePixels, height: maps.sizePixels, channels: 3 } });
    const encoded =
      format === 'jpeg'
        ? await pipeline.jpeg({ quality: 90 }).toBuffer()
        : await pipeline.png({ compressionLevel: 6 }).toBuffer();
    return { name, bytes: new Uint8Array(encoded.buffer, encoded.byteOffset, encoded.byteLength), format };
  };
  const [baseColor, metallicRoughness, normal] = await Promise.all([
    encode(`${slot}_basecolor`, maps.baseColor, 'jpeg'),
    maps.metallicRoughness ? encode(`${slot}_metallic_roughness`, maps.metallicRoughness, 'jpeg') : undefined,
    maps.normal ? encode(`${slot}_normal`, maps.normal, 'png') : undefined,
  ]);
  return { baseColor, metallicRoughness, normal };
}

function createMaterial(
  document: Document,
  slot: string,
  resolved: ResolvedSlot,
  images: MaterialImages | undefined,
): Material {
  const { kind, colour } = resolved;
  const material = document
    .createMaterial(`${slot}_${resolved.kindName}`)
    .setMetallicFactor(kind.metallic)
    .setRoughnessFactor(kind.roughness);
  material.setDoubleSided(Boolean(kind.doubleSided));
  const alpha = kind.alpha ?? 1;
  if (alpha < 1) material.setAlphaMode('BLEND');
  const linear = [srgbToLinear(colour[0]), srgbToLinear(colour[1]), srgbToLinear(colour[2])];
  if (!images) return material.setBaseColorFactor([linear[0], linear[1], linear[2], alpha]);
  material.setBaseColorFactor([1, 1, 1, alpha]);
  material.setBaseColorTexture(createTexture(document, images.baseColor));
  if (images.metallicRoughness && images.normal) {
    material.setMetallicFactor(1).setRoughnessFactor(1);
    material.setMetallicRoughnessTexture(createTexture(document, images.metallicRoughness));
    material.setNormalTexture(createTexture(document, images.normal));
  }
  return material;
}

function createTexture(document: Document, image: EncodedImage): Texture {
  return document
    .createTexture(image.name)
    .setImage(image.bytes)
    .setMimeType(image.format === 'jpeg' ? 'image/jpeg' : 'image/png')
    .setURI(`${image.name}.${image.format === 'jpeg' ? 'jpg' : 'png'}`);
}

/** The part's geometry as flat arrays: metric UVs (glTF's top-left origin), unit normals, 32-bit indices. */
function meshArrays(source: BufferGeometry, tileMetres: number, flatShading: boolean): MeshArrays {
  let geometry = source;
  if (flatShading) {
    geometry = source.index ? source.toNonIndexed() : source.clone();
    geometry.deleteAttribute('normal');
    geometry.computeVertexNormals();
  }
  const position = geometry.getAttribute('position') as BufferAttribute;
  const normal = geometry.getAttribute('normal') as BufferAttribute | undefined;
  const uv = geometry.getAttribute('uv') as BufferAttribute | undefined;
  const vertexCount = position.count;
  const positions = Float32Array.from(position.array as ArrayLike<number>).subarray(0, vertexCount * 3);
  const indices = geometry.index
    ? Uint32Array.from(geometry.index.array as ArrayLike<number>)
    : Uint32Array.from({ length: vertexCount }, (_, index) => index);
  if (!normal) geometry.computeVertexNormals();
  const normals = unitNormals(
    Float32Array.from((geometry.getAttribute('normal') as BufferAttribute).array as ArrayLike<number>),
  );
  const uvs = uv ? Float32Array.from(uv.array as ArrayLike<number>) : new Float32Array(vertexCount * 2);
  const groups = geometry.groups.length > 0 ? geometry.groups : [{ start: 0, count: indices.length }];
  for (const group of groups)
    scaleGroupUvs(
      positions,
      uvs,
      indices,
      group.start,
      Math.min(group.count, indices.length - group.start),
      tileMetres,
    );
  for (let index = 1; index < uvs.length; index += 2) uvs[index] = 1 - uvs[index];
  return { positions: new Float32Array(positions), normals, uvs, indices };
}

function unitNormals(normals: Float32Array): Float32Array {
  for (let offset = 0; offset < normals.length; offset += 3) {
    const length = Math.hypot(normals[offset], normals[offset + 1], normals[offset + 2]);
    if (length > 1e-8 && Number.isFinite(length)) {
      normals[offset] /= length;
      normals[offset + 1] /= length;
      normals[offset + 2] /= length;
    } else {
      normals[offset] = 0;
      normals[offset + 1] = 1;
      normals[offset + 2] = 0;
    }
  }
  return normals;
}

function scaleGroupUvs(
  positions: Float32Array,
  uvs: Float32Array,
  indices: Uint32Array,
  start: number,
  count: number,
  tileMetres: number,
): void {
  let weightSum = 0;
  let uSpan = 0;
  let vSpan = 0;
  const vertices = new Set<number>();
  for (let corner = start; corner + 2 < start + count; corner += 3) {
    const a = indices[corner],
      b = indices[corner + 1],
      c = indices[corner + 2];
    vertices.add(a).add(b).add(c);
    const e1 = [
      positions[b * 3] - positions[a * 3],
      positions[b * 3 + 1] - positions[a * 3 + 1],
      positions[b * 3 + 2] - positions[a * 3 + 2],
    ];
    const e2 = [
      positions[c * 3] - positions[a * 3],
      positions[c * 3 + 1] - positions[a * 3 + 1],
      positions[c * 3 + 2] - positions[a * 3 + 2],
    ];
    const du1 = uvs[b * 2] - uvs[a * 2],
      dv1 = uvs[b * 2 + 1] - uvs[a * 2 + 1];
    const du2 = uvs[c * 2] - uvs[a * 2],
      dv2 = uvs[c * 2 + 1] - uvs[a * 2 + 1];
    const determinant = du1 * dv2 - du2 * dv1;
    if (Math.abs(determinant) < 1e-12) continue;
    const cross = [e1[1] * e2[2] - e1[2] * e2[1], e1[2] * e2[0] - e1[0] * e2[2], e1[0] * e2[1] - e1[1] * e2[0]];
    const area = Math.hypot(cross[0], cross[1], cross[2]) / 2;
    if (!(area > 0)) continue;
    const pu = [0, 1, 2].map((axis) => (e1[axis] * dv2 - e2[axis] * dv1) / determinant);
    const pv = [0, 1, 2].map((axis) => (e2[axis] * du1 - e1[axis] * du2) / determinant);
    uSpan += Math.hypot(pu[0], pu[1], pu[2]) * area;
    vSpan += Math.hypot(pv[0], pv[1], pv[2]) * area;
    weightSum += area;
  }
  if (weightSum === 0) return;
  // A shape's 0–1 UVs often wrap around it (cylinders, lathes, tori): a whole number of tiles hides the seam.
  const wholeTiles = (scale: number) => (scale >= 0.5 ? Math.max(1, Math.round(scale)) : scale);
  const uScale = wholeTiles(uSpan / weightSum / tileMetres);
  const vScale = wholeTiles(vSpan / weightSum / tileMetres);
  // the patterns' grain runs along v: turn it along the group's longer side (a board's length, a leg's height)
  const swap = uScale > vScale * 1.2;
  for (const vertex of vertices) {
    const u = uvs[vertex * 2] * uScale;
    const v = uvs[vertex * 2 + 1] * vScale;
    uvs[vertex * 2] = swap ? v : u;
    uvs[vertex * 2 + 1] = swap ? u : v;
  }
}

function mergeArrays(list: MeshArrays[]): MeshArrays {
  const vertexTotal = list.reduce((sum, arrays) => sum + arrays.positions.length / 3, 0);
  const indexTotal = list.reduce((sum, arrays) => sum + arrays.indices.length, 0);
  const merged: MeshArrays = {
    positions: new Float32Array(vertexTotal * 3),
    normals: new Float32Array(vertexTotal * 3),
    uvs: new Float32Array(vertexTotal * 2),
    indices: new Uint32Array(indexTotal),
  };
  let vertexOffset = 0;
  let indexOffset = 0;
  for (const arrays of list) {
    merged.positions.set(arrays.positions, vertexOffset * 3);
    merged.normals.set(arrays.normals, vertexOffset * 3);
    merged.uvs.set(arrays.uvs, vertexOffset * 2);
    for (let index = 0; index < arrays.indices.length; index++)
      merged.indices[indexOffset + index] = arrays.indices[index] + vertexOffset;
    vertexOffset += arrays.positions.length / 3;
    indexOffset += arrays.indices.length;
  }
  return merged;
}
