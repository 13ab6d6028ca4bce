// How a composed object goes with the object it relates to ("wearing", "holding", "on", "in", "with", "and"),
// decided from the two categories: wearables go on figures, small things in their hands, objects on supports and
// loads on furniture and containers; what cannot be composed is refused with the reason and what can be made.

import type { GeneratorDefinition } from '../generator-definition.ts';
import type { Relation } from './modifier-vocabulary.ts';
import type { ComponentReading } from './parse-prompt.ts';

/** A prompt the parser will not answer with a model: the reason and the nearest things it can make. */
export class Refusal {
  constructor(
    readonly reason: string,
    readonly nearest: string[],
  ) {}
}

const HOLDING_FAMILIES = new Set(['character', 'animal', 'creature']);
const LOAD_FAMILIES = new Set(['furniture', 'container', 'vessel', 'kitchen', 'support', 'food']);

/** Decides how a composed object goes with the one it relates to. */
export function placeComponent(
  relation: Relation | 'main',
  component: ComponentReading,
  components: readonly ComponentReading[],
  target: number,
  subject: string,
): ComponentReading {
  const targetDefinition = components[target].reading.definition;
  const definition = component.reading.definition;
  const wearable = definition.traits?.wear !== undefined;
  const figure = isFigure(targetDefinition);
  switch (relation) {
    case 'wearing':
      if (!wearable)
        throw new Refusal(
          `"${subject}" is not something the built-in generator can put on a ${targetDefinition.category}; it can make a ${targetDefinition.category} and a ${definition.category} side by side ("a ${targetDefinition.category} and a ${subject}")`,
          [targetDefinition.category, definition.category],
        );
      if (!figure)
        throw new Refusal(`a ${targetDefinition.category} has nothing to wear a ${subject} on`, [
          targetDefinition.category,
          definition.category,
        ]);
      return { ...component, role: 'worn', attachedTo: target };
    case 'holding':
      if (!figure)
        throw new Refusal(`a ${targetDefinition.category} cannot hold things in the built-in generator`, [
          targetDefinition.category,
          definition.category,
        ]);
      return { ...component, role: 'held', attachedTo: target };
    case 'riding':
      throw new Refusal(
        `riding is not a pose the built-in generator can make; it can make a ${targetDefinition.category} and a ${definition.category} side by side`,
        [targetDefinition.category, definition.category],
      );
    case 'on':
    case 'in':
      if (wearable && figure && relation === 'in') return { ...component, role: 'worn', attachedTo: target };
      return { ...component, role: 'support', attachedTo: target, placement: relation };
    case 'with':
      if (wearable && figure) return { ...component, role: 'worn', attachedTo: target };
      if (figure && HOLDING_FAMILIES.has(targetDefinition.family) && isHoldable(definition))
        return { ...component, role: 'held', attachedTo: target };
      if (LOAD_FAMILIES.has(targetDefinition.family) || targetDefinition.traits?.fitsLoad)
        return {
          ...component,
          role: 'load',
          attachedTo: target,
          placement: targetDefinition.family === 'container' || targetDefinition.family === 'vessel' ? 'in' : 'on',
        };
      return { ...component, role: 'beside', attachedTo: 0 };
    default:
      return { ...component, role: 'beside', attachedTo: 0 };
  }
}

/** Characters and creatures: they wear and hold things. */
export function isFigure(definition: GeneratorDefinition): boolean {
  return HOLDING_FAMILIES.has(definition.family) || definition.bodyPlan !== undefined;
}

/** Small things a figure can hold: weapons, tools, flowers, food, toys, instruments, gadgets, cups. */
function isHoldable(definition: GeneratorDefinition): boolean {
  return (
    ['weapon', 'tool', 'food', 'toy', 'instrument', 'gadget', 'vessel', 'kitchen', 'sports', 'game'].includes(
      definition.family,
    ) ||
    definition.category === 'flower' ||
    definition.category === 'balloon'
  );
}

/** The last component that can take this relation: a figure for wearing/holding, else the last object. */
export function lastObjectIndex(components: readonly ComponentReading[], kind: 'any' | 'figure'): number {
  for (let index = components.length - 1; index >= 0; index--) {
    if (components[index].role === 'support' || components[index].role === 'worn' || components[index].role === 'held')
      continue;
    if (kind === 'any' || isFigure(components[index].reading.definition)) return index;
  }
  return 0;
}
