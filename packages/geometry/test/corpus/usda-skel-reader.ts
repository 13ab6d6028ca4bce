// Test helper: reads the UsdSkel parts of a USDA layer (the text our USDZ writer produces) and skins its mesh
// points the way USD does (UsdSkel's linear blend skinning: Σ w · jointSkelXform · bindXform⁻¹ · geomBind · p),
// so tests check the skeleton, weights and animation by recomputing the pose, independently of the writer's code.
// USD matrices are row-vector (translation in the last row); read row by row they give the same 16 numbers as a
// column-major glTF matrix, which is the form used here.

export interface UsdSkelData {
  joints: string[];
  bind: number[][];
  rest: number[][];
  points: number[];
  jointIndices: number[];
  jointWeights: number[];
  elementSize: number;
  boundAnimation?: string;
  animations: Array<{ name: string; frames: Array<{ translations: number[][]; rotations: number[][]; scales: number[][] }> }>;
}

const numbers = (text: string) => (text.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/gi) ?? []).map(Number);
const chunk = (values: number[], size: number) => Array.from({ length: values.length / size }, (_, index) => values.slice(index * size, index * size + size));

export function parseUsdSkel(usda: string): UsdSkelData {
  const array = (pattern: RegExp) => {
    const match = pattern.exec(usda);
    if (!match) throw new Error(`usda: ${pattern} not found`);
    return match[1];
  };
  const joints = [...array(/uniform token\[\] joints = \[([^\]]*)\]/).matchAll(/"([^"]+)"/g)].map((match) => match[1]);
  const bind = chunk(numbers(array(/uniform matrix4d\[\] bindTransforms = \[(.*)\]\n/)), 16);
  const rest = chunk(numbers(array(/uniform matrix4d\[\] restTransforms = \[(.*)\]\n/)), 16);
  const skinnedMesh = usda.slice(usda.indexOf('primvars:skel:jointIndices') - 20000 > 0 ? 0 : 0);
  const meshStart = usda.lastIndexOf('def Mesh', usda.indexOf('primvars:skel:jointIndices'));
  const mesh = skinnedMesh.slice(meshStart);
  const points = numbers(/point3f\[\] points = \[([^\]]*)\]/.exec(mesh)![1]);
  const jointIndices = numbers(/int\[\] primvars:skel:jointIndices = \[([^\]]*)\]/.exec(mesh)![1]);
  const jointWeights = numbers(/float\[\] primvars:skel:jointWeights = \[([^\]]*)\]/.exec(mesh)![1]);
  const elementSize = Number(/jointIndices = \[[^\]]*\] \(\s*elementSize = (\d+)/.exec(mesh)![1]);
  const boundPath = /rel skel:animationSource = <([^>]+)>/.exec(usda)?.[1];
  const animations = [...usda.matchAll(/def SkelAnimation "([^"]+)"\s*\{([\s\S]*?)\n\s*\}\n(?=\s*(?:def|\}))/g)].map(([, name, body]) => {
    const samples = (attribute: string, width: number) =>
      [...(new RegExp(`${attribute}\\.timeSamples = \\{([\\s\\S]*?)(?:\\n\\s*\\}|$)`).exec(body)?.[1] ?? '').matchAll(/-?\d+: \[([^\]]*)\]/g)].map((match) =>
        chunk(numbers(match[1]), width),
      );
    const translations = samples('translations', 3), rotations = samples('rotations', 4), scales = samples('scales', 3);
    return {
      name,
      frames: translations.map((_, frame) => ({
        translations: translations[frame],
        rotations: rotations[frame].map(([w, x, y, z]) => [x, y, z, w]),
        scales: scales[frame],
      })),
    };
  });
  return { joints, bind, rest, points, jointIndices, jointWeights, elementSize, boundAnimation: boundPath?.split('/').pop(), animations };
}

export function skinUsdPoints(skel: UsdSkelData, pose: 'rest' | { animation: string; frame: number }): Float32Array {
  const local =
    pose === 'rest'
      ? skel.rest
      : (() => {
          const frame = skel.animations.find((animation) => animation.name === pose.animation)!.frames[pose.frame];
          return skel.joints.map((_, joint) => compose(frame.translations[joint], frame.rotations[joint], frame.scales[joint]));
        })();
  const world: number[][] = [];
  skel.joints.forEach((path, joint) => {
    const parentPath = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : undefined;
    const parent = parentPath === undefined ? -1 : skel.joints.indexOf(parentPath);
    world.push(parent >= 0 ? multiply(world[parent], local[joint]) : local[joint]);
  });
  const skinning = world.map((matrix, joint) => multiply(matrix, invert(skel.bind[joint])));
  const out = new Float32Array(skel.points.length);
  for (let vertex = 0; vertex < skel.points.length / 3; vertex++) {
    const p = skel.points.slice(vertex * 3, vertex * 3 + 3);
    for (let k = 0; k < skel.elementSize; k++) {
      const weight = skel.jointWeights[vertex * skel.elementSize + k];
      if (weight === 0) continue;
      const m = skinning[skel.jointIndices[vertex * skel.elementSize + k]];
      for (let axis = 0; axis < 3; axis++) out[vertex * 3 + axis] += weight * (m[axis] * p[0] + m[4 + axis] * p[1] + m[8 + axis] * p[2] + m[12 + axis]);
    }
  }
  return out;
}

function compose([tx, ty, tz]: number[], [x, y, z, w]: number[], [sx, sy, sz]: number[]): number[] {
  return [
    (1 - 2 * (y * y + z * z)) * sx, 2 * (x * y + z * w) * sx, 2 * (x * z - y * w) * sx, 0,
    2 * (x * y - z * w) * sy, (1 - 2 * (x * x + z * z)) * sy, 2 * (y * z + x * w) * sy, 0,
    2 * (x * z + y * w) * sz, 2 * (y * z - x * w) * sz, (1 - 2 * (x * x + y * y)) * sz, 0,
    tx, ty, tz, 1,
  ];
}

function multiply(a: number[], b: number[]): number[] {
  const out = new Array(16).fill(0);
  for (let column = 0; column < 4; column++) for (let row = 0; row < 4; row++) for (let k = 0; k < 4; k++) out[column * 4 + row] += a[k * 4 + row] * b[column * 4 + k];
  return out;
}

/** Inverse of an affine column-major matrix. */
function invert(m: number[]): number[] {
  const [a, b, c, d, e, f, g, h, i] = [m[0], m[4], m[8], m[1], m[5], m[9], m[2], m[6], m[10]];
  const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  const r = [(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det, (f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det, (d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det];
  const t = [m[12], m[13], m[14]];
  const rt = [0, 1, 2].map((row) => -(r[row * 3] * t[0] + r[row * 3 + 1] * t[1] + r[row * 3 + 2] * t[2]));
  return [r[0], r[3], r[6], 0, r[1], r[4], r[7], 0, r[2], r[5], r[8], 0, rt[0], rt[1], rt[2], 1];
}
