// Which unknown words before an object's name describe it and which may name a different object. A describing
// word ("a handsome man", "an abstract vase", "a voxel cat") is reported as not shown; a noun used as a modifier
// ("a candy cane", "a honey pot", "a water tank") may make another thing, so the phrase is refused.
// There is no part-of-speech lexicon offline (word-list has no tags, and it lists "handsomes" and "olds", so a
// plural test cannot tell nouns from adjectives): common describing words are listed by hand, and a word of the
// English word list counts as describing by its ending only for endings that nouns rarely have (-ous, -ful, -less,
// -ish, -able, -esque, -like, -ed, -ing, with the nouns that share them listed). Endings that many nouns share (-y, -en, -al, -ic, -ant, -ive, -ary)
// count only for words not in the list (made-up words such as "zorbish", "sparkly").

import type { GeneratorDefinition } from '../generator-definition.ts';

/** Appearance, condition, mood, shape, age and culture words: never the name of a thing. */
export const DESCRIPTIVE_ADJECTIVES = new Set([
  // look and build
  'handsome', 'muscular', 'athletic', 'slim', 'beefy', 'buff', 'burly', 'tough', 'strong', 'mighty', 'powerful', 'menacing', 'intimidating',
  'threatening', 'sinister', 'ominous', 'fearsome', 'terrifying', 'frightening', 'mean', 'nasty', 'vicious', 'savage', 'brutal', 'feral',
  'gentle', 'graceful', 'charming', 'sweet', 'innocent', 'fluffy', 'chubby', 'pudgy', 'bulky', 'lanky', 'stocky', 'tall', 'petite', 'ugly',
  'hideous', 'grotesque', 'gross', 'slimy', 'sticky', 'gooey', 'wrinkled', 'wrinkly', 'bald', 'bearded', 'hairy', 'shaggy', 'scruffy', 'furry',
  'spiky', 'spiny', 'thorny', 'prickly', 'bumpy', 'lumpy', 'knobby', 'gnarled', 'gnarly', 'twisted', 'crooked', 'bent', 'curly', 'wavy',
  'jagged', 'chipped', 'cracked', 'shattered', 'splintered', 'scratched', 'dented', 'tattered', 'torn', 'ragged', 'patched', 'faded', 'worn',
  'abandoned', 'ruined', 'derelict', 'decrepit', 'dilapidated', 'crumbling', 'overgrown', 'mossy', 'moldy', 'mouldy', 'grimy', 'filthy', 'messy',
  'tidy', 'neat', 'pristine', 'spotless', 'immaculate', 'brand', 'shiny', 'glossy', 'satin', 'gleaming', 'glittering', 'glittery', 'shimmering',
  'iridescent', 'holographic', 'luminous', 'radiant', 'bright', 'vivid', 'vibrant', 'muted', 'dull', 'pale', 'faint', 'bold', 'saturated',
  'desaturated', 'monochrome', 'monochromatic', 'grayscale', 'greyscale', 'sepia', 'glowy', 'ethereal', 'ghostly', 'spectral', 'otherworldly',
  // shape and size feel
  'spherical', 'cylindrical', 'cubic', 'conical', 'rectangular', 'triangular', 'circular', 'hexagonal', 'octagonal', 'symmetrical', 'symmetric',
  'asymmetric', 'asymmetrical', 'geometric', 'organic', 'angular', 'rounded', 'chunky', 'blocky', 'boxy', 'bulbous', 'puffy', 'compact',
  'oversized', 'undersized', 'miniature', 'tiny', 'teeny', 'itty', 'bitty', 'wee', 'huge', 'giant', 'humongous', 'immense', 'vast', 'monumental',
  'towering', 'lofty', 'sprawling', 'streamlined', 'aerodynamic', 'sleek', 'slick', 'bulky', 'hefty', 'lightweight', 'delicate', 'fragile',
  'flimsy', 'robust', 'rugged', 'reinforced', 'armoured', 'armored', 'plated', 'studded', 'riveted', 'spiked', 'bladed', 'serrated', 'curved',
  // time, place and genre
  'ancient', 'prehistoric', 'primitive', 'archaic', 'classical', 'renaissance', 'colonial', 'edwardian', 'victorian', 'georgian', 'tudor',
  'byzantine', 'ottoman', 'feudal', 'imperial', 'medieval', 'futuristic', 'retrofuturistic', 'modernist', 'brutalist', 'postapocalyptic',
  'apocalyptic', 'dystopian', 'utopian', 'cyberpunk', 'steampunk', 'dieselpunk', 'solarpunk', 'biopunk', 'scifi', 'fantastical', 'whimsical',
  'surreal', 'abstract', 'minimalistic', 'stylish', 'trendy', 'fashionable', 'chic', 'posh', 'rustic', 'provincial', 'bohemian', 'boho',
  'industrial', 'utilitarian', 'military', 'tactical', 'sporty', 'casual', 'formal', 'elegant', 'luxurious', 'lavish', 'opulent', 'regal',
  'majestic', 'stately', 'grand', 'humble', 'modest', 'quaint', 'charming', 'idyllic', 'peaceful', 'serene', 'tranquil', 'mysterious',
  'arcane', 'occult', 'eldritch', 'lovecraftian', 'demonic', 'infernal', 'hellish', 'heavenly', 'divine', 'angelic', 'saintly', 'pious',
  'nordic', 'scandinavian', 'slavic', 'germanic', 'spanish', 'portuguese', 'russian', 'irish', 'scottish', 'welsh', 'dutch',
  'swiss', 'austrian', 'polish', 'turkish', 'moroccan', 'egyptian', 'thai', 'vietnamese', 'balinese', 'polynesian', 'hawaiian', 'tibetan',
  'mongolian', 'siamese', 'persian', 'bengal', 'arabic', 'asian', 'european', 'mediterranean', 'caribbean', 'alpine', 'oriental', 'aboriginal',
  // style and rendering words that are not a style the generator has
  'voxel', 'pixelated', 'pixel', 'anime', 'manga', 'claymation', 'plasticine', 'toylike', 'cel', 'shaded', 'flat', 'painterly', 'sketchy',
  'photoreal', 'photographic', 'cinematic', 'dramatic', 'moody', 'gritty', 'grim', 'grimdark', 'dark', 'bright', 'colorful', 'colourful',
  'handpainted', 'hand-painted', 'ornamental', 'decorative', 'detailed', 'intricate', 'elaborate', 'fancy', 'plain', 'simple',
  'basic', 'generic', 'default', 'unique', 'original', 'authentic', 'accurate', 'lifelike', 'believable', 'convincing', 'proportional',
  // mood and character
  'happy', 'joyful', 'cheerful', 'jolly', 'merry', 'excited', 'surprised', 'shocked', 'scared', 'frightened', 'nervous', 'worried', 'anxious',
  'sad', 'gloomy', 'melancholic', 'lonely', 'angry', 'furious', 'mad', 'grumpy', 'cranky', 'sleepy', 'tired', 'bored', 'lazy', 'relaxed',
  'calm', 'confident', 'proud', 'brave', 'bold', 'fearless', 'heroic', 'noble', 'wise', 'clever', 'goofy', 'dorky', 'nerdy', 'quirky',
  'mischievous', 'sneaky', 'sly', 'cunning', 'evil', 'wicked', 'villainous', 'cruel', 'kind', 'friendly', 'loyal', 'faithful', 'obedient',
  'wild', 'tame', 'hungry', 'thirsty', 'hyper', 'energetic', 'dynamic', 'heroic', 'legendary', 'mythic', 'epic', 'iconic', 'classic',
  // condition and use
  'new', 'brand-new', 'used', 'secondhand', 'vintage', 'retro', 'antique', 'aged', 'old', 'olden', 'weathered', 'rusty', 'rusted', 'corroded',
  'tarnished', 'oxidized', 'oxidised', 'burnt', 'burned', 'charred', 'scorched', 'singed', 'frozen', 'icy', 'snowy', 'frosty', 'wet', 'damp',
  'soggy', 'dry', 'dusty', 'sandy', 'muddy', 'grassy', 'leafy', 'bushy', 'woody', 'rocky', 'stony', 'earthy', 'fiery', 'watery', 'stormy',
  'cloudy', 'sunny', 'rainy', 'windy', 'foggy', 'misty', 'smoky', 'warm', 'cool', 'chilly', 'loaded', 'packed',
  // texture, taste and feel (-y and other endings that nouns share, so listed rather than guessed)
  'crusty', 'crispy', 'crunchy', 'chewy', 'creamy', 'cheesy', 'meaty', 'fruity', 'nutty', 'salty', 'buttery', 'flaky', 'frothy', 'foamy', 'bubbly',
  'milky', 'silky', 'velvety', 'woolly', 'wooly', 'feathery', 'leathery', 'papery', 'glassy', 'musty', 'bony', 'tubby', 'stumpy', 'scrawny', 'brawny',
  'fuzzy', 'scraggly', 'grubby', 'greasy', 'oily', 'squishy', 'squishy', 'springy', 'wobbly', 'craggy', 'sparkly', 'twinkly', 'shadowy', 'breezy',
  'airy', 'roomy', 'homey', 'homely', 'teeny', 'weeny', 'beefy', 'wonky', 'curvy', 'swirly', 'twisty', 'loopy', 'pointy', 'spotty', 'stripy', 'stripey',
  'patchy', 'blotchy', 'speckly', 'slinky', 'eerie', 'freaky', 'funky', 'groovy', 'jazzy', 'snazzy', 'flashy', 'showy', 'gaudy', 'tacky', 'dainty',
  'nasty', 'dreamy', 'dopey', 'geeky', 'cheeky', 'naughty', 'feisty', 'sassy', 'bossy', 'teary', 'weary', 'worthy', 'hardy', 'healthy', 'sickly',
  'deadly', 'greedy', 'lucky', 'tricky', 'shaky', 'spunky', 'clunky', 'steamy', 'sweaty', 'smelly', 'stinky', 'musky', 'rosy', 'silvery', 'coppery',
  'inky', 'ashy', 'sooty', 'minty', 'lemony', 'peachy', 'pearly', 'crazy', 'busy', 'steady', 'ready', 'zany', 'spooky', 'creepy', 'scary',
  'wooden', 'golden', 'silken', 'oaken', 'earthen', 'ashen', 'leaden', 'brazen', 'molten', 'frozen', 'rotten', 'broken', 'sunken', 'swollen',
  'fallen', 'hidden', 'forgotten', 'forsaken', 'beaten', 'stolen', 'chosen', 'woven', 'waxen', 'flaxen', 'wizened',
  'magical', 'mystical', 'mythical', 'tropical', 'royal', 'natural', 'neutral', 'vertical', 'horizontal', 'diagonal', 'spiral', 'radial', 'coastal',
  'rural', 'urban', 'virtual', 'celestial', 'eternal', 'elemental', 'global', 'historical', 'musical', 'nautical', 'medical', 'surgical', 'chemical',
  'electrical', 'practical', 'special', 'official', 'personal', 'national', 'identical', 'optimal', 'paranormal', 'supernatural', 'astral', 'nocturnal',
  'fantastic', 'romantic', 'artistic', 'graphic', 'historic', 'titanic', 'atomic', 'electronic', 'stylistic', 'static', 'toxic', 'volcanic', 'antarctic',
  'celtic', 'hispanic', 'islamic', 'olympic', 'energetic', 'magnetic', 'hypnotic', 'psychedelic', 'chaotic', 'bionic', 'cybernetic', 'rustic', 'generic',
  'specific', 'authentic', 'ironic', 'tragic', 'mystic', 'brilliant', 'gallant', 'flamboyant', 'pleasant', 'fragrant', 'abundant', 'distant', 'translucent',
  'incandescent', 'opulent', 'silent', 'patient', 'intelligent', 'innocent', 'decadent', 'prominent', 'permanent', 'different', 'excellent', 'resplendent',
  'verdant', 'impressive', 'inexpensive', 'creative', 'attractive', 'distinctive', 'active', 'passive', 'protective', 'defensive', 'imaginative',
  'expressive', 'immersive', 'interactive', 'reflective', 'imaginary', 'stationary', 'ordinary', 'extraordinary', 'visionary', 'revolutionary',
  'temporary', 'solitary', 'planetary', 'culinary', 'primary', 'secondary', 'legendary', 'christian', 'norwegian', 'hungarian', 'brazilian',
  'canadian', 'australian', 'caucasian', 'elizabethan', 'martian', 'reptilian', 'mammalian', 'avian', 'feline', 'canine', 'bovine', 'equine', 'ursine',
  'lupine', 'serpentine', 'crystalline', 'pristine', 'divine', 'genuine', 'masculine', 'feminine', 'japanese', 'chinese', 'burmese', 'taiwanese',
  'lunar', 'solar', 'stellar', 'circular', 'rectangular', 'triangular', 'angular', 'modular', 'spectacular', 'tubular', 'granular', 'nuclear',
  'familiar', 'peculiar', 'popular', 'similar', 'modern', 'western', 'eastern', 'northern', 'southern', 'gentle', 'subtle', 'noble', 'humble', 'brittle',
  'nimble', 'feeble', 'vivid', 'rigid', 'solid', 'fluid', 'splendid', 'humid', 'timid', 'horrid', 'morbid', 'pallid', 'agile', 'hostile', 'docile',
  'versatile', 'juvenile', 'grandiose', 'morose', 'polite', 'exquisite', 'pure', 'mature', 'obscure', 'obsolete', 'perfect', 'exact', 'intact', 'extinct',
  'distinct', 'robust', 'honest', 'modest', 'huge', 'great', 'fine', 'nice', 'neat', 'sharp', 'blunt', 'dull', 'tight', 'loose', 'fresh', 'stale', 'raw',
  'rich', 'proud', 'loud', 'quiet', 'swift', 'brisk', 'bleak', 'stark', 'lush', 'posh', 'rough', 'tough', 'smooth', 'thick', 'prim', 'dim', 'pale',
  'fair', 'foul', 'vile', 'bad', 'glad', 'odd', 'weird', 'hip', 'fit', 'wide', 'deep', 'young', 'mild', 'shy', 'sly', 'spry', 'coy', 'crisp', 'dense',
  'fierce', 'firm', 'free', 'frail', 'gaunt', 'gruff', 'harsh', 'keen', 'lean', 'lithe', 'meek', 'mute', 'plain', 'prime', 'quaint', 'rare', 'ripe',
  'sane', 'scarce', 'sheer', 'snug', 'soft', 'sparse', 'steep', 'stern', 'stiff', 'still', 'stout', 'strange', 'supreme', 'taut', 'tense', 'vague',
  'vast', 'weak', 'wise', 'isometric', 'orthographic', 'awesome', 'gorgeous', 'stunning', 'striking', 'badass', 'kawaii', 'cutesy', 'girly', 'manly', 'macho', 'shabby', 'flowery', 'wintry', 'summery', 'starry', 'dusky', 'murky', 'frilly',
  'wispy', 'scratchy', 'grainy', 'edgy', 'hilly',
  // coats and markings of animals
  'tabby', 'calico', 'tortoiseshell', 'tuxedo', 'dappled', 'brindle', 'piebald', 'speckled', 'freckled', 'mottled', 'ginger', 'albino', 'melanistic',
  'working', 'functional', 'electronic', 'automatic', 'manual', 'modular', 'collapsible', 'adjustable', 'detachable',
]);

/** Nouns used as themes ("a fire dragon", "a zombie dog", "a war horse"): they keep the kind only of living things and
 * weapons; before other objects they make compounds ("a water tank", "an ice pick", "a lava lamp"). */
export const THEME_NOUNS = new Set(['fire', 'ice', 'frost', 'water', 'lava', 'magma', 'storm', 'thunder', 'lightning', 'shadow', 'poison', 'zombie', 'undead', 'alien', 'war', 'battle', 'cyber', 'demon', 'ghost', 'mutant']);

const THEMED_FAMILIES = new Set(['animal', 'creature', 'character', 'weapon']);

/** Whether a theme noun before this object keeps its kind. */
export function themeKeepsKind(definition: GeneratorDefinition): boolean {
  return THEMED_FAMILIES.has(definition.family);
}

/** How food is prepared: before an animal it makes a dish ("a roasted chicken", "a grilled fish"), not the animal. */
export const COOKING_WORDS = new Set(['grilled', 'roasted', 'roast', 'baked', 'fried', 'boiled', 'cooked', 'smoked', 'dried', 'pickled', 'steamed', 'braised', 'barbecued', 'bbq', 'stewed', 'poached', 'deviled', 'candied', 'glazed', 'sliced', 'diced', 'minced', 'breaded', 'battered', 'marinated', 'cured', 'salted', 'raw', 'sauteed', 'seared', 'toasted', 'fillet', 'filet']);

export function isFood(definition: GeneratorDefinition): boolean {
  return definition.family === 'food' || definition.family === 'kitchen' || definition.family === 'vessel';
}

/** Surface details after "with" that the generator does not model: "with glowing runes", "with neon lights". */
export const SURFACE_DETAIL_NOUNS = new Set([
  'rune', 'runes', 'engraving', 'carving', 'inscription', 'glyph', 'symbol', 'marking', 'pattern', 'ornament', 'decoration', 'detail', 'detailing',
  'accent', 'trim', 'filigree', 'embroidery', 'stitching', 'light', 'led', 'neon', 'glow', 'highlight', 'reflection', 'sticker', 'decal', 'logo', 'emblem',
  'crest', 'insignia', 'rivet', 'stud', 'scratch', 'dent', 'crack', 'rust', 'moss', 'dirt', 'grime', 'stain', 'sparkle', 'glitter', 'shine', 'graffiti',
  'texture', 'color', 'colour', 'shading', 'gradient', 'tone', 'finish', 'coating', 'paint', 'paintwork', 'lighting', 'shadow', 'effect', 'particle',
  'number', 'numeral', 'letter', 'lettering', 'text', 'writing', 'label', 'stripe', 'spot', 'dot', 'polka', 'check', 'swirl', 'flame', 'tattoo', 'scar',
]);

/** Whether an unknown word before an object's name describes it (see the header for why by these rules). */
export function readsAsDescription(form: string, isEnglish: boolean): boolean {
  if (DESCRIPTIVE_ADJECTIVES.has(form)) return true;
  if (form.includes('-')) return true;
  if (form.length <= 3) return false;
  if (/(ous|ful|less|esque|like)$/.test(form)) return true;
  if (/ed$/.test(form) && form.length >= 5 && !/eed$/.test(form)) return true;
  if (/ing$/.test(form) && form.length >= 6 && !NOUNS_ENDING_LIKE_ADJECTIVES.has(form)) return true;
  if (/ish$/.test(form) && form.length >= 6 && !NOUNS_ENDING_LIKE_ADJECTIVES.has(form)) return true;
  if (/[ai]ble$/.test(form) && form.length >= 7 && !NOUNS_ENDING_LIKE_ADJECTIVES.has(form)) return true;
  if (/ly$/.test(form) && !/lly$/.test(form) && !NOUNS_ENDING_LIKE_ADJECTIVES.has(form)) return true;
  return !isEnglish && /(y|en|al|ic|ant|ent|ive|ary|ian|ese)$/.test(form) && !/eese$/.test(form);
}

const NOUNS_ENDING_LIKE_ADJECTIVES = new Set([
  'string', 'spring', 'ceiling', 'building', 'wedding', 'pudding', 'earring', 'dumpling', 'sapling', 'darling', 'herring', 'shilling', 'sibling',
  'stocking', 'icing', 'frosting', 'filling', 'stuffing', 'painting', 'drawing', 'clothing', 'railing', 'offspring', 'duckling', 'gosling', 'wedding',
  'radish', 'polish', 'relish', 'varnish', 'garnish', 'vegetable', 'turntable', 'timetable', 'constable', 'lily', 'family', 'butterfly', 'dragonfly', 'firefly', 'ally', 'assembly', 'monopoly']);
