// Which named colour is the base and which the pattern's, by where the colours stand relative to the pattern word.
import { MODIFIERS, type MaterialEntry, type Rgb } from './texture-prompt-vocabulary.ts';

export interface ColourWord {
  index: number;
  rgb: Rgb;
  name: string;
}

/**
 * Base and pattern colours. The run of colours right before the pattern word ("red and white stripes", "brown
 * spots") is the pattern's: two are [base, pattern], one is the pattern colour on the base (another colour named,
 * else the pattern's own base). Camouflage, tartan and scales take a single colour as their theme. Colours
 * elsewhere are read in order, base first; a gradient reads "from orange to purple" that way.
 */
export function bindColours(
  words: readonly string[],
  colours: readonly ColourWord[],
  pattern: { entry: MaterialEntry; index: number } | undefined,
  base: MaterialEntry,
): [Rgb, Rgb, string[]] {
  if (colours.length === 0) return [base.primary, base.secondary, []];
  const [first, second] = colours;
  const inOrder = (): [Rgb, Rgb, string[]] => [
    first.rgb,
    second ? second.rgb : pattern ? pattern.entry.secondary : shade(first.rgb, base),
    colours.slice(0, 2).map((colour) => colour.name),
  ];
  if (!pattern || pattern.entry.pattern === 'gradient') return inOrder();
  if (pattern.entry.pattern === 'porcelain') {
    // blue motifs on white, whatever order the colours came in
    const blue = colours.find((colour) => colour.name.endsWith('blue')) ?? first;
    const ground = colours.find((colour) => colour !== blue);
    return [ground ? ground.rgb : pattern.entry.primary, blue.rgb, [ground?.name ?? 'white', blue.name]];
  }
  const byIndex = new Map(colours.map((colour) => [colour.index, colour]));
  const run: ColourWord[] = [];
  for (let position = pattern.index - 1; position >= 0; position--) {
    const colour = byIndex.get(position);
    if (colour) run.unshift(colour);
    else if (!(words[position] === 'and' || words[position] === 'polka' || MODIFIERS[words[position]])) break;
  }
  const others = colours.filter((colour) => !run.includes(colour));
  if (run.length >= 2) return [run[0].rgb, run[1].rgb, [run[0].name, run[1].name]];
  if (run.length === 1) {
    if (others[0]) return [others[0].rgb, run[0].rgb, [others[0].name, run[0].name]];
    if (['camouflage', 'tartan', 'scales', 'blotches'].includes(pattern.entry.pattern))
      return [
        run[0].rgb,
        shade(run[0].rgb, { ...base, primary: [200, 200, 200], secondary: [110, 110, 110] }),
        [run[0].name],
      ];
    return [pattern.entry.primary, run[0].rgb, [run[0].name]];
  }
  return inOrder();
}

/** The secondary colour for a single named colour: the material's own contrast applied to it. */
function shade(colour: Rgb, base: MaterialEntry): Rgb {
  const ratio =
    (base.secondary[0] + base.secondary[1] + base.secondary[2] + 1) /
    (base.primary[0] + base.primary[1] + base.primary[2] + 1);
  if (Math.abs(ratio - 1) < 0.05) return colour.map((value) => Math.max(0, Math.round(value * 0.8))) as Rgb;
  return colour.map((value) => Math.max(0, Math.min(255, Math.round(value * ratio)))) as Rgb;
}
