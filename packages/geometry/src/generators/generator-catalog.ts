// Every category the built-in text_to_model generator knows, and the one prompt parser built over them.

import { bed } from './categories/bed.ts';
import { castle, house, lighthouse, skyscraper, tent, tower, windmill } from './categories/buildings.ts';
import { person, robot, snowman } from './categories/characters.ts';
import { bowl, barrel, bucket, vase } from './categories/containers.ts';
import { airplane, boat, rocket, train } from './categories/craft.ts';
import { bottle, mug, teapot, wineGlass } from './categories/drinkware.ts';
import { lamp } from './categories/lamp.ts';
import { bird, duck, fish, turtle } from './categories/other-animals.ts';
import { cactus, flower, mushroom, pottedPlant, tree } from './categories/plants.ts';
import { bear, cat, cow, dog, elephant, fox, horse, pig, rabbit, sheep } from './categories/quadrupeds.ts';
import { bicycle, bus, car, truck } from './categories/road-vehicles.ts';
import { bench, chair, sofa, stool } from './categories/seating.ts';
import { bookshelf, cabinet } from './categories/storage-furniture.ts';
import { desk, table } from './categories/tables.ts';
import { axe, broom, hammer, ladder, screwdriver, shovel } from './categories/tools.ts';
import { bow, shield, spear, sword } from './categories/weapons.ts';
import type { GeneratorDefinition } from './generator-definition.ts';
import { PromptParser } from './prompt/parse-prompt.ts';

export const GENERATOR_DEFINITIONS: readonly GeneratorDefinition[] = [
  // furniture
  chair, stool, bench, sofa, table, desk, bookshelf, cabinet, bed, lamp,
  // vessels
  mug, wineGlass, bottle, teapot, bowl, vase, bucket, barrel,
  // tools and weapons
  hammer, axe, shovel, screwdriver, broom, ladder, sword, spear, shield, bow,
  // vehicles
  car, truck, bus, bicycle, boat, airplane, rocket, train,
  // buildings
  house, skyscraper, castle, tower, lighthouse, windmill, tent,
  // plants
  tree, flower, cactus, mushroom, pottedPlant,
  // characters and animals
  person, robot, snowman,
  cat, dog, fox, horse, cow, pig, sheep, bear, rabbit, elephant, bird, duck, fish, turtle,
];

export const PROMPT_PARSER = new PromptParser(GENERATOR_DEFINITIONS);

/** A short help text for prompts naming nothing known: a few examples and every category. */
export function subjectHelp(): string {
  const examples = ['a tall narrow wooden bookshelf with 5 shelves', 'a red sports car', 'a low-poly pine tree', 'a cat', 'a blue ceramic mug without a handle'];
  return `name one everyday object, e.g. ${examples.map((example) => `"${example}"`).join(', ')}; known subjects: ${GENERATOR_DEFINITIONS.map((definition) => definition.category).join(', ')}`;
}
