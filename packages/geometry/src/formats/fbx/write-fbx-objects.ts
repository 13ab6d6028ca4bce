// Small FBX object builders shared by the FBX writer's scene, skin and animation parts: Properties70 lists,
// Models (Mesh, LimbNode, Null) with their local transform, NodeAttributes, and the id/connection sink that
// every part appends to.

import { fbx, type FbxNode, type FbxProperty } from './write-fbx-binary.ts';
import type { FbxTransform } from '../../mesh/transform-math.ts';

/** Where the writer's parts put their objects and connections; ids are unique per file. */
export interface FbxObjectSink {
  newId(): number;
  add(object: FbxNode): void;
  /** Object-object link, or object-property link when `property` is given. */
  connect(child: number, parent: number, property?: string): void;
}

export type Property70 = [name: string, type: string, label: string, flags: string, ...values: FbxProperty[]];

export function properties70(entries: Property70[]): FbxNode {
  return fbx.node(
    'Properties70',
    [],
    entries.map(([name, type, label, flags, ...values]) =>
      fbx.node('P', [fbx.string(name), fbx.string(type), fbx.string(label), fbx.string(flags), ...values]),
    ),
  );
}

export const number = (value: number): FbxProperty => fbx.float64(value);

export const IDENTITY_TRANSFORM: FbxTransform = { translation: [0, 0, 0], rotation: [0, 0, 0], scaling: [1, 1, 1] };

/** `objectName\x00\x01Class`, FBX's binary spelling of `Class::objectName`. */
export const fbxName = (name: string, type: string) => fbx.string(`${name}\x00\x01${type}`);

export function modelNode(
  id: number,
  name: string,
  type: 'Mesh' | 'LimbNode' | 'Null' = 'Mesh',
  transform: FbxTransform = IDENTITY_TRANSFORM,
): FbxNode {
  return fbx.node(
    'Model',
    [fbx.int64(id), fbxName(name, 'Model'), fbx.string(type)],
    [
      fbx.node('Version', [fbx.int32(232)]),
      properties70([
        // 1 = eInheritRSrs: child = parent matrix × local matrix, as in glTF.
        ['InheritType', 'enum', '', '', fbx.int32(1)],
        ['DefaultAttributeIndex', 'int', 'Integer', '', fbx.int32(0)],
        ['Lcl Translation', 'Lcl Translation', '', 'A', ...transform.translation.map(number)],
        ['Lcl Rotation', 'Lcl Rotation', '', 'A', ...transform.rotation.map(number)],
        ['Lcl Scaling', 'Lcl Scaling', '', 'A', ...transform.scaling.map(number)],
      ]),
      fbx.node('Shading', [fbx.bool(true)]),
      fbx.node('Culling', [fbx.string('CullingOff')]),
    ],
  );
}

export function nodeAttributeNode(id: number, name: string, type: 'LimbNode' | 'Null'): FbxNode {
  return fbx.node(
    'NodeAttribute',
    [fbx.int64(id), fbxName(name, 'NodeAttribute'), fbx.string(type)],
    [
      ...(type === 'LimbNode' ? [properties70([['Size', 'double', 'Number', '', number(100)]])] : []),
      fbx.node('TypeFlags', [fbx.string(type === 'LimbNode' ? 'Skeleton' : 'Null')]),
    ],
  );
}
