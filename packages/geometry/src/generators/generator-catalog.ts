// Every category the built-in text_to_model generator knows, and the one prompt parser built over them. Order
// matters only for names two categories share: the first one listed keeps it (a test forbids such clashes).

import { bed } from './categories/bed.ts';
import { castle, house, lighthouse, skyscraper, tent, tower, windmill } from './categories/buildings.ts';
import { person, robot, snowman } from './categories/characters.ts';
import { basket, box, cauldron, crate, jar, mailbox, suitcase, treasureChest } from './categories/chests-and-boxes.ts';
import { barrel, bowl, bucket, vase } from './categories/containers.ts';
import { airplane, boat, rocket, train } from './categories/craft.ts';
import { dinosaur, dragon, griffin, unicorn } from './categories/creatures.ts';
import { bottle, mug, teapot, wineGlass } from './categories/drinkware.ts';
import { bread, burger, cheese, croissant, egg, hotDog, pancakes, pizza, sandwich, sushi, taco } from './categories/food-dishes.ts';
import { apple, banana, carrot, citrus, grapes, pear, pumpkin, strawberry, watermelon } from './categories/food-produce.ts';
import { cake, cookie, cupcake, donut, iceCream, lollipop } from './categories/food-sweets.ts';
import { boot, coat, dress, highHeel, sandal, sneaker, tShirt } from './categories/footwear-clothing.ts';
import { alarmClock, camera, computer, gameController, headphones, laptop, microphone, radio, smartphone, television } from './categories/gadgets.ts';
import { book, chessPiece, coin, dice, gem, key, lantern, scroll, staff, torch, trophy } from './categories/game-props.ts';
import { cap, crown, hat, helmet } from './categories/headwear.ts';
import { drum, guitar, piano, trumpet, violin } from './categories/instruments.ts';
import { cuttingBoard, fork, fryingPan, kettle, kitchenBlender, knife, plate, rollingPin, spoon, toaster } from './categories/kitchenware.ts';
import { lamp } from './categories/lamp.ts';
import { birdhouse, bridge, church, dogHouse, eiffelTower, fountain, igloo, leaningTower, mushroomHouse, pyramid, temple, well } from './categories/landmarks.ts';
import { camel, deer, donkey, giraffe, goat, hedgehog, hippo, lion, mouse, raccoon, rhino, squirrel, tiger, wolf, zebra } from './categories/more-quadrupeds.ts';
import { paintbrush, pickaxe, pliers, rake, saw, scissors, wateringCan, wrench } from './categories/more-tools.ts';
import { helicopter, hotAirBalloon, motorcycle, skateboard, sled, submarine, tank, tractor, ufo } from './categories/more-vehicles.ts';
import { bird, duck, fish, turtle } from './categories/other-animals.ts';
import { cactus, flower, mushroom, pottedPlant, tree } from './categories/plants.ts';
import { bear, cat, cow, dog, elephant, fox, horse, pig, rabbit, sheep } from './categories/quadrupeds.ts';
import { bicycle, bus, car, truck } from './categories/road-vehicles.ts';
import { bench, chair, sofa, stool } from './categories/seating.ts';
import { ant, bee, butterfly, crab, dragonfly, frog, jellyfish, ladybug, octopus, snail, snake, spider, starfish } from './categories/small-creatures.ts';
import { ball, baseballBat, dumbbell, hockeyStick, skis, surfboard, tennisRacket } from './categories/sports.ts';
import { bookshelf, cabinet } from './categories/storage-furniture.ts';
import { cloud, flowerPot, hill, lilyPad, perch, plinth, rock } from './categories/supports.ts';
import { desk, table } from './categories/tables.ts';
import { axe, broom, hammer, ladder, screwdriver, shovel } from './categories/tools.ts';
import { kite, partyBalloon, rockingHorse, snowGlobe, spinningTop, teddyBear, toyBlocks, yoyo } from './categories/toys.ts';
import { bow, shield, spear, sword } from './categories/weapons.ts';
import { backpack, bowTie, breastplate, cape, glasses, scarf } from './categories/wearables.ts';
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
  // creatures
  dragon, unicorn, griffin, dinosaur,
  lion, tiger, wolf, giraffe, zebra, deer, mouse, hedgehog, goat, camel, hippo, rhino, squirrel, donkey, raccoon,
  frog, snake, octopus, crab, spider, butterfly, ladybug, bee, dragonfly, ant, jellyfish, snail, starfish,
  // food
  apple, pear, citrus, banana, strawberry, watermelon, carrot, pumpkin, grapes,
  pizza, burger, hotDog, sandwich, taco, sushi, bread, croissant, cheese, egg, pancakes,
  donut, cake, cupcake, iceCream, lollipop, cookie,
  // wearables
  helmet, hat, cap, crown, scarf, bowTie, glasses, backpack, breastplate, cape,
  sneaker, boot, highHeel, sandal, tShirt, coat, dress,
  // containers
  treasureChest, crate, box, basket, jar, suitcase, cauldron, mailbox,
  // gadgets and instruments
  laptop, smartphone, television, computer, camera, headphones, gameController, radio, alarmClock, microphone,
  guitar, violin, drum, piano, trumpet,
  // more vehicles
  hotAirBalloon, helicopter, motorcycle, skateboard, submarine, tractor, tank, ufo, sled,
  // buildings and landmarks
  mushroomHouse, igloo, pyramid, eiffelTower, leaningTower, temple, church, bridge, dogHouse, birdhouse, well, fountain,
  // game props
  chessPiece, coin, gem, key, dice, trophy, lantern, torch, book, scroll, staff,
  // kitchen and tools
  fryingPan, kettle, spoon, fork, knife, plate, cuttingBoard, rollingPin, toaster, kitchenBlender,
  wrench, saw, pliers, pickaxe, rake, scissors, paintbrush, wateringCan,
  // sports and toys
  ball, baseballBat, tennisRacket, dumbbell, surfboard, skis, hockeyStick,
  teddyBear, yoyo, kite, rockingHorse, spinningTop, partyBalloon, toyBlocks, snowGlobe,
  // supports
  hill, plinth, rock, lilyPad, cloud, perch, flowerPot,
];

export const PROMPT_PARSER = new PromptParser(GENERATOR_DEFINITIONS);

/** Why a prompt cannot be made, and the nearest things the generator can make; undefined when it can be made. */
export function generationRefusal(prompt: string, negativePrompt?: string): { reason: string; nearest: string[] } | undefined {
  const parsed = PROMPT_PARSER.parse(prompt, negativePrompt);
  return parsed.ok ? undefined : { reason: parsed.reason, nearest: parsed.nearest };
}
