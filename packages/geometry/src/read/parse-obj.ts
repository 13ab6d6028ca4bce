// Parses Wavefront OBJ bytes into indexed pools and faces, keeping the file's own indices: `v` (with the optional
// `r g b` vertex colour), `vt`, `vn`, and `f` with 1-based or negative (relative) `v/vt/vn` corners; polygons are
// fan-triangulated. `o` and `g` start a new object (a mesh), `usemtl` a new material group (a primitive) within it;
// other statements (`mtllib`, `s`, `l`, `p`, curves) are skipped. Object and material rules follow three.js's
// OBJLoader, which this replaces: faces before the first `o`/`g` belong to the object it names, and the current
// material carries over into the next object.
//
// Written by hand: npm's maintained OBJ readers give un-indexed triangles (three's OBJLoader, and loaders.gl's, a
// port of it that also merges every object into one mesh), and going through OBJLoader cost more than the rest of
// a conversion (flat normals and default UVs built for every corner, thrown away, then the corners welded back).

import { Color, SRGBColorSpace } from 'three';
import { ModelInputError } from './model-input-error.ts';
import { isSeparator, ObjLineScanner, SLASH } from './obj-line-scanner.ts';

export interface ObjGroup {
  /** The `usemtl` name; '' for faces before any `usemtl`. */
  materialName: string;
  /** Three per corner, three corners per triangle: 0-based indices into the pools, -1 where a corner has no vt / vn. */
  corners: Int32Array;
  cornerCount: number;
}

export interface ObjObject {
  /** The `o` / `g` name; '' when the file names none. */
  name: string;
  /** In the order of their first face. */
  groups: ObjGroup[];
}

export interface ObjContent {
  /** xyz per `v` statement (NaN where a coordinate is not a number). */
  positions: Float32Array;
  /** Linear rgb in [0, 1] per `v`, -1 for a `v` without a colour; null when no `v` has one. */
  colours: Float32Array | null;
  /** uv per `vt` statement, as written (bottom-left origin). */
  uvs: Float32Array;
  /** xyz per `vn` statement, as written. */
  normals: Float32Array;
  objects: ObjObject[];
  /** Triangles the faces make, all of them, even past maxTriangleCount (whose faces are not kept). */
  triangleCount: number;
}

export interface ParseObjOptions {
  /** Faces past this many triangles are counted but not kept (read-obj.ts refuses the file). */
  maxTriangleCount: number;
}

const LETTER_V = 0x76;
const LETTER_F = 0x66;
const LETTER_O = 0x6f;
const LETTER_G = 0x67;
const LETTER_U = 0x75;

export function parseObj(bytes: Uint8Array, options: ParseObjOptions): ObjContent {
  return new ObjParser(bytes, options.maxTriangleCount).parse();
}

class ObjParser {
  private readonly scanner: ObjLineScanner;
  private readonly positions = new GrowableArray(Float32Array);
  private colours: GrowableArray<Float32Array> | null = null;
  private readonly uvs = new GrowableArray(Float32Array);
  private readonly normals = new GrowableArray(Float32Array);
  private readonly objects: ObjectBuilder[] = [];
  private object: ObjectBuilder;
  private material = '';
  /** The group of the current object and material, once a face has needed it. */
  private group: GroupBuilder | undefined;
  /** v, vt, vn of the current face's corners. */
  private face = new Int32Array(3 * 16);
  private triangleCount = 0;
  private readonly colour = new Color();

  constructor(
    bytes: Uint8Array,
    private readonly maxTriangleCount: number,
  ) {
    this.scanner = new ObjLineScanner(bytes);
    this.object = { name: '', declared: false, groups: [] };
    this.objects.push(this.object);
  }

  parse(): ObjContent {
    const scanner = this.scanner;
    const length = scanner.bytes.length;
    while (scanner.at < length) {
      scanner.skipBlanks();
      const code = scanner.peek();
      if (code === LETTER_V) {
        if (scanner.startsWithKeyword('v')) this.vertex();
        else if (scanner.startsWithKeyword('vt')) this.uv();
        else if (scanner.startsWithKeyword('vn')) this.normal();
      } else if (code === LETTER_F) {
        if (scanner.startsWithKeyword('f')) this.faceStatement();
      } else if (code === LETTER_O || code === LETTER_G) {
        if (scanner.startsWithKeyword(String.fromCharCode(code))) {
          scanner.advance();
          this.startObject(scanner.restOfLine());
        }
      } else if (code === LETTER_U && scanner.startsWithKeyword('usemtl')) {
        scanner.at += 'usemtl'.length;
        this.material = scanner.restOfLine();
        this.group = undefined;
      }
      scanner.nextLine();
    }
    return {
      positions: this.positions.trimmed(),
      colours: this.colours?.trimmed() ?? null,
      uvs: this.uvs.trimmed(),
      normals: this.normals.trimmed(),
      objects: this.objects
        .filter((object) => object.groups.length > 0)
        .map((object) => ({
          name: object.name,
          groups: object.groups.map((group) => ({
            materialName: group.materialName,
            corners: group.corners.trimmed(),
            cornerCount: group.corners.length / 3,
          })),
        })),
      triangleCount: this.triangleCount,
    };
  }

  private vertex(): void {
    const scanner = this.scanner;
    scanner.advance();
    this.positions.push3(scanner.float(), scanner.float(), scanner.float());
    // `v x y z r g b`: three more values are a colour (sRGB, as OBJLoader reads it).
    let red = Number.NaN,
      green = Number.NaN,
      blue = Number.NaN,
      extra = 0;
    for (; extra < 3; extra++) {
      scanner.skipBlanks();
      if (scanner.atStatementEnd()) break;
      const value = scanner.float();
      if (extra === 0) red = value;
      else if (extra === 1) green = value;
      else blue = value;
    }
    if (extra === 3) {
      if (!this.colours) {
        this.colours = new GrowableArray(Float32Array);
        for (let vertex = 1; vertex < this.positions.length / 3; vertex++) this.colours.push3(-1, -1, -1);
      }
      this.colour.setRGB(red, green, blue, SRGBColorSpace);
      this.colours.push3(unit(this.colour.r), unit(this.colour.g), unit(this.colour.b));
    } else {
      this.colours?.push3(-1, -1, -1);
    }
  }

  private uv(): void {
    const scanner = this.scanner;
    scanner.at += 2;
    this.uvs.push2(scanner.float(), scanner.float());
  }

  private normal(): void {
    const scanner = this.scanner;
    scanner.at += 2;
    this.normals.push3(scanner.float(), scanner.float(), scanner.float());
  }

  private startObject(name: string): void {
    this.group = undefined;
    if (!this.object.declared) {
      this.object.name = name;
      this.object.declared = true;
      return;
    }
    this.object = { name, declared: true, groups: [] };
    this.objects.push(this.object);
  }

  private faceStatement(): void {
    const scanner = this.scanner;
    scanner.advance();
    const positionCount = this.positions.length / 3;
    const uvCount = this.uvs.length / 2;
    const normalCount = this.normals.length / 3;
    let cornerCount = 0;
    for (;;) {
      scanner.skipBlanks();
      if (scanner.atStatementEnd()) break;
      const start = scanner.at;
      const position = scanner.integer();
      let uv = 0,
        normal = 0;
      if (scanner.peek() === SLASH) {
        scanner.advance();
        uv = scanner.integer();
        if (scanner.peek() === SLASH) {
          scanner.advance();
          normal = scanner.integer();
        }
      }
      if (!isSeparator(scanner.peek()) || Number.isNaN(position + uv + normal) || position === 0) {
        scanner.at = start;
        throw new ModelInputError(
          `The OBJ file is malformed: line ${scanner.line} has the face corner "${scanner.token().slice(0, 40)}", which is not a v, v/vt, v//vn or v/vt/vn index.`,
        );
      }
      const resolvedPosition = resolveIndex(position, positionCount);
      if (resolvedPosition < 0) {
        throw new ModelInputError(
          `The OBJ file has a face that refers to a vertex that does not exist: vertex ${position} on line ${scanner.line}, where ${positionCount} vertices are defined.`,
        );
      }
      if (cornerCount * 3 + 3 > this.face.length) {
        const grown = new Int32Array(this.face.length * 2);
        grown.set(this.face);
        this.face = grown;
      }
      // A vt or vn that does not exist is read as absent (OBJLoader gave NaN UVs and a flat normal).
      this.face[cornerCount * 3] = resolvedPosition;
      this.face[cornerCount * 3 + 1] = resolveIndex(uv, uvCount);
      this.face[cornerCount * 3 + 2] = resolveIndex(normal, normalCount);
      cornerCount++;
    }
    if (cornerCount < 3) return;
    this.triangleCount += cornerCount - 2;
    if (this.triangleCount > this.maxTriangleCount) return;
    const corners = this.currentGroup().corners;
    const face = this.face;
    for (let corner = 1; corner + 1 < cornerCount; corner++) {
      // A fan triangle that names one vertex twice has no area: it is left out (a degenerate polygon such as
      // "f 1 2 3 1 2 3 ..." would otherwise add a crease-split vertex per corner when normals are computed).
      const first = face[0],
        second = face[corner * 3],
        third = face[corner * 3 + 3];
      if (first === second || second === third || first === third) continue;
      corners.push3(face[0], face[1], face[2]);
      corners.push3(face[corner * 3], face[corner * 3 + 1], face[corner * 3 + 2]);
      corners.push3(face[corner * 3 + 3], face[corner * 3 + 4], face[corner * 3 + 5]);
    }
  }

  private currentGroup(): GroupBuilder {
    if (this.group) return this.group;
    let group = this.object.groups.find((candidate) => candidate.materialName === this.material);
    if (!group) {
      group = { materialName: this.material, corners: new GrowableArray(Int32Array) };
      this.object.groups.push(group);
    }
    return (this.group = group);
  }
}

interface GroupBuilder {
  materialName: string;
  corners: GrowableArray<Int32Array>;
}

interface ObjectBuilder {
  name: string;
  /** Whether an `o` / `g` named it; the first object takes the first name even after its faces. */
  declared: boolean;
  groups: GroupBuilder[];
}

/** A 1-based or negative (counted back from the last one defined) OBJ index → 0-based, or -1 if absent or out of range. */
function resolveIndex(index: number, count: number): number {
  const resolved = index > 0 ? index - 1 : index < 0 ? count + index : -1;
  return resolved >= 0 && resolved < count ? resolved : -1;
}

function unit(value: number): number {
  return Math.min(1, Math.max(0, value || 0));
}

type TypedArray = Float32Array | Int32Array;

/** A typed array that doubles when full. */
class GrowableArray<T extends TypedArray> {
  array: T;
  length = 0;

  constructor(private readonly type: { new (length: number): T }) {
    this.array = new type(1024);
  }

  push2(a: number, b: number): void {
    if (this.length + 2 > this.array.length) this.grow();
    this.array[this.length++] = a;
    this.array[this.length++] = b;
  }

  push3(a: number, b: number, c: number): void {
    if (this.length + 3 > this.array.length) this.grow();
    const array = this.array;
    array[this.length] = a;
    array[this.length + 1] = b;
    array[this.length + 2] = c;
    this.length += 3;
  }

  trimmed(): T {
    return this.array.subarray(0, this.length) as T;
  }

  private grow(): void {
    const grown = new this.type(this.array.length * 2);
    grown.set(this.array);
    this.array = grown;
  }
}
