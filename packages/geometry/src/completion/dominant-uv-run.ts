// UV seams around a hole. When a hole's rim crosses a UV seam, neighbouring rim vertices carry UVs from
// different charts (on a sphere: u ≈ 0.02 beside u ≈ 0.98), and interpolating between them would smear the
// whole texture across the patch. The rim is cut into runs at every jump in UV that is far out of proportion to
// the rim's typical step (more than SEAM_JUMP_FACTOR × the median step and more than MIN_SEAM_JUMP), the runs
// joined across the loop's start, and the longest run is the one the patch's UVs continue; the other rim
// vertices are then duplicated in the patch and interpolated too, which puts a seam there, as the mesh has.

const SEAM_JUMP_FACTOR = 6;
const MIN_SEAM_JUMP = 0.05;

/** Per loop vertex: whether it belongs to the longest run of UV-continuous rim vertices (all true: no seam). */
export function dominantUvRun(loopUvs: number[][]): boolean[] {
  const count = loopUvs.length;
  const steps = loopUvs.map((uv, index) => {
    const next = loopUvs[(index + 1) % count];
    return Math.hypot(next[0] - uv[0], next[1] - uv[1]);
  });
  const median = [...steps].sort((a, b) => a - b)[count >> 1] ?? 0;
  const jumpAfter = steps.map((step) => step > MIN_SEAM_JUMP && step > SEAM_JUMP_FACTOR * median);
  if (!jumpAfter.some(Boolean)) return new Array(count).fill(true);
  // Walk from just after a jump; each jump starts a new run.
  const start = (jumpAfter.indexOf(true) + 1) % count;
  const runOf = new Array<number>(count);
  let run = 0;
  for (let offset = 0; offset < count; offset++) {
    const index = (start + offset) % count;
    runOf[index] = run;
    if (jumpAfter[index]) run++;
  }
  const sizes = new Map<number, number>();
  for (const value of runOf) sizes.set(value, (sizes.get(value) ?? 0) + 1);
  const longest = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0][0];
  return runOf.map((value) => value === longest);
}
