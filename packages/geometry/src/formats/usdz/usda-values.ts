// How numbers, tuples and prim names are written in a USDA layer: six decimals, no negative zero, and names that
// are valid USD identifiers, unique in the layer.
/** `(x, y, z), (x, y, z), ...` with six decimals, built in chunks to keep large meshes fast. */
export function tuples(values: ArrayLike<number>, width: number): string {
  const parts: string[] = new Array(values.length / width);
  for (let index = 0, offset = 0; offset < values.length; index++, offset += width) {
    let part = `(${formatNumber(values[offset])}`;
    for (let component = 1; component < width; component++) part += `, ${formatNumber(values[offset + component])}`;
    parts[index] = `${part})`;
  }
  return parts.join(', ');
}

export function formatNumbers(values: ArrayLike<number>): string {
  return Array.from(values, formatNumber).join(', ');
}

export function formatNumber(value: number): string {
  const rounded = Math.round(value * 1e6) / 1e6;
  return Number.isFinite(rounded) ? String(rounded === 0 ? 0 : rounded) : '0';
}

/** A USD prim name: letters, digits and underscores, not starting with a digit, unique in the layer. */
export function uniqueIdentifier(name: string, used: Set<string>): string {
  const base = name.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^(?=\d)/, '_') || '_';
  let candidate = base;
  for (let suffix = 2; used.has(candidate); suffix++) candidate = `${base}_${suffix}`;
  used.add(candidate);
  return candidate;
}
