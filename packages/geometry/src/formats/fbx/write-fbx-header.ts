// The FBX file's header nodes: FBXHeaderExtension (version, a fixed creation time stamp) and GlobalSettings (the
// declared axes and unit, and the time span the animations need).
import type { FbxAxes } from './fbx-presets.ts';
import { fbx, type FbxNode } from './write-fbx-binary.ts';
import { number, properties70, type Property70 } from './write-fbx-objects.ts';

export function headerExtension(version: number): FbxNode {
  const timeStamp = [
    ['Version', 1000],
    ['Year', 1970],
    ['Month', 1],
    ['Day', 1],
    ['Hour', 10],
    ['Minute', 0],
    ['Second', 0],
    ['Millisecond', 0],
  ] as const;
  return fbx.node(
    'FBXHeaderExtension',
    [],
    [
      fbx.node('FBXHeaderVersion', [fbx.int32(1003)]),
      fbx.node('FBXVersion', [fbx.int32(version)]),
      fbx.node('EncryptionType', [fbx.int32(0)]),
      fbx.node(
        'CreationTimeStamp',
        [],
        timeStamp.map(([key, value]) => fbx.node(key, [fbx.int32(value)])),
      ),
      fbx.node('Creator', [fbx.string('Polyforge')]),
    ],
  );
}

/** The declared frame (default glTF's: Y up, Z front, X right, metres; UnitScaleFactor counts centimetres). */
export function globalSettings(stopTicks: number, axes: FbxAxes): FbxNode {
  const integer = (name: string, value: number): Property70 => [name, 'int', 'Integer', '', fbx.int32(value)];
  const double = (name: string, value: number): Property70 => [name, 'double', 'Number', '', number(value)];
  return fbx.node(
    'GlobalSettings',
    [],
    [
      fbx.node('Version', [fbx.int32(1000)]),
      properties70([
        integer('UpAxis', axes.upAxis),
        integer('UpAxisSign', axes.upAxisSign),
        integer('FrontAxis', axes.frontAxis),
        integer('FrontAxisSign', axes.frontAxisSign),
        integer('CoordAxis', axes.coordAxis),
        integer('CoordAxisSign', axes.coordAxisSign),
        integer('OriginalUpAxis', axes.upAxis),
        integer('OriginalUpAxisSign', axes.upAxisSign),
        double('UnitScaleFactor', axes.unitScaleFactor),
        double('OriginalUnitScaleFactor', axes.unitScaleFactor),
        ['AmbientColor', 'ColorRGB', 'Color', '', number(0), number(0), number(0)],
        ['DefaultCamera', 'KString', '', '', fbx.string('Producer Perspective')],
        ['TimeMode', 'enum', '', '', fbx.int32(11)],
        ['TimeSpanStart', 'KTime', 'Time', '', fbx.int64(0)],
        ['TimeSpanStop', 'KTime', 'Time', '', fbx.int64(stopTicks)],
        double('CustomFrameRate', -1),
      ]),
    ],
  );
}
