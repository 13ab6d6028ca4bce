// animate_rig on a model the pre-rig check rejects: a character standing on a pedestal, holding a prop on the
// ground, or beside a base. The welded surface is split into connected components; the components that make a
// riggable character on their own (the check run again on them) are rigged, and every other component is a prop
// that stays static. Candidates, largest first: each big component with the small components inside its bounds
// (eyes, teeth, buttons). When no candidate passes the check, the rig is refused with the check's reasons
// (RigRefusedError, a ModelInputError: the task fails and nothing is charged).

import { ModelInputError } from '../read/model-input-error.ts';
import { analyseRigShape, type RigShapeAnalysis } from './analyse-rig-shape.ts';
import type { RigMesh } from './collect-rig-mesh.ts';
import type { Point3 } from './extract-limb-branches.ts';

export class RigRefusedError extends ModelInputError {
  constructor(readonly reasons: string[]) {
    super(`The pre-rig check rejects this model, so it was not rigged: ${reasons.join('; ')}`);
    this.name = 'RigRefusedError';
  }
}

export interface SeparatedCharacter {
  /** the character's triangles over its own (compacted) vertices */
  mesh: RigMesh;
  /** character vertex → welded vertex of the whole model */
  vertexMap: Uint32Array;
  analysis: RigShapeAnalysis;
  /** 1 for welded vertices of props (left static) */
  propVertex: Uint8Array;
  propComponentCount: number;
}

/** How many of the largest components are tried as the character. */
const MAX_CANDIDATES = 4;
/** A component this much smaller than a candidate and inside its bounds belongs to it. */
const ATTACHED_SHARE = 0.15;

export function separateCharacter(mesh: RigMesh, rejected: RigShapeAnalysis): SeparatedCharacter {
  const components = connectedComponents(mesh);
  if (components.length > 1) {
    const bySize = [...components].sort((a, b) => b.volume - a.volume);
    for (const candidate of bySize.slice(0, MAX_CANDIDATES)) {
      const members = components.filter(
        (component) =>
          component === candidate ||
          (component.volume < candidate.volume * ATTACHED_SHARE && inside(component, candidate)),
      );
      if (members.length === components.length) continue;
      const memberIds = new Set(members.map((component) => component.id));
      const { sub, vertexMap } = subMesh(mesh, (triangle) => memberIds.has(components.componentOfTriangle[triangle]));
      const analysis = analyseRigShape(sub);
      if (!analysis.riggable) continue;
      const propVertex = new Uint8Array(mesh.positions.length / 3);
      components.vertexComponent.forEach((component, vertex) => {
        if (component >= 0 && !memberIds.has(component)) propVertex[vertex] = 1;
      });
      return { mesh: sub, vertexMap, analysis, propVertex, propComponentCount: components.length - members.length };
    }
  }
  throw new RigRefusedError(rejected.reasons);
}

interface Component {
  id: number;
  min: Point3;
  max: Point3;
  volume: number;
}

function connectedComponents(
  mesh: RigMesh,
): Component[] & { vertexComponent: Int32Array; componentOfTriangle: Int32Array } {
  const vertexCount = mesh.positions.length / 3;
  const parent = Int32Array.from({ length: vertexCount }, (_, index) => index);
  const find = (vertex: number): number => {
    while (parent[vertex] !== vertex) vertex = parent[vertex] = parent[parent[vertex]];
    return vertex;
  };
  const { triangles } = mesh;
  for (let corner = 0; corner < triangles.length; corner += 3) {
    const a = find(triangles[corner]);
    parent[find(triangles[corner + 1])] = a;
    parent[find(triangles[corner + 2])] = a;
  }
  const idOfRoot = new Map<number, number>();
  const vertexComponent = new Int32Array(vertexCount).fill(-1);
  const list: Component[] = [];
  for (let corner = 0; corner < triangles.length; corner++) {
    const vertex = triangles[corner];
    const root = find(vertex);
    let id = idOfRoot.get(root);
    if (id === undefined) {
      id = list.length;
      idOfRoot.set(root, id);
      list.push({ id, min: [Infinity, Infinity, Infinity], max: [-Infinity, -Infinity, -Infinity], volume: 0 });
    }
    vertexComponent[vertex] = id;
    const component = list[id];
    for (let axis = 0; axis < 3; axis++) {
      const value = mesh.positions[vertex * 3 + axis];
      component.min[axis] = Math.min(component.min[axis], value);
      component.max[axis] = Math.max(component.max[axis], value);
    }
  }
  for (const component of list) {
    component.volume = Math.max(
      1e-12,
      (component.max[0] - component.min[0]) *
        (component.max[1] - component.min[1]) *
        (component.max[2] - component.min[2]),
    );
  }
  const componentOfTriangle = new Int32Array(triangles.length / 3);
  for (let triangle = 0; triangle < componentOfTriangle.length; triangle++)
    componentOfTriangle[triangle] = vertexComponent[triangles[triangle * 3]];
  return Object.assign(list, { vertexComponent, componentOfTriangle });
}

function inside(inner: Component, outer: Component): boolean {
  return [0, 1, 2].every((axis) => inner.min[axis] >= outer.min[axis] && inner.max[axis] <= outer.max[axis]);
}

/** The mesh with only some triangles, its vertices compacted (vertexMap: new → old), bounds over those. */
function subMesh(mesh: RigMesh, keep: (triangle: number) => boolean): { sub: RigMesh; vertexMap: Uint32Array } {
  const newIndex = new Int32Array(mesh.positions.length / 3).fill(-1);
  const vertexMap: number[] = [];
  const positions: number[] = [];
  const triangles: number[] = [];
  const min: Point3 = [Infinity, Infinity, Infinity],
    max: Point3 = [-Infinity, -Infinity, -Infinity];
  for (let triangle = 0; triangle < mesh.triangles.length / 3; triangle++) {
    if (!keep(triangle)) continue;
    for (let k = 0; k < 3; k++) {
      const vertex = mesh.triangles[triangle * 3 + k];
      if (newIndex[vertex] < 0) {
        newIndex[vertex] = vertexMap.length;
        vertexMap.push(vertex);
        for (let axis = 0; axis < 3; axis++) {
          const value = mesh.positions[vertex * 3 + axis];
          positions.push(value);
          min[axis] = Math.min(min[axis], value);
          max[axis] = Math.max(max[axis], value);
        }
      }
      triangles.push(newIndex[vertex]);
    }
  }
  return {
    sub: {
      positions: Float32Array.from(positions),
      triangles: Uint32Array.from(triangles),
      parts: mesh.parts,
      min,
      max,
    },
    vertexMap: Uint32Array.from(vertexMap),
  };
}
