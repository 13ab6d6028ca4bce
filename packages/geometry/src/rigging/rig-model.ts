// animate_rig's geometry pipeline: analyse the shape, fit the template skeleton, compute bone-heat skin
// weights (on a decimated copy for dense meshes), and rewrite the Document as a skinned character (in place).
import type { Document } from '@gltf-transform/core';
import { analyseRigShape, type RigShapeAnalysis, type RigType } from './analyse-rig-shape.ts';
import { boneHeatWeights, type HeatBone } from './bone-heat-weights.ts';
import { buildRiggedDocument, presentJoints, type RiggedSkeleton } from './build-rigged-document.ts';
import { toLocal } from './character-frame.ts';
import { collectRigMesh } from './collect-rig-mesh.ts';
import { fitBipedSkeleton, type FittedSkeleton } from './fit-biped-skeleton.ts';
import { fitQuadrupedSkeleton } from './fit-quadruped-skeleton.ts';
import { limitSkinInfluences, type SkinInfluences } from './limit-skin-influences.ts';
import { RIG_TEMPLATES, type RigSpec, type RigTemplateName } from './rig-templates.ts';
import type { Point3 } from './extract-limb-branches.ts';
import { separateCharacter } from './separate-character.ts';
import { segmentInsideSolid } from './voxelize-solid.ts';
import { buildWeightProxy, transferProxyWeights } from './weight-proxy.ts';

export interface RigModelOptions {
  /** the template to fit; `undefined` picks it from the shape analysis (biped unless it finds a quadruped) */
  template?: RigTemplateName;
  spec?: RigSpec;
  /** above this many (welded) vertices the weights are solved on a decimated copy (weight-proxy.ts) */
  maxWeightVertices?: number;
}

export const RIG_MODEL_DEFAULTS = { maxWeightVertices: 15_000 } as const;

export interface RigModelResult {
  template: RigTemplateName;
  skeleton: RiggedSkeleton;
  analysis: RigShapeAnalysis;
  fallbacks: string[];
  /** triangles of the welded surface */
  triangleCount: number;
  /** triangles the weights were solved on (fewer when a decimated copy was used) */
  weightTriangleCount: number;
  /** separate parts the check found were not the character (a pedestal, a base): left static, not skinned */
  staticPropCount: number;
  timingsMs: Record<string, number>;
}

const FITTERS: Record<RigTemplateName, (analysis: RigShapeAnalysis) => FittedSkeleton> = {
  biped: fitBipedSkeleton,
  quadruped: fitQuadrupedSkeleton,
};

/** The template animate_rig fits for a requested rig_type, given what the analysis found. */
export function templateFor(requested: RigType | undefined, analysis: RigShapeAnalysis): RigTemplateName {
  if (requested === 'quadruped') return 'quadruped';
  if (requested === 'biped' || requested === undefined)
    return analysis.rigType === 'quadruped' && analysis.riggable ? 'quadruped' : 'biped';
  throw new Error(`rigModel: no template for rig type ${requested}`);
}

export async function rigModel(document: Document, options: RigModelOptions = {}): Promise<RigModelResult> {
  const timingsMs: Record<string, number> = {};
  let started = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timingsMs[name] = Math.round(now - started);
    started = now;
  };
  const whole = collectRigMesh(document);
  lap('collect');
  const wholeAnalysis = analyseRigShape(whole);
  // What the check rejects is either split into a riggable character and static props, or refused.
  const separated = wholeAnalysis.riggable ? undefined : separateCharacter(whole, wholeAnalysis);
  const mesh = separated?.mesh ?? whole;
  const analysis = separated?.analysis ?? wholeAnalysis;
  lap('analyse');
  const templateName = options.template ?? templateFor(undefined, analysis);
  const template = RIG_TEMPLATES[templateName];
  const fitted = FITTERS[templateName](analysis);
  const joints = presentJoints(template, fitted.joints);
  lap('fit');

  const deforming = joints.filter((joint) => joint.deforms);
  const bones: HeatBone[] = [];
  deforming.forEach((joint, index) => {
    const from = fitted.joints.get(joint.id)!;
    const children = joints.filter((child) => child.parent === joint.id);
    for (const child of children) bones.push({ joint: index, from, to: fitted.joints.get(child.id)! });
    if (children.length === 0) bones.push({ joint: index, from, to: from });
  });
  const proxy = await buildWeightProxy(
    mesh.positions,
    mesh.triangles,
    options.maxWeightVertices ?? RIG_MODEL_DEFAULTS.maxWeightVertices,
  );
  const visible = (from: Point3, to: Point3) => segmentInsideSolid(analysis.grid, from, to);
  const solved = boneHeatWeights(
    proxy?.positions ?? mesh.positions,
    proxy?.triangles ?? mesh.triangles,
    bones,
    deforming.length,
    visible,
  );
  const heat = proxy
    ? transferProxyWeights(proxy, mesh.positions, mesh.triangles, solved.weights, solved.nearestJoint, deforming.length)
    : solved;
  lap('weights');

  const vertexCount = mesh.positions.length / 3;
  const lateral = new Float32Array(vertexCount);
  for (let vertex = 0; vertex < vertexCount; vertex++)
    lateral[vertex] = toLocal(analysis.frame, mesh.positions.subarray(vertex * 3, vertex * 3 + 3))[0];
  const skinJointOf = Int32Array.from(deforming, (joint) => joints.indexOf(joint));
  const influences = limitSkinInfluences(
    heat.weights,
    deforming.length,
    skinJointOf,
    deforming.map((joint) => joint.side),
    lateral,
    heat.nearestJoint,
    { sideMargin: 0.01 * analysis.height },
  );
  const skeleton = await buildRiggedDocument(
    document,
    whole.parts,
    separated ? expandInfluences(influences, separated.vertexMap, whole.positions.length / 3) : influences,
    joints,
    fitted.joints,
    options.spec ?? 'tripo',
    separated?.propVertex,
  );
  lap('build');
  return {
    template: templateName,
    skeleton,
    analysis,
    fallbacks: fitted.fallbacks,
    triangleCount: whole.triangles.length / 3,
    staticPropCount: separated?.propComponentCount ?? 0,
    weightTriangleCount: (proxy?.triangles.length ?? mesh.triangles.length) / 3,
    timingsMs,
  };
}

/**
 * Influences of the character's vertices placed at their welded index in the whole model. Prop vertices are not
 * skinned (their triangles go to a static node), but a primitive may hold both: theirs read root joint, weight 1.
 */
function expandInfluences(influences: SkinInfluences, vertexMap: Uint32Array, vertexCount: number): SkinInfluences {
  const joints = new Uint16Array(vertexCount * 4),
    weights = new Float32Array(vertexCount * 4);
  for (let vertex = 0; vertex < vertexCount; vertex++) weights[vertex * 4] = 1;
  vertexMap.forEach((whole, vertex) => {
    for (let k = 0; k < 4; k++) {
      joints[whole * 4 + k] = influences.joints[vertex * 4 + k];
      weights[whole * 4 + k] = influences.weights[vertex * 4 + k];
    }
  });
  return { joints, weights };
}
