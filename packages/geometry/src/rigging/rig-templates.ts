// The template skeletons animate_rig fits and animate_retarget animates: joint ids, hierarchy, side, which
// joints deform the mesh, and the bone names each `spec` writes. `tripo` names follow the common humanoid
// convention (Hips, Spine, Chest, LeftUpperArm, ...; our choice, the spec does not publish Tripo's); `mixamo`
// names are Mixamo's own (mixamorig:Hips, mixamorig:LeftArm, ...), which game engines and retargeting tools
// recognise. Mixamo has no quadruped skeleton, so quadruped bones get the same names with the mixamorig: prefix.

export const RIG_TEMPLATE_NAMES = ['biped', 'quadruped'] as const;
export type RigTemplateName = (typeof RIG_TEMPLATE_NAMES)[number];
export type RigSpec = 'tripo' | 'mixamo';
export type JointSide = 'left' | 'right' | 'centre';

export interface TemplateJoint {
  id: string;
  parent?: string;
  side: JointSide;
  /** end joints (tips) carry no skin weight: they only give the last bone its direction */
  deforms: boolean;
  /** joints the fit may leave out (a tail the model does not have) */
  optional?: boolean;
  tripoName: string;
  mixamoName: string;
}

export interface RigTemplate {
  name: RigTemplateName;
  /** parents before children */
  joints: TemplateJoint[];
}

type JointRow = [
  id: string,
  parent: string | undefined,
  tripoName: string,
  mixamoName: string,
  deforms?: boolean,
  optional?: boolean,
];

function sided(rows: JointRow[]): JointRow[] {
  const out: JointRow[] = [];
  for (const side of ['left', 'right'] as const) {
    const suffix = side === 'left' ? '_l' : '_r',
      word = side === 'left' ? 'Left' : 'Right';
    for (const [id, parent, tripoName, mixamoName, deforms, optional] of rows) {
      const sidedParent = parent?.endsWith('_*') ? parent.replace('_*', suffix) : parent;
      out.push([
        `${id}${suffix}`,
        sidedParent,
        tripoName.replace('*', word),
        mixamoName.replace('*', word),
        deforms,
        optional,
      ]);
    }
  }
  return out;
}

function template(name: RigTemplateName, rows: JointRow[]): RigTemplate {
  return {
    name,
    joints: rows.map(([id, parent, tripoName, mixamoName, deforms = true, optional = false]) => ({
      id,
      parent,
      side: id.endsWith('_l') ? 'left' : id.endsWith('_r') ? 'right' : 'centre',
      deforms,
      optional,
      tripoName,
      mixamoName,
    })),
  };
}

export const BIPED_TEMPLATE: RigTemplate = template('biped', [
  ['hips', undefined, 'Hips', 'mixamorig:Hips'],
  ['spine', 'hips', 'Spine', 'mixamorig:Spine'],
  ['spine1', 'spine', 'Chest', 'mixamorig:Spine1'],
  ['spine2', 'spine1', 'UpperChest', 'mixamorig:Spine2'],
  ['neck', 'spine2', 'Neck', 'mixamorig:Neck'],
  ['head', 'neck', 'Head', 'mixamorig:Head'],
  ['head_end', 'head', 'HeadTop_End', 'mixamorig:HeadTop_End', false],
  ...sided([
    ['shoulder', 'spine2', '*Shoulder', 'mixamorig:*Shoulder'],
    ['upper_arm', 'shoulder_*', '*UpperArm', 'mixamorig:*Arm'],
    ['lower_arm', 'upper_arm_*', '*LowerArm', 'mixamorig:*ForeArm'],
    ['hand', 'lower_arm_*', '*Hand', 'mixamorig:*Hand'],
    ['hand_end', 'hand_*', '*Hand_End', 'mixamorig:*Hand_End', false],
    ['upper_leg', 'hips', '*UpperLeg', 'mixamorig:*UpLeg'],
    ['lower_leg', 'upper_leg_*', '*LowerLeg', 'mixamorig:*Leg'],
    ['foot', 'lower_leg_*', '*Foot', 'mixamorig:*Foot'],
    ['toe', 'foot_*', '*Toes', 'mixamorig:*ToeBase'],
    ['toe_end', 'toe_*', '*Toes_End', 'mixamorig:*Toe_End', false],
  ]),
]);

export const QUADRUPED_TEMPLATE: RigTemplate = template('quadruped', [
  ['hips', undefined, 'Hips', 'mixamorig:Hips'],
  ['spine', 'hips', 'Spine', 'mixamorig:Spine'],
  ['spine1', 'spine', 'Spine1', 'mixamorig:Spine1'],
  ['chest', 'spine1', 'Chest', 'mixamorig:Chest'],
  ['neck', 'chest', 'Neck', 'mixamorig:Neck'],
  ['head', 'neck', 'Head', 'mixamorig:Head'],
  ['head_end', 'head', 'Head_End', 'mixamorig:Head_End', false],
  ['tail', 'hips', 'Tail', 'mixamorig:Tail', true, true],
  ['tail1', 'tail', 'Tail1', 'mixamorig:Tail1', true, true],
  ['tail2', 'tail1', 'Tail2', 'mixamorig:Tail2', true, true],
  ['tail_end', 'tail2', 'Tail_End', 'mixamorig:Tail_End', false, true],
  ...sided([
    ['front_upper_leg', 'chest', 'Front*UpperLeg', 'mixamorig:Front*UpperLeg'],
    ['front_lower_leg', 'front_upper_leg_*', 'Front*LowerLeg', 'mixamorig:Front*LowerLeg'],
    ['front_foot', 'front_lower_leg_*', 'Front*Foot', 'mixamorig:Front*Foot'],
    ['front_toe_end', 'front_foot_*', 'Front*Toe_End', 'mixamorig:Front*Toe_End', false],
    ['rear_upper_leg', 'hips', 'Back*UpperLeg', 'mixamorig:Back*UpperLeg'],
    ['rear_lower_leg', 'rear_upper_leg_*', 'Back*LowerLeg', 'mixamorig:Back*LowerLeg'],
    ['rear_foot', 'rear_lower_leg_*', 'Back*Foot', 'mixamorig:Back*Foot'],
    ['rear_toe_end', 'rear_foot_*', 'Back*Toe_End', 'mixamorig:Back*Toe_End', false],
  ]),
]);

export const RIG_TEMPLATES: Record<RigTemplateName, RigTemplate> = {
  biped: BIPED_TEMPLATE,
  quadruped: QUADRUPED_TEMPLATE,
};

export function boneName(joint: TemplateJoint, spec: RigSpec): string {
  return spec === 'mixamo' ? joint.mixamoName : joint.tripoName;
}

/** Joint positions of a fitted skeleton, world units, by template joint id (optional joints may be missing). */
export type JointPositions = Map<string, [number, number, number]>;

/** Bone names compared without case and punctuation: FBX readers drop the ':' of "mixamorig:Hips". */
function normaliseBoneName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Which template a set of bone names belongs to, and each name's joint id; undefined if no template matches. */
export function recogniseTemplate(
  names: readonly string[],
): { template: RigTemplate; spec: RigSpec; jointIdByName: Map<string, string> } | undefined {
  const present = new Map(names.map((name) => [normaliseBoneName(name), name]));
  for (const template of [QUADRUPED_TEMPLATE, BIPED_TEMPLATE]) {
    for (const spec of ['tripo', 'mixamo'] as const) {
      const required = template.joints.filter((joint) => !joint.optional);
      if (required.every((joint) => present.has(normaliseBoneName(boneName(joint, spec))))) {
        const jointIdByName = new Map<string, string>();
        for (const joint of template.joints) {
          const actual = present.get(normaliseBoneName(boneName(joint, spec)));
          if (actual !== undefined) jointIdByName.set(actual, joint.id);
        }
        return { template, spec, jointIdByName };
      }
    }
  }
  return undefined;
}
