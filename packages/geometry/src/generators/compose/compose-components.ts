// Places the objects of a composed prompt relative to each other, each built at its real size by its own
// generator: worn things on the wearer's anchor (head, neck, face, back, body), scaled to the size the wearable
// was designed for; held things in the hand (or mouth), gripped low and never taller than 70 % of the holder;
// an object on or in a support stands on its top or inside anchor (a support that fits its load, such as a hill
// or a plinth, is scaled to it; a fixed one, such as a table, keeps its size and a load too wide for it is
// scaled down, which is reported); loads ("a table with 3 mugs") spread over the top; "and" puts objects side by
// side. Generators declare anchors (kit.anchor); where one is missing the bounding box gives a stand-in.

import { Box3, Matrix4, Vector3 } from 'three';
import type { Anchor, GeneratedPart } from '../kit/part-kit.ts';
import type { ComponentReading } from '../prompt/parse-prompt.ts';

export interface BuiltComponent {
  component: ComponentReading;
  /** parts at real size in the component's own frame (standing on y = 0, facing +Z) */
  parts: GeneratedPart[];
  anchors: ReadonlyMap<string, Anchor>;
}

export interface ComposedParts {
  /** every part placed, one list per component, one entry per copy */
  placed: GeneratedPart[][][];
  notes: string[];
}

interface Placement {
  worlds: Matrix4[];
  bounds: Box3;
}

export function composeComponents(built: readonly BuiltComponent[]): ComposedParts {
  const placements: Placement[] = [];
  const notes: string[] = [];
  built.forEach((item, index) => {
    const bounds = localBounds(item.parts);
    const placement: Placement = { worlds: [new Matrix4()], bounds };
    placements.push(placement);
    const { component } = item;
    const category = component.reading.definition.category;
    if (index === 0) {
      placement.worlds = rowOf(component.copies, bounds);
      return;
    }
    const target = placements[component.attachedTo];
    const targetBuilt = built[component.attachedTo];
    const targetCategory = targetBuilt.component.reading.definition.category;
    switch (component.role) {
      case 'worn': {
        const wear = component.reading.definition.traits?.wear ?? { place: 'head', designSize: 0.1 };
        const anchor = targetBuilt.anchors.get(wear.place) ?? fallbackAnchor(wear.place, target.bounds);
        const scale = clamp(anchor.size / wear.designSize, 0.02, 50);
        placement.worlds = [
          target.worlds[0]
            .clone()
            .multiply(translation(anchor.at))
            .multiply(new Matrix4().makeScale(scale, scale, scale)),
        ];
        break;
      }
      case 'held': {
        const anchor =
          targetBuilt.anchors.get('hand') ?? targetBuilt.anchors.get('mouth') ?? fallbackAnchor('hand', target.bounds);
        const holderHeight = target.bounds.max.y - target.bounds.min.y;
        const height = bounds.max.y - bounds.min.y;
        const scale = Math.min(1, (0.7 * holderHeight) / Math.max(height, 1e-6));
        if (scale < 0.98)
          notes.push(`the ${category} was scaled to ${Math.round(scale * 100)} % to fit the ${targetCategory}'s hand`);
        // gripped low and held a little in front of the hand, so the body does not hide it
        const grip = new Vector3(
          (bounds.min.x + bounds.max.x) / 2,
          bounds.min.y + height * 0.2,
          bounds.min.z - holderHeight * 0.02,
        );
        placement.worlds = [
          target.worlds[0]
            .clone()
            .multiply(translation(anchor.at))
            .multiply(new Matrix4().makeScale(scale, scale, scale))
            .multiply(translation(grip.negate().toArray())),
        ];
        break;
      }
      case 'support': {
        // this component carries the target and everything attached to it
        const group = groupOf(built, component.attachedTo);
        const groupBounds = worldBoundsOf(group.map((member) => placements[member]));
        const load = footprint(groupBounds);
        let anchor = supportAnchor(item, component.placement ?? 'on', bounds);
        if (component.reading.definition.traits?.fitsLoad) {
          // as wide as the load needs; no taller than half the load's height (a plinth under a horse, not a column)
          const scale = clamp((load * 1.25) / Math.max(anchor.size, 1e-6), 0.05, 200);
          const loadHeight = groupBounds.max.y - groupBounds.min.y;
          const height = Math.max(bounds.max.y - bounds.min.y, 1e-6);
          const scaleY = Math.min(scale, Math.max((0.5 * loadHeight) / height, scale * 0.15));
          placement.worlds = [new Matrix4().makeScale(scale, scaleY, scale)];
          anchor = {
            at: [anchor.at[0] * scale, anchor.at[1] * scaleY, anchor.at[2] * scale],
            size: anchor.size * scale,
          };
        }
        let loadScale = 1;
        if (!component.reading.definition.traits?.fitsLoad && load > anchor.size * 1.05) {
          loadScale = (anchor.size * 0.95) / load;
          notes.push(
            `the ${targetCategory} was scaled to ${Math.round(loadScale * 100)} % to fit ${component.placement === 'in' ? 'in' : 'on'} the ${category}`,
          );
        }
        const bottom = new Vector3(
          (groupBounds.min.x + groupBounds.max.x) / 2,
          groupBounds.min.y,
          (groupBounds.min.z + groupBounds.max.z) / 2,
        );
        const move = translation(anchor.at)
          .multiply(new Matrix4().makeScale(loadScale, loadScale, loadScale))
          .multiply(translation(bottom.negate().toArray()));
        for (const member of group)
          placements[member].worlds = placements[member].worlds.map((world) => move.clone().multiply(world));
        break;
      }
      case 'load': {
        const anchor = supportAnchor(targetBuilt, component.placement ?? 'on', target.bounds);
        const world = target.worlds[0];
        const size = footprint(bounds);
        const copies = component.copies;
        const ringRadius = copies > 1 ? anchor.size * 0.55 : 0;
        const room = copies > 1 ? anchor.size * 0.45 : anchor.size;
        const scale = size > room ? room / size : 1;
        if (scale < 0.98)
          notes.push(
            `the ${category} was scaled to ${Math.round(scale * 100)} % to fit ${component.placement === 'in' ? 'in' : 'on'} the ${targetCategory}`,
          );
        const bottom = new Vector3((bounds.min.x + bounds.max.x) / 2, bounds.min.y, (bounds.min.z + bounds.max.z) / 2);
        placement.worlds = Array.from({ length: copies }, (_, copy) => {
          const angle = (copy / copies) * Math.PI * 2 + 0.4;
          const at: [number, number, number] = [
            anchor.at[0] + Math.cos(angle) * ringRadius,
            anchor.at[1],
            anchor.at[2] + Math.sin(angle) * ringRadius,
          ];
          return world
            .clone()
            .multiply(translation(at))
            .multiply(new Matrix4().makeScale(scale, scale, scale))
            .multiply(translation(bottom.clone().negate().toArray()));
        });
        break;
      }
      default: {
        // beside: to the right of everything placed so far, standing on the same ground
        const scene = worldBoundsOf(placements.slice(0, index));
        const gap = Math.max(0.05, (scene.max.x - scene.min.x) * 0.12);
        const row = rowOf(component.copies, bounds);
        const shift = translation([
          scene.max.x + gap - bounds.min.x,
          scene.min.y - bounds.min.y,
          (scene.min.z + scene.max.z) / 2 - (bounds.min.z + bounds.max.z) / 2,
        ]);
        placement.worlds = row.map((world) => shift.clone().multiply(world));
      }
    }
  });
  const placed = built.map((item, index) =>
    placements[index].worlds.map((world) =>
      item.parts.map((part) => ({ ...part, geometry: part.geometry.clone().applyMatrix4(world) })),
    ),
  );
  return { placed, notes };
}

/** Copies side by side along x, a tenth of a width apart. */
function rowOf(copies: number, bounds: Box3): Matrix4[] {
  const width = bounds.max.x - bounds.min.x;
  const step = width * 1.1 + 0.01;
  return Array.from({ length: copies }, (_, copy) => translation([(copy - (copies - 1) / 2) * step, 0, 0]));
}

/** The component and everything worn, held or loaded on it (not its supports). */
function groupOf(built: readonly BuiltComponent[], root: number): number[] {
  const members = [root];
  for (let index = 0; index < built.length; index++) {
    const { role, attachedTo } = built[index].component;
    if (index !== root && role !== 'support' && role !== 'beside' && members.includes(attachedTo)) members.push(index);
  }
  return members;
}

function supportAnchor(
  item: BuiltComponent | { anchors: ReadonlyMap<string, Anchor> },
  placement: 'on' | 'in',
  bounds: Box3,
): Anchor {
  if (placement === 'in')
    return item.anchors.get('inside') ?? item.anchors.get('top') ?? fallbackAnchor('inside', bounds);
  return item.anchors.get('top') ?? item.anchors.get('back') ?? fallbackAnchor('top', bounds);
}

/** Stand-in anchors from the bounding box, for generators that declare none. */
function fallbackAnchor(place: string, bounds: Box3): Anchor {
  const centre = bounds.getCenter(new Vector3());
  const size = bounds.getSize(new Vector3());
  const halfFootprint = Math.min(size.x, size.z) / 2;
  switch (place) {
    case 'inside':
      return { at: [centre.x, bounds.min.y + size.y * 0.15, centre.z], size: halfFootprint * 0.8 };
    case 'hand':
      return { at: [bounds.max.x * 0.8, bounds.min.y + size.y * 0.45, bounds.max.z * 0.5], size: size.y * 0.04 };
    case 'head':
      return { at: [centre.x, bounds.max.y - size.y * 0.08, centre.z], size: Math.max(size.x, size.z) * 0.2 };
    case 'neck':
      return { at: [centre.x, bounds.max.y - size.y * 0.2, centre.z], size: Math.max(size.x, size.z) * 0.12 };
    case 'face':
      return { at: [centre.x, bounds.max.y - size.y * 0.1, bounds.max.z * 0.8], size: Math.max(size.x, size.z) * 0.2 };
    case 'back':
    case 'body':
      return { at: [centre.x, bounds.min.y + size.y * 0.6, bounds.min.z * 0.8], size: Math.max(size.x, size.z) * 0.3 };
    default:
      return { at: [centre.x, bounds.max.y, centre.z], size: halfFootprint };
  }
}

function localBounds(parts: readonly GeneratedPart[]): Box3 {
  const bounds = new Box3();
  for (const part of parts) {
    part.geometry.computeBoundingBox();
    bounds.union(part.geometry.boundingBox!);
  }
  return bounds;
}

function worldBoundsOf(placements: readonly Placement[]): Box3 {
  const bounds = new Box3();
  for (const placement of placements)
    for (const world of placement.worlds) bounds.union(placement.bounds.clone().applyMatrix4(world));
  return bounds;
}

/** Half the larger horizontal side: how far a load reaches from its centre. */
function footprint(bounds: Box3): number {
  return Math.max(bounds.max.x - bounds.min.x, bounds.max.z - bounds.min.z) / 2;
}

function translation([x, y, z]: readonly number[]): Matrix4 {
  return new Matrix4().makeTranslation(x, y, z);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
