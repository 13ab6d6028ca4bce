// Recognises a rig that animate_rig made (by its bone names, either spec; also after a round trip through FBX)
// and measures what animating it needs: the character's frame from its skeleton, the rest pose, the hip height,
// and a sample of skinned vertices with their influences (to keep the body on the ground in every frame).
import type { Document, Node, Primitive } from '@gltf-transform/core';
import type { CharacterFrame } from './character-frame.ts';
import type { Point3 } from './extract-limb-branches.ts';
import { collectWorldTriangles } from '../mesh/collect-world-triangles.ts';
import { ModelInputError } from '../read/model-input-error.ts';
import { listScenePrimitives } from '../formats/fbx/write-fbx-scene-primitives.ts';
import { recogniseTemplate, type RigSpec, type RigTemplate, type TemplateJoint } from './rig-templates.ts';

export interface SkinSample {
  /** rest positions, world */
  positions: Float32Array;
  /** 4 per vertex, into `joints` of the rig */
  joints: Uint16Array;
  weights: Float32Array;
}

export interface AnimatableRig {
  template: RigTemplate;
  spec: RigSpec;
  /** present joints, parents first */
  joints: TemplateJoint[];
  nodes: Map<string, Node>;
  /** rest world position of each joint */
  rest: Map<string, Point3>;
  frame: CharacterFrame;
  /** height of the hips joint above the lowest rest vertex */
  hipHeight: number;
  groundY: number;
  skinSample: SkinSample;
}

const SAMPLE_LIMIT = 2500;

export function readRig(document: Document): AnimatableRig {
  const root = document.getRoot();
  const nodesByName = new Map<string, Node>();
  for (const node of root.listNodes()) if (node.getName()) nodesByName.set(node.getName(), node);
  const recognised = recogniseTemplate([...nodesByName.keys()]);
  if (!recognised)
    throw new ModelInputError(
      'The model is not a rig made by animate_rig: its skeleton has none of the template bone names.',
    );
  const { template, spec, jointIdByName } = recognised;
  const nodes = new Map<string, Node>();
  for (const [name, id] of jointIdByName) nodes.set(id, nodesByName.get(name)!);
  const joints = template.joints.filter((joint) => nodes.has(joint.id) && (!joint.parent || nodes.has(joint.parent)));
  const rest = new Map<string, Point3>();
  for (const joint of joints) rest.set(joint.id, nodes.get(joint.id)!.getWorldTranslation() as Point3);

  const skinSample = sampleSkin(document, joints, nodes);
  let groundY = Infinity;
  for (let index = 1; index < skinSample.positions.length; index += 3)
    groundY = Math.min(groundY, skinSample.positions[index]);
  if (!Number.isFinite(groundY)) groundY = Math.min(...[...rest.values()].map((point) => point[1]));
  const hips = rest.get('hips')!;
  const forward = template.name === 'biped' ? forwardOfBiped(rest) : horizontalUnit(sub(rest.get('chest')!, hips));
  const frame: CharacterFrame = { origin: [hips[0], groundY, hips[2]], forward, left: [forward[2], 0, -forward[0]] };
  return {
    template,
    spec,
    joints,
    nodes,
    rest,
    frame,
    hipHeight: Math.max(hips[1] - groundY, 1e-6),
    groundY,
    skinSample,
  };
}

/** Forward = left × up, with left from the right hip to the left one. */
function forwardOfBiped(rest: Map<string, Point3>): Point3 {
  const left = horizontalUnit(sub(rest.get('upper_leg_l')!, rest.get('upper_leg_r')!));
  return [-left[2], 0, left[0]];
}

/** Unit horizontal direction, snapped to the nearest axis when within 10° of it (models are modelled axis-aligned). */
function horizontalUnit(v: Point3): Point3 {
  const length = Math.hypot(v[0], v[2]);
  if (!(length > 0)) return [0, 0, 1];
  const [x, z] = [v[0] / length, v[2] / length];
  const snap = Math.cos((10 * Math.PI) / 180);
  if (Math.abs(x) >= snap) return [Math.sign(x), 0, 0];
  if (Math.abs(z) >= snap) return [0, 0, Math.sign(z)];
  return [x, 0, z];
}

function sub(a: Point3, b: Point3): Point3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

/**
 * Up to SAMPLE_LIMIT skinned vertices: the 200 lowest at rest (the soles) and an even spread of the others, with
 * joint indices remapped from the skin's joint list to `joints`.
 */
function sampleSkin(document: Document, joints: TemplateJoint[], nodes: Map<string, Node>): SkinSample {
  const indexOfNode = new Map<Node, number>();
  joints.forEach((joint, index) => indexOfNode.set(nodes.get(joint.id)!, index));
  // Rest positions as drawn (node transforms and bind matrices applied), paired with their primitives' influences.
  const drawn = collectWorldTriangles(document);
  const scenePrimitives = listScenePrimitives(document);
  const sources: Array<{ primitive: Primitive; skinJoints: number[]; positions: Float32Array }> = [];
  const candidates: Array<{ source: number; vertex: number; y: number }> = [];
  scenePrimitives.forEach(({ node, primitive }, index) => {
    const skin = node.getSkin();
    if (!skin || !primitive.getAttribute('JOINTS_0') || !primitive.getAttribute('WEIGHTS_0') || !drawn[index]) return;
    const skinJoints = skin.listJoints().map((joint) => indexOfNode.get(joint) ?? 0);
    const positions = drawn[index].positions;
    const source = sources.push({ primitive, skinJoints, positions }) - 1;
    for (let vertex = 0; vertex < positions.length / 3; vertex++)
      candidates.push({ source, vertex, y: positions[vertex * 3 + 1] });
  });
  candidates.sort((a, b) => a.y - b.y);
  const lowest = candidates.slice(0, 200);
  const others = candidates.slice(200);
  const step = Math.max(1, Math.ceil(others.length / (SAMPLE_LIMIT - lowest.length)));
  const chosen = [...lowest, ...others.filter((_, index) => index % step === 0)];
  const positions = new Float32Array(chosen.length * 3),
    jointIndices = new Uint16Array(chosen.length * 4),
    weights = new Float32Array(chosen.length * 4);
  const element: number[] = [];
  chosen.forEach(({ source, vertex }, index) => {
    const { primitive, skinJoints, positions: drawnPositions } = sources[source];
    positions.set(drawnPositions.subarray(vertex * 3, vertex * 3 + 3), index * 3);
    const jointsOfVertex = primitive.getAttribute('JOINTS_0')!.getElement(vertex, element).slice(0, 4);
    jointIndices.set(
      jointsOfVertex.map((joint) => skinJoints[joint] ?? 0),
      index * 4,
    );
    weights.set(primitive.getAttribute('WEIGHTS_0')!.getElement(vertex, element).slice(0, 4), index * 4);
  });
  return { positions, joints: jointIndices, weights };
}
