import { describe, expect, it } from 'vitest';
import {
  asciiStl,
  binaryStl,
  objText,
  texturedCubeGlb,
  texturedCubeGltfEmbedded,
} from '../../test/fixtures/build-fixtures.ts';
import { checkerPng } from '../../test/fixtures/encode-png.ts';
import { detectFileFormat } from './detect-file-format.ts';

const text = (value: string) => new TextEncoder().encode(value);
const glb = await texturedCubeGlb();
const gltf = await texturedCubeGltfEmbedded();
const png = checkerPng();
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const webp = new Uint8Array([...text('RIFF'), 0x1a, 0, 0, 0, ...text('WEBPVP8L'), 0x0d, 0, 0, 0, 0x2f, 0, 0, 0]);
const fbxBinary = new Uint8Array([...text('Kaydara FBX Binary  '), 0x00, 0x1a, 0x00, 0xe8, 0x1c, 0, 0]);
const fbxAscii = text(
  '; FBX 7.4.0 project file\n; Copyright (C) 1997-2015 Autodesk Inc.\n\nFBXHeaderExtension:  {\n}\n',
);
const glbVersion1 = new Uint8Array([...text('glTF'), 1, 0, 0, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
const random = Uint8Array.from({ length: 4096 }, (_, index) => (index * 2654435761) >>> 24);

describe('detectFileFormat', () => {
  it.each([
    ['PNG', png, undefined, { kind: 'image', format: 'png', extension: 'png', mimeType: 'image/png' }],
    ['JPEG', jpeg, undefined, { kind: 'image', format: 'jpeg', extension: 'jpg', mimeType: 'image/jpeg' }],
    ['WebP', webp, undefined, { kind: 'image', format: 'webp', extension: 'webp', mimeType: 'image/webp' }],
    ['GLB', glb, undefined, { kind: 'model', format: 'glb', extension: 'glb', mimeType: 'model/gltf-binary' }],
    ['glTF JSON', gltf, undefined, { kind: 'model', format: 'gltf', extension: 'gltf', mimeType: 'model/gltf+json' }],
    ['binary FBX', fbxBinary, undefined, { kind: 'model', format: 'fbx', extension: 'fbx' }],
    ['ASCII FBX', fbxAscii, undefined, { kind: 'model', format: 'fbx', extension: 'fbx' }],
    [
      'ASCII STL',
      text(asciiStl()),
      undefined,
      { kind: 'model', format: 'stl', extension: 'stl', mimeType: 'model/stl' },
    ],
    ['binary STL with a "solid" header', binaryStl(), undefined, { kind: 'model', format: 'stl' }],
    ['OBJ', text(objText()), undefined, { kind: 'model', format: 'obj', extension: 'obj', mimeType: 'model/obj' }],
    [
      'OBJ with CRLF and leading blank lines',
      text(`\r\n\r\n${objText().replaceAll('\n', '\r\n')}`),
      undefined,
      { format: 'obj' },
    ],
    ['a PNG named x.glb', png, 'x.glb', { kind: 'image', format: 'png' }],
    ['a GLB named x.png', glb, 'x.png', { kind: 'model', format: 'glb' }],
    ['an STL named x.obj', text(asciiStl()), 'x.obj', { format: 'stl' }],
    ['OBJ with an unlisted statement, named .obj', text(`cstype bspline\n${objText()}`), 'part.obj', { format: 'obj' }],
  ])('recognises %s', (_name, bytes, fileName, expected) => {
    expect(detectFileFormat(bytes, fileName)).toMatchObject(expected);
  });

  it.each([
    ['empty bytes', new Uint8Array(0), 'x.glb'],
    ['random bytes', random, 'x.glb'],
    ['GLB version 1', glbVersion1, 'x.glb'],
    ['JSON that is not glTF', text('{"hello": "world"}'), 'x.gltf'],
    ['prose', text('Dear reader,\nthis is a letter.\n'), 'x.obj'],
    ['OBJ-like text with an unlisted statement, not named .obj', text(`cstype bspline\n${objText()}`), 'x.txt'],
    ['only comments', text('# nothing here\n# at all\n'), 'x.obj'],
    ['"solid" text without facets', text('solid state drive\n'), 'x.stl'],
  ])('rejects %s', (_name, bytes, fileName) => {
    expect(detectFileFormat(bytes, fileName)).toBeUndefined();
  });
});
