// Words around a prompt's objects that are not objects: composition connectors ("wearing", "on top of"),
// scene and background nouns, poses, themes and appearance adjectives the generator cannot show, classifier
// nouns ("piece", "statue", "toy") and quantity nouns ("a slice of", "a stack of"), and the modifiers that keep
// an object's kind but change how it is made (toy, baby, robot, statue). Singular word forms (word-forms.ts).

import type { KindModifiers } from '../generator-definition.ts';

/** How a clause relates to the object before it. */
export type Relation = 'wearing' | 'holding' | 'on' | 'in' | 'with' | 'and' | 'riding' | 'scene' | 'made of';

/** Connector phrases, longest first when matched; each word is a singular form. */
export const CONNECTORS: readonly (readonly [string, Relation])[] = [
  ['in the style of', 'scene'], ['in style of', 'scene'], ['in the art style of', 'scene'], ['style of', 'scene'],
  ['on top of', 'on'], ['sitting on top of', 'on'], ['in front of', 'scene'], ['next to', 'and'], ['together with', 'and'], ['surrounded by', 'scene'],
  ['sitting on', 'on'], ['standing on', 'on'], ['perched on', 'on'], ['resting on', 'on'], ['lying on', 'on'], ['placed on', 'on'], ['sat on', 'on'], ['seated on', 'on'],
  ['sitting in', 'in'], ['standing in', 'in'], ['planted in', 'in'], ['growing in', 'in'], ['inside of', 'in'], ['filled with', 'with'], ['full of', 'with'], ['topped with', 'with'],
  ['dressed in', 'wearing'], ['made of', 'made of'], ['made from', 'made of'], ['made out of', 'made of'], ['carved from', 'made of'], ['carved out of', 'made of'],
  ['wearing', 'wearing'], ['wear', 'wearing'], ['donning', 'wearing'],
  ['holding', 'holding'], ['hold', 'holding'], ['carrying', 'holding'], ['carry', 'holding'], ['wielding', 'holding'], ['wield', 'holding'], ['grasping', 'holding'], ['clutching', 'holding'], ['gripping', 'holding'],
  ['riding', 'riding'], ['ride', 'riding'],
  ['on', 'on'], ['onto', 'on'], ['upon', 'on'], ['atop', 'on'],
  ['in', 'in'], ['inside', 'in'], ['into', 'in'], ['within', 'in'],
  ['with', 'with'], ['has', 'with'], ['having', 'with'], ['featuring', 'with'], ['plus', 'and'],
  ['and', 'and'], ['beside', 'and'], ['alongside', 'and'], ['y', 'and'], ['et', 'and'], ['und', 'and'], ['con', 'with'], ['avec', 'with'], ['mit', 'with'],
  ['at', 'scene'], ['under', 'scene'], ['underneath', 'scene'], ['beneath', 'scene'], ['behind', 'scene'], ['above', 'scene'], ['below', 'scene'], ['near', 'scene'],
  ['against', 'scene'], ['during', 'scene'], ['for', 'scene'], ['by', 'scene'], ['over', 'scene'], ['across', 'scene'], ['through', 'scene'], ['among', 'scene'], ['around', 'scene'],
  ['flying', 'scene'], ['floating', 'scene'], ['swimming', 'scene'], ['looking', 'scene'], ['from', 'scene'], ['like', 'scene'],
];

/** Nouns of a setting, a background or an effect: a 3D model has none of them, so they are reported as ignored. */
export const SCENE_NOUNS = new Set([
  'background', 'backdrop', 'scene', 'space', 'outer', 'sky', 'forest', 'woods', 'jungle', 'desert', 'beach', 'ocean', 'sea', 'water', 'lake', 'river', 'pond',
  'field', 'meadow', 'grass', 'ground', 'floor', 'street', 'road', 'city', 'town', 'village', 'world', 'landscape', 'night', 'day', 'sunset', 'sunrise', 'dawn',
  'dusk', 'moonlight', 'sunlight', 'light', 'lighting', 'shadow', 'darkness', 'dark', 'rain', 'storm', 'fog', 'mist', 'fire', 'flame', 'smoke', 'wind', 'style',
  'studio', 'room', 'universe', 'galaxy', 'wilderness', 'nature', 'savanna', 'arctic', 'mountain', 'winter', 'summer', 'autumn', 'fall', 'spring', 'air',
  'halloween', 'christmas', 'game', 'video', 'movie', 'film', 'unity', 'unreal', 'blender', 'render', 'rendering', 'view', 'angle', 'perspective',
  'top', 'front', 'side', 'back', 'distance', 'garden', 'yard', 'park', 'kitchen', 'bedroom', 'house', 'home', 'office', 'museum', 'store', 'shop', 'market',
  'party', 'birthday', 'wedding', 'holiday', 'vacation', 'weekend', 'morning', 'evening', 'afternoon', 'midnight', 'time', 'year', 'century', 'era', 'age',
  'van', 'gogh', 'pixar', 'disney', 'ghibli', 'minecraft', 'lego', 'fortnite', 'zelda', 'pokemon', 'mario', 'nintendo', 'anime', 'manga', 'art', 'artstation',
  'glow', 'sparkle', 'motion', 'action', 'pose', 'position', 'mood', 'atmosphere', 'effect', 'detail', 'quality', 'resolution', 'texture', 'color', 'colour',
]);

/** Scene nouns that say how the model is shown, never a place or a thing: they may follow a name directly ("a car
 * side view", "a sword minecraft style"). Every other scene noun right after a name makes a compound that names
 * another thing ("a dog park", "a book shop", "a car engine"), so the phrase is refused. */
export const PRESENTATION_NOUNS = new Set([
  'background', 'backdrop', 'scene', 'style', 'studio', 'light', 'lighting', 'shadow', 'darkness', 'dark', 'render', 'rendering', 'view', 'angle',
  'perspective', 'top', 'front', 'side', 'back', 'distance', 'art', 'artstation', 'glow', 'sparkle', 'motion', 'action', 'pose', 'position', 'mood',
  'atmosphere', 'effect', 'detail', 'quality', 'resolution', 'texture', 'color', 'colour', 'night', 'day', 'sunset', 'sunrise', 'dawn', 'dusk',
  'moonlight', 'sunlight', 'time', 'year', 'century', 'era', 'age', 'unity', 'unreal', 'van', 'gogh', 'pixar', 'disney', 'ghibli', 'minecraft',
  'lego', 'fortnite', 'zelda', 'pokemon', 'mario', 'nintendo', 'anime', 'manga', 'winter', 'summer', 'autumn', 'fall', 'spring', 'halloween', 'christmas',
]);

/** Verbs and participles of a pose or action: models are made in their rest pose. */
export const POSE_WORDS = new Set([
  'sitting', 'standing', 'sleeping', 'running', 'walking', 'jumping', 'dancing', 'howling', 'roaring', 'barking', 'eating', 'drinking', 'playing', 'smiling',
  'laughing', 'crying', 'waving', 'posing', 'lying', 'laying', 'resting', 'perched', 'curled', 'crouching', 'kneeling', 'fighting', 'attacking', 'hunting',
  'singing', 'reading', 'writing', 'thinking', 'looking', 'staring', 'gazing', 'climbing', 'falling', 'breathing', 'spreading', 'stretching', 'hiding',
  'peeking', 'grazing', 'galloping', 'charging', 'soaring', 'diving', 'leaping', 'crawling', 'slithering', 'spinning', 'waiting', 'guarding', 'sat', 'seated',
  'posed', 'rearing', 'pouncing', 'stalking', 'hovering', 'gliding', 'burning', 'melting', 'growing', 'blooming', 'glowing', 'shining', 'sparkling',
  'smoking', 'steaming', 'dripping', 'flowing', 'pointing', 'raised', 'open', 'opened', 'closed', 'folded', 'spread', 'outstretched', 'upright', 'idle',
]);

/** Appearance, mood, condition and theme words the generator does not show; reported as ignored, never refused. */
export const UNSHOWN_ADJECTIVES = new Set([
  'old', 'new', 'ancient', 'antique', 'vintage', 'retro', 'modern', 'contemporary', 'classic', 'traditional', 'rustic', 'industrial', 'minimalist', 'minimal',
  'scandinavian', 'futuristic', 'medieval', 'fantasy', 'magical', 'magic', 'enchanted', 'mystical', 'mythical', 'legendary', 'epic', 'haunted', 'spooky',
  'creepy', 'scary', 'cursed', 'sacred', 'holy', 'royal', 'noble', 'heroic', 'brave', 'wise', 'evil', 'good', 'dark', 'sci', 'scifi', 'sci-fi', 'cyberpunk',
  'steampunk', 'gothic', 'victorian', 'baroque', 'art', 'deco', 'nouveau', 'egyptian', 'greek', 'roman', 'japanese', 'chinese', 'korean', 'indian', 'french',
  'italian', 'english', 'british', 'american', 'mexican', 'african', 'nordic', 'norse', 'celtic', 'arabian', 'persian', 'tribal', 'aztec', 'mayan', 'western',
  'eastern', 'oriental', 'tropical', 'arctic', 'cosmic', 'celestial', 'elven', 'dwarven', 'orcish', 'broken', 'cracked', 'damaged', 'worn', 'weathered',
  'battered', 'dirty', 'clean', 'rusty', 'rusted', 'mossy', 'dusty', 'muddy', 'polished', 'shiny', 'glossy', 'matte', 'smooth', 'rough', 'soft', 'hard',
  'heavy', 'sturdy', 'solid', 'hollow', 'empty', 'full', 'fresh', 'ripe', 'rotten', 'delicious', 'tasty', 'yummy', 'juicy', 'sweet', 'sour', 'spicy',
  'warm', 'frozen', 'icy', 'happy', 'sad', 'angry', 'grumpy', 'friendly', 'fierce', 'ferocious', 'majestic', 'proud', 'lazy', 'sleepy', 'playful', 'curious',
  'shy', 'silly', 'funny', 'cool', 'awesome', 'amazing', 'beautiful', 'pretty', 'lovely', 'gorgeous', 'elegant', 'fancy', 'luxury', 'luxurious', 'expensive',
  'cheap', 'simple', 'basic', 'plain', 'ornate', 'decorative', 'decorated', 'intricate', 'elaborate', 'detailed', 'highly', 'high', 'quality', 'ultra', 'hd', '4k', '8k',
  'cozy', 'cosy', 'comfy', 'comfortable', 'ergonomic', 'glowing', 'sparkly', 'sparkling', 'shining', 'gleaming', 'jeweled', 'jewelled', 'bejeweled', 'ornamented',
  'engraved', 'carved', 'embroidered', 'patterned', 'striped', 'spotted', 'dotted', 'checkered', 'plaid', 'floral', 'hairy', 'spiky', 'scaly', 'feathered',
  'fuzzy', 'wild', 'tame', 'domestic', 'young', 'adult', 'elderly', 'female', 'male', 'realistic', 'stylized', 'game', 'ready', 'gameready', 'textured', 'pbr',
  'rigged', 'animated', 'printable', '3d', 'three', 'dimensional', 'model', 'isolated', 'centered', 'single', 'whole', 'entire', 'complete', 'standalone',
  'famous', 'iconic', 'typical', 'generic', 'standard', 'regular', 'normal', 'ordinary', 'everyday', 'common', 'rare', 'exotic', 'strange', 'weird', 'odd',
  'funky', 'quirky', 'crazy', 'cute', 'adorable', 'handmade', 'homemade', 'hand', 'crafted', 'handcrafted', 'custom', 'personalized', 'leaning', 'flying',
  'electric', 'acoustic', 'digital', 'analog', 'analogue', 'wireless', 'portable', 'folding', 'foldable', 'inflatable', 'treasure', 'festive', 'seasonal', 'glazed', 'frosted', 'chocolate', 'vanilla', 'sugar', 'sugary', 'grilled', 'roasted', 'baked',
  'fried', 'boiled', 'sliced', 'half', 'mini', 'wooden', 'fire-breathing', 'winged', 'horned', 'armored', 'armoured', 'shining', 'twinkling', 'blooming', 'birthday',
  'slow', 'fast', 'quick', 'round', 'square', 'flat', 'sharp', 'blunt', 'wet', 'dry', 'calm', 'quiet', 'loud', 'strong', 'weak', 'kind', 'nice', 'bitter', 'rich',
  'poor', 'oval', 'curved', 'straight', 'pointy', 'pointed', 'deep', 'shallow', 'gentle', 'sleek', 'bold', 'glad', 'alive', 'asleep', 'awake', 'lone', 'lonely', 'cheerful',
  'rainbow', 'multicolored', 'multicoloured', 'colorful', 'colourful', 'pastel', 'neon', 'cast', 'fluorescent', 'transparent', 'translucent', 'clear',
  'elemental', 'demonic', 'angelic',
]);

/** Place words before an object that keep its kind ("a kitchen table", "a garden bench"): reported as ignored. */
export const SETTING_MODIFIERS = new Set([
  'garden', 'kitchen', 'office', 'bedroom', 'bathroom', 'living', 'dining', 'outdoor', 'indoor', 'patio', 'park', 'school', 'classroom', 'camping', 'beach',
  'picnic', 'farm', 'city', 'street', 'home', 'party', 'wedding', 'holiday', 'studio', 'workshop', 'cafe', 'restaurant', 'hotel', 'hospital', 'library',
  'village', 'country', 'backyard', 'lawn', 'pool', 'balcony', 'porch', 'nursery', 'playground', 'gym', 'lab', 'laboratory', 'castle', 'dungeon', 'tavern',
  'medieval', 'fantasy', 'halloween', 'christmas', 'easter', 'summer', 'winter', 'autumn', 'spring', 'travel', 'antique', 'gaming', 'computer', 'reading',
  'rescue', 'military', 'cargo', 'passenger', 'delivery', 'emergency', 'family', 'kids', 'kid', 'children', 'child', 'pet', 'village', 'farmhouse', 'mountain', 'desert', 'jungle', 'forest', 'arctic', 'ocean',
]);

/** Nouns that name what kind of object the thing is rather than which thing: "a chess knight piece", "a dragon statue". */
export const CLASSIFIER_NOUNS: Readonly<Record<string, keyof KindModifiers | undefined>> = {
  piece: undefined, figure: 'toy', figurine: 'toy', statue: 'statue', statuette: 'statue', sculpture: 'statue', bust: undefined, model: undefined, toy: 'toy',
  prop: undefined, replica: undefined, ornament: 'toy', decoration: undefined, object: undefined, thing: undefined, asset: undefined, item: undefined, miniature: 'toy', plushie: 'toy', plush: 'toy',
  character: undefined, mascot: undefined, icon: undefined, avatar: undefined, emoji: undefined, design: undefined, concept: undefined, sculpt: undefined, mesh: undefined, version: undefined,
};

/** "a slice of cake", "a stack of pancakes": the object is after "of". */
export const QUANTITY_NOUNS = new Set(['slice', 'piece', 'loaf', 'wedge', 'bunch', 'stack', 'pile', 'pair', 'set', 'couple', 'chunk', 'bar', 'scoop', 'handful', 'heap', 'cluster', 'bouquet', 'group', 'family', 'kind', 'type', 'sort']);

/** Modifiers that keep the kind of the object they qualify (when its body plan allows) and change how it is made. */
export const KIND_MODIFIER_WORDS: Readonly<Record<string, keyof KindModifiers>> = {
  toy: 'toy', plush: 'toy', plushie: 'toy', stuffed: 'toy', figurine: 'toy',
  baby: 'baby',
  robot: 'mechanical', robotic: 'mechanical', mechanical: 'mechanical', cyborg: 'mechanical', mecha: 'mechanical', android: 'mechanical', clockwork: 'mechanical',
  statue: 'statue', sculpted: 'statue',
};

/** Words at the start of a prompt that ask for a model rather than describe it: "create a 3d model of a chair". */
export const PREAMBLE_WORDS = new Set(['create', 'make', 'generate', 'render', 'design', 'build', 'draw', 'sculpt', 'produce', 'give', 'show', 'want', 'need', 'please', 'me', 'us', 'i', 'we', 'can', 'you', 'could', 'would', 'like', 'id', '3d', 'low', 'model', 'mesh', 'asset', 'of', 'an', 'a', 'the']);

/** Plural nouns that name one object ("sunglasses", "headphones"): never several copies. */
export const PAIR_NOUNS = new Set(['glasses', 'sunglasses', 'eyeglasses', 'spectacles', 'goggles', 'headphones', 'earphones', 'earbuds', 'scissors', 'pliers', 'tongs', 'pants', 'trousers', 'jeans', 'shorts', 'binoculars', 'tweezers', 'overalls', 'pajamas', 'chopsticks', 'skis']);

/** Words that join a prompt but say nothing about it. */
export const DETERMINERS = new Set(['a', 'an', 'the', 'some', 'my', 'your', 'his', 'her', 'its', 'their', 'our', 'this', 'that', 'these', 'those', 'one', 'of', 'is', 'are', 'very', 'really', 'which', 'who', 'it', 'just', 'only', 'also', 'to']);
