// Reads binary or ASCII FBX (7.x) into a glTF-Transform Document: three's FBXLoader parses it (meshes, materials,
// embedded textures, skeletons, skins, animation stacks) and three's GLTFExporter turns the scene into glTF, which
// glTF-Transform reads back. Both are libraries built for browsers; the only hand-written parts are the two small
// stand-ins Node lacks (an <img> element that records the blob: URL of an embedded texture, and FileReader) and
// the hand-over of texture bytes, which the exporter would otherwise have to re-encode through a canvas.

import { resolveObjectURL } from 'node:buffer';
import { NodeIO, type Document, type Texture as GltfTexture } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import { Mesh, MeshStandardMaterial, type Material, type Object3D, type Texture } from 'three';
import { FBXLoader } from 'three/examples/jsm/loaders/FBXLoader.js';
import { GLTFExporter } from 'three/examples/jsm/exporters/GLTFExporter.js';
import { checkFbxBinary, FBX_BINARY_LIMITS, isBinaryFbx } from './check-fbx-binary.ts';
import { ModelInputError } from './model-input-error.ts';

export interface ReadFbxOptions {
  maxTriangleCount: number;
}

/** The texture slots of three's materials that glTF can carry, and what they become. */
const TEXTURE_SLOTS = ['map', 'normalMap', 'emissiveMap', 'aoMap'] as const;
type TextureSlot = (typeof TEXTURE_SLOTS)[number];

interface CapturedTexture {
  bytes: Uint8Array;
  mimeType: string;
}

let readQueue: Promise<unknown> = Promise.resolve();

/** FBX reads take turns: the browser stand-ins are process-wide globals while one runs. */
export function readFbx(bytes: Uint8Array, options: ReadFbxOptions): Promise<Document> {
  const turn = readQueue.then(() => readFbxAlone(bytes, options));
  readQueue = turn.catch(() => undefined);
  return turn;
}

async function readFbxAlone(bytes: Uint8Array, options: ReadFbxOptions): Promise<Document> {
  if (isBinaryFbx(bytes)) checkFbxBinary(bytes, { ...FBX_BINARY_LIMITS, maxTriangleCount: options.maxTriangleCount });
  else if (!/^\s*(;|FBXHeaderExtension:)/.test(new TextDecoder().decode(bytes.subarray(0, 256)))) {
    throw new ModelInputError(
      'The file is not an FBX file (neither the binary "Kaydara FBX Binary" header nor ASCII FBX).',
    );
  }
  const restoreGlobals = installBrowserStandIns();
  try {
    const scene = parseFbx(bytes);
    removeLightsAndCameras(scene);
    await new Promise((resolve) => setTimeout(resolve, 0)); // lets the stand-in <img> elements fire their load events
    assertTriangleBudget(scene, options.maxTriangleCount);
    const textures = await detachTextures(scene);
    const glb = await exportGlb(scene);
    const document = await new NodeIO().registerExtensions(ALL_EXTENSIONS).readBinary(glb);
    reattachTextures(document, textures);
    flipTextureCoordinates(document);
    if (document.getRoot().listMeshes().length === 0) throw new ModelInputError('The FBX file contains no meshes.');
    return document;
  } finally {
    restoreGlobals();
  }
}

function parseFbx(bytes: Uint8Array): Object3D {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  try {
    return new FBXLoader().parse(buffer, '');
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^THREE\.FBXLoader: /, '') : String(error);
    throw new ModelInputError(`The FBX file could not be read: ${detail}`);
  }
}

/** FBXLoader turns the scene's ambient colour, lights and cameras into objects; a model output carries none. */
function removeLightsAndCameras(scene: Object3D): void {
  const unwanted: Object3D[] = [];
  scene.traverse((object) => {
    if ((object as { isLight?: boolean }).isLight || (object as { isCamera?: boolean }).isCamera) unwanted.push(object);
  });
  for (const object of unwanted) object.removeFromParent();
}

function assertTriangleBudget(scene: Object3D, maxTriangleCount: number): void {
  let triangles = 0;
  scene.traverse((object) => {
    if (!(object instanceof Mesh)) return;
    const geometry = object.geometry;
    triangles += Math.floor(
      (geometry.index ? geometry.index.count : (geometry.getAttribute('position')?.count ?? 0)) / 3,
    );
  });
  if (triangles > maxTriangleCount) {
    throw new ModelInputError(
      `The model has ${triangles.toLocaleString('en-US')} triangles; the limit is ${maxTriangleCount.toLocaleString('en-US')}. Simplify it before uploading.`,
    );
  }
}

/**
 * Replaces every material by a MeshStandardMaterial (glTF's model; FBX files carry Phong/Lambert), moves its
 * texture images out (as bytes, keyed by a unique material name) and leaves the exporter untextured materials.
 */
async function detachTextures(scene: Object3D): Promise<Map<string, Partial<Record<TextureSlot, CapturedTexture>>>> {
  const captured = new Map<string, Partial<Record<TextureSlot, CapturedTexture>>>();
  const converted = new Map<Material, MeshStandardMaterial>();
  const meshes: Mesh[] = [];
  scene.traverse((object) => object instanceof Mesh && meshes.push(object));
  for (const mesh of meshes) {
    const materials = Array.isArray(mesh.material) ? mesh.material : [mesh.material];
    const replaced: MeshStandardMaterial[] = [];
    for (const material of materials) {
      let standard = converted.get(material);
      if (!standard) {
        const key = `polyforge-material-${converted.size}`;
        standard = toStandardMaterial(material, key);
        const slots: Partial<Record<TextureSlot, CapturedTexture>> = {};
        for (const slot of TEXTURE_SLOTS) {
          const texture = (material as unknown as Record<string, Texture | null | undefined>)[slot];
          const image = texture ? await textureBytes(texture) : undefined;
          if (image) slots[slot] = image;
        }
        captured.set(key, slots);
        converted.set(material, standard);
      }
      replaced.push(standard);
    }
    mesh.material = Array.isArray(mesh.material) ? replaced : replaced[0]!;
  }
  return captured;
}

function toStandardMaterial(material: Material, key: string): MeshStandardMaterial {
  const source = material as unknown as Record<string, unknown> & {
    color?: { clone(): never };
    emissive?: { clone(): never };
  };
  const shininess = typeof source.shininess === 'number' ? source.shininess : 30;
  const standard = new MeshStandardMaterial({
    name: key,
    roughness: Math.min(1, Math.max(0.05, Math.sqrt(2 / (shininess + 2)))),
    metalness: 0,
    transparent: material.transparent,
    opacity: material.opacity,
    side: material.side,
  });
  if (source.color && finiteColor(source.color)) standard.color = source.color.clone();
  if (source.emissive && finiteColor(source.emissive)) standard.emissive = source.emissive.clone();
  if (!Number.isFinite(standard.opacity)) standard.opacity = 1;
  standard.userData = { originalName: material.name };
  return standard;
}

/** Some writers leave colour components out, which three reads as NaN; those fall back to the default. */
function finiteColor(color: unknown): boolean {
  const { r, g, b } = color as { r: number; g: number; b: number };
  return [r, g, b].every(Number.isFinite);
}

async function textureBytes(texture: Texture): Promise<CapturedTexture | undefined> {
  const url = (texture.image as { src?: unknown } | undefined)?.src;
  if (typeof url !== 'string' || !url.startsWith('blob:')) return undefined; // a texture referenced by path only: not in the file
  const blob = resolveObjectURL(url);
  if (!blob) return undefined;
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const mimeType = sniffImageType(bytes);
  return mimeType ? { bytes, mimeType } : undefined;
}

function sniffImageType(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes[0] === 0x52 && bytes[1] === 0x49 && bytes[8] === 0x57 && bytes[9] === 0x45) return 'image/webp';
  return undefined; // glTF core carries PNG, JPEG (and WebP by extension) only; other images are dropped
}

async function exportGlb(scene: Object3D): Promise<Uint8Array> {
  const animations = (scene as Object3D & { animations?: unknown[] }).animations ?? [];
  const result = await new GLTFExporter().parseAsync(scene, {
    binary: true,
    animations: animations as never,
    onlyVisible: false,
  });
  return new Uint8Array(result as ArrayBuffer);
}

function reattachTextures(
  document: Document,
  captured: Map<string, Partial<Record<TextureSlot, CapturedTexture>>>,
): void {
  const textureCache = new Map<CapturedTexture, GltfTexture>();
  const gltfTexture = (image: CapturedTexture) => {
    let texture = textureCache.get(image);
    if (!texture) {
      texture = document
        .createTexture(`texture_${textureCache.size}`)
        .setImage(image.bytes)
        .setMimeType(image.mimeType);
      textureCache.set(image, texture);
    }
    return texture;
  };
  for (const material of document.getRoot().listMaterials()) {
    const slots = captured.get(material.getName());
    const extras = material.getExtras() as { originalName?: string };
    material.setName(extras.originalName ?? '').setExtras({});
    if (!slots) continue;
    if (slots.map) material.setBaseColorTexture(gltfTexture(slots.map));
    if (slots.normalMap) material.setNormalTexture(gltfTexture(slots.normalMap));
    if (slots.emissiveMap) material.setEmissiveTexture(gltfTexture(slots.emissiveMap));
    if (slots.aoMap) material.setOcclusionTexture(gltfTexture(slots.aoMap));
  }
}

/**
 * three keeps FBX's bottom-left UV origin and flips images instead (Texture.flipY); GLTFExporter would flip the
 * images it re-encodes, but the images are handed over untouched here, so the coordinates are flipped to glTF's
 * top-left origin instead (v → 1 − v), once per accessor.
 */
function flipTextureCoordinates(document: Document): void {
  const done = new Set<unknown>();
  for (const mesh of document.getRoot().listMeshes()) {
    for (const primitive of mesh.listPrimitives()) {
      for (const semantic of primitive.listSemantics()) {
        const accessor = primitive.getAttribute(semantic)!;
        if (!semantic.startsWith('TEXCOORD_') || done.has(accessor)) continue;
        done.add(accessor);
        const uv: number[] = [];
        for (let index = 0; index < accessor.getCount(); index++) {
          accessor.getElement(index, uv);
          accessor.setElement(index, [uv[0], 1 - uv[1]]);
        }
      }
    }
  }
}

/** Installs an <img> stand-in (records its blob: src and reports it loaded), FileReader and a quiet console.warn; returns the undo. */
function installBrowserStandIns(): () => void {
  const globals = globalThis as Record<string, unknown>;
  const previous = { document: globals.document, FileReader: globals.FileReader, warn: console.warn };
  globals.document = { createElementNS: () => new RecordingImageElement() };
  globals.FileReader = BlobFileReader;
  // Both libraries warn on the console about what glTF cannot hold (Phong shading, ambient light, image
  // types); the result is what counts, and a server log full of them helps no one.
  console.warn = () => undefined;
  return () => {
    globals.document = previous.document;
    globals.FileReader = previous.FileReader;
    console.warn = previous.warn;
  };
}

class RecordingImageElement {
  private readonly listeners = new Map<string, (this: RecordingImageElement, event: unknown) => void>();
  private url = '';
  readonly width = 1;
  readonly height = 1;

  addEventListener(type: string, listener: (this: RecordingImageElement, event: unknown) => void): void {
    this.listeners.set(type, listener);
  }

  removeEventListener(type: string): void {
    this.listeners.delete(type);
  }

  get src(): string {
    return this.url;
  }

  set src(url: string) {
    this.url = url;
    queueMicrotask(() => this.listeners.get('load')?.call(this, {}));
  }
}

class BlobFileReader {
  result: ArrayBuffer | string | null = null;
  onloadend: (() => void) | null = null;

  readAsArrayBuffer(blob: Blob): void {
    void blob.arrayBuffer().then((buffer) => {
      this.result = buffer;
      this.onloadend?.();
    });
  }

  readAsDataURL(blob: Blob): void {
    void blob.arrayBuffer().then((buffer) => {
      this.result = `data:${blob.type || 'application/octet-stream'};base64,${Buffer.from(buffer).toString('base64')}`;
      this.onloadend?.();
    });
  }
}
