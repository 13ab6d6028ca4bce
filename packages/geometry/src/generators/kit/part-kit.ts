// Collects the named, placed parts a generator builds, each assigned to a material slot. Part names are
// `<component>` or `<component>_<n>` (leg_1, leg_2, seat); a component named in the prompt's negations
// ("no handle", negative_prompt "legs") that the generator lists as optional is left out here, so every
// generator honours negations the same way. The detail level scales segment counts (style, geometry_quality).

import { Matrix4, type BufferGeometry } from 'three';
import {
  boxShape,
  capsuleShape,
  cylinderShape,
  extrudeShape,
  latheShape,
  parametricShape,
  place,
  sphereShape,
  torusShape,
  tubeShape,
  type Placement,
  type Vector2Tuple,
  type Vector3Tuple,
} from './shapes.ts';

export interface GeneratedPart {
  name: string;
  /** the component the part belongs to (its name without a trailing _<n>) */
  component: string;
  slot: string;
  geometry: BufferGeometry;
}

/** A named attachment point: where worn, held or supported objects go ("head", "hand", "neck", "back", "top", "inside"). */
export interface Anchor {
  at: Vector3Tuple;
  /** a characteristic size at the anchor, metres: head radius, hand radius, top surface half-width */
  size: number;
}

export interface PartKitOptions {
  /** multiplies segment counts; 1 = the generators' defaults */
  detail: number;
  /** optional components to leave out */
  without: ReadonlySet<string>;
  /** components the generator allows to be left out */
  optionalComponents: ReadonlySet<string>;
  /** optional components the prompt named ("a cactus in a pot"): generators build them rather than leave them to chance */
  wanted?: ReadonlySet<string>;
}

export class PartKit {
  readonly parts: GeneratedPart[] = [];
  readonly anchors = new Map<string, Anchor>();
  private readonly counters = new Map<string, number>();

  constructor(private readonly options: PartKitOptions) {}

  /** A segment count for a round shape whose default is `base`, at this kit's detail (never under `minimum`). */
  segments(base: number, minimum = 4): number {
    return Math.max(minimum, Math.round(base * this.options.detail));
  }

  /** Whether a component will be built (false when the prompt negated an optional component). */
  has(component: string): boolean {
    return !(this.options.without.has(component) && this.options.optionalComponents.has(component));
  }

  /** Whether the prompt named this optional component, so it must be built rather than left to chance. */
  wants(component: string): boolean {
    return this.has(component) && (this.options.wanted?.has(component) ?? false);
  }

  /** Records an attachment point (the first one of a name wins: "hand" is the right hand). */
  anchor(name: string, at: Vector3Tuple, size: number): void {
    if (!this.anchors.has(name)) this.anchors.set(name, { at: [...at], size });
  }

  /** Scales the parts added from `start` on, and every anchor, about the origin (the prompt's proportions). */
  scaleFrom(start: number, [x, y, z]: Vector3Tuple): void {
    const matrix = new Matrix4().makeScale(x, y, z);
    for (const part of this.parts.slice(start)) part.geometry.applyMatrix4(matrix);
    for (const anchor of this.anchors.values()) {
      anchor.at = [anchor.at[0] * x, anchor.at[1] * y, anchor.at[2] * z];
      anchor.size *= Math.sqrt((x * z + x * y + y * z) / 3);
    }
  }

  add(component: string, slot: string, geometry: BufferGeometry, placement?: Placement): void {
    if (!this.has(component)) return;
    const count = (this.counters.get(component) ?? 0) + 1;
    this.counters.set(component, count);
    const name = count === 1 ? component : `${component}_${count}`;
    if (count === 2) {
      const first = this.parts.find((part) => part.name === component);
      if (first) first.name = `${component}_1`;
    }
    this.parts.push({ name, component, slot, geometry: place(geometry, placement) });
  }

  box(component: string, slot: string, size: Vector3Tuple, placement: Placement & { bevel?: number } = {}): void {
    const bevel = placement.bevel ?? 0;
    this.add(component, slot, boxShape(size, bevel, this.options.detail >= 0.75 ? 2 : 0), placement);
  }

  cylinder(
    component: string,
    slot: string,
    dimensions: {
      radius?: number;
      radiusTop?: number;
      radiusBottom?: number;
      height: number;
      segments?: number;
      openEnded?: boolean;
    },
    placement: Placement = {},
  ): void {
    const top = dimensions.radiusTop ?? dimensions.radius ?? 0.05;
    const bottom = dimensions.radiusBottom ?? dimensions.radius ?? top;
    this.add(
      component,
      slot,
      cylinderShape(top, bottom, dimensions.height, this.segments(dimensions.segments ?? 20, 3), dimensions.openEnded),
      placement,
    );
  }

  sphere(
    component: string,
    slot: string,
    radius: number | Vector3Tuple,
    placement: Placement & { segments?: number } = {},
  ): void {
    const radii: Vector3Tuple = typeof radius === 'number' ? [radius, radius, radius] : radius;
    const scale = placement.scale ?? [1, 1, 1];
    this.add(component, slot, sphereShape(1, this.segments(placement.segments ?? 20, 6)), {
      ...placement,
      scale: [radii[0] * scale[0], radii[1] * scale[1], radii[2] * scale[2]],
    });
  }

  capsule(component: string, slot: string, radius: number, length: number, placement: Placement = {}): void {
    this.add(component, slot, capsuleShape(radius, length, this.segments(16, 6)), placement);
  }

  torus(
    component: string,
    slot: string,
    radius: number,
    tube: number,
    placement: Placement & { arc?: number } = {},
  ): void {
    this.add(component, slot, torusShape(radius, tube, this.segments(24, 6), placement.arc), placement);
  }

  lathe(
    component: string,
    slot: string,
    profile: Vector2Tuple[],
    placement: Placement & { segments?: number } = {},
  ): void {
    this.add(component, slot, latheShape(profile, this.segments(placement.segments ?? 24, 5)), placement);
  }

  extrude(
    component: string,
    slot: string,
    outline: Vector2Tuple[],
    depth: number,
    placement: Placement & { holes?: Vector2Tuple[][]; bevel?: number } = {},
  ): void {
    const bevel = this.options.detail >= 0.75 ? placement.bevel : 0;
    this.add(
      component,
      slot,
      extrudeShape(outline, depth, { holes: placement.holes, bevel, curveSegments: this.segments(6, 2) }),
      placement,
    );
  }

  parametric(
    component: string,
    slot: string,
    surface: (u: number, v: number) => Vector3Tuple,
    placement: Placement & { slices?: number; stacks?: number; flip?: boolean } = {},
  ): void {
    this.add(
      component,
      slot,
      parametricShape(
        surface,
        this.segments(placement.slices ?? 24, 4),
        this.segments(placement.stacks ?? 12, 3),
        placement.flip,
      ),
      placement,
    );
  }

  tube(
    component: string,
    slot: string,
    points: Vector3Tuple[],
    radius: number,
    placement: Placement & { closed?: boolean } = {},
  ): void {
    const geometry = tubeShape(points, radius, {
      tubularSegments: this.segments(6 * points.length, 6),
      radialSegments: this.segments(8, 4),
      closed: placement.closed,
    });
    this.add(component, slot, geometry, placement);
  }
}
