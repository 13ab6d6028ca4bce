// Storage furniture: bookshelf (shelf count, optional books and back panel) and cabinet (dresser, wardrobe,
// nightstand: drawers and doors with handles).

import type { GeneratorDefinition } from '../generator-definition.ts';

const WOODS = ['oak', 'walnut', 'pine', 'birch', 'mahogany', 'white'];
const BOOK_COLOURS = ['red', 'navy', 'green', 'maroon', 'tan', 'teal', 'charcoal', 'cream'];

export const bookshelf: GeneratorDefinition = {
  category: 'bookshelf',
  family: 'furniture',
  names: [
    'bookshelf',
    'bookcase',
    'book shelf',
    'shelving unit',
    'shelf unit',
    'shelf',
    'estanteria',
    'etagere',
    'bibliotheque',
    'bucherregal',
    'regal',
  ],
  slots: {
    frame: {
      kinds: ['wood', 'metal', 'plastic'],
      colors: WOODS,
      words: ['frame', 'side', 'shelf', 'board', 'back', 'panel'],
      primary: true,
    },
    books: { kinds: ['paper', 'leather'], colors: BOOK_COLOURS, words: ['book', 'books'] },
    books_second: { kinds: ['paper', 'leather'], colors: BOOK_COLOURS },
    books_third: { kinds: ['paper', 'leather'], colors: BOOK_COLOURS },
  },
  counts: { shelves: { words: ['shelf', 'tier', 'level', 'compartment'], default: 4, min: 1, max: 12 } },
  optional: { book: ['book'], back: ['back', 'backing'] },
  example: 'a tall narrow wooden bookshelf with 5 shelves',
  build({ kit, random, counts, proportions }) {
    const shelves = counts.shelves;
    const height = random.vary(0.36 * shelves + 0.2) * proportions.height;
    const width = random.vary(0.8) * proportions.width;
    const depth = random.vary(0.3);
    const board = 0.022;
    for (const side of [-1, 1])
      kit.box('side', 'frame', [board, height, depth], { at: [side * (width / 2 - board / 2), height / 2, 0] });
    const innerWidth = width - 2 * board;
    kit.box('top', 'frame', [innerWidth, board, depth], { at: [0, height - board / 2, 0] });
    kit.box('plinth', 'frame', [innerWidth, 0.06, depth - 0.02], { at: [0, 0.03, 0.01] });
    if (kit.has('back'))
      kit.box('back', 'frame', [innerWidth, height - board, 0.008], {
        at: [0, (height - board) / 2, -depth / 2 + 0.004],
      });
    const spacing = (height - 0.06 - board) / shelves;
    for (let shelf = 0; shelf < shelves; shelf++) {
      const y = 0.06 + shelf * spacing;
      if (shelf > 0) kit.box('shelf', 'frame', [innerWidth, board, depth - 0.01], { at: [0, y, 0.005] });
      if (!kit.has('book')) continue;
      // books standing on this shelf, leaving a random gap; heights stay below the next shelf
      let x = -innerWidth / 2 + 0.01;
      const end = innerWidth / 2 - random.between(0.05, innerWidth * 0.35);
      while (x < end) {
        const thickness = random.between(0.02, 0.05);
        const bookHeight = Math.min(spacing - 0.03, random.between(0.17, 0.27));
        const tilt = x + thickness > end - 0.05 && random.chance(0.5) ? 0.25 : 0;
        const slot = random.pick(['books', 'books_second', 'books_third']);
        kit.box('book', slot, [thickness, bookHeight, random.between(0.15, 0.22)], {
          at: [x + thickness / 2 + tilt * bookHeight * 0.5, y + board / 2 + bookHeight / 2, 0.01],
          rotate: [0, 0, -tilt],
        });
        x += thickness + 0.002 + tilt * bookHeight;
      }
    }
  },
};

export const cabinet: GeneratorDefinition = {
  category: 'cabinet',
  family: 'furniture',
  names: [
    'cabinet',
    'cupboard',
    ['dresser', 'dresser'],
    ['chest of drawers', 'dresser'],
    ['drawer', 'dresser'],
    ['wardrobe', 'wardrobe'],
    ['closet', 'wardrobe'],
    ['nightstand', 'nightstand'],
    ['bedside table', 'nightstand'],
    'armario',
    'armoire',
    'schrank',
    'kommode',
  ],
  variants: { dresser: ['dresser', 'drawer'], wardrobe: ['wardrobe', 'closet'], nightstand: ['nightstand', 'bedside'] },
  slots: {
    body: {
      kinds: ['wood', 'metal', 'plastic'],
      colors: WOODS,
      words: ['body', 'door', 'drawer', 'front', 'side', 'top'],
      primary: true,
    },
    handle: { kinds: ['metal'], colors: ['brass', 'silver', 'black'], words: ['handle', 'knob', 'pull'] },
  },
  counts: {
    drawers: { words: ['drawer'], default: 4, min: 0, max: 10 },
    doors: { words: ['door'], default: 2, min: 0, max: 4 },
  },
  optional: { handle: ['handle', 'knob', 'pull'], leg: ['leg', 'foot'] },
  example: 'a white dresser with 5 drawers',
  build({ kit, random, variant, counts, proportions }) {
    const wardrobe = variant === 'wardrobe';
    const nightstand = variant === 'nightstand';
    const height = random.vary(wardrobe ? 1.9 : nightstand ? 0.55 : 0.9) * proportions.height;
    const width = random.vary(wardrobe ? 1.1 : nightstand ? 0.45 : 0.9) * proportions.width;
    const depth = random.vary(wardrobe ? 0.58 : 0.45);
    const legHeight = kit.has('leg') ? 0.08 : 0;
    const bodyHeight = height - legHeight;
    kit.box('body', 'body', [width, bodyHeight, depth], { at: [0, legHeight + bodyHeight / 2, 0], bevel: 0.006 });
    kit.box('top', 'body', [width + 0.03, 0.025, depth + 0.02], { at: [0, height + 0.012, 0.005], bevel: 0.006 });
    if (legHeight > 0) {
      for (const [x, z] of [
        [-1, -1],
        [1, -1],
        [-1, 1],
        [1, 1],
      ]) {
        kit.cylinder(
          'leg',
          'body',
          { radiusTop: 0.025, radiusBottom: 0.018, height: legHeight, segments: 10 },
          { at: [x * (width / 2 - 0.04), legHeight / 2, z * (depth / 2 - 0.04)] },
        );
      }
    }
    const front = depth / 2 + 0.008;
    const drawers =
      variant === 'dresser' || nightstand
        ? Math.max(1, counts.drawers)
        : wardrobe
          ? Math.min(counts.drawers, 2)
          : variant === undefined && counts.doors > 0
            ? Math.min(counts.drawers, 1)
            : counts.drawers;
    const drawerZone = wardrobe
      ? Math.min(0.5, bodyHeight * 0.25)
      : variant === 'dresser' || nightstand || counts.doors === 0
        ? bodyHeight - 0.04
        : bodyHeight * 0.25;
    const drawerHeight = drawers > 0 ? (drawerZone - 0.02) / drawers : 0;
    const handleStyle = random.pick(['bar', 'knob'] as const);
    for (let drawer = 0; drawer < drawers; drawer++) {
      const y = legHeight + 0.02 + drawerHeight * (drawer + 0.5);
      kit.box('drawer', 'body', [width - 0.05, drawerHeight - 0.02, 0.016], { at: [0, y, front], bevel: 0.004 });
      if (handleStyle === 'bar')
        kit.box('handle', 'handle', [Math.min(0.16, width * 0.25), 0.014, 0.02], { at: [0, y, front + 0.015] });
      else
        for (const side of width > 0.6 ? [-0.25, 0.25] : [0])
          kit.sphere('handle', 'handle', 0.014, { at: [side * width, y, front + 0.015], segments: 8 });
    }
    const doors = variant === 'dresser' || nightstand ? 0 : counts.doors;
    if (doors > 0) {
      const doorBottom = legHeight + drawerZone + 0.01;
      const doorHeight = bodyHeight - drawerZone - 0.03;
      const doorWidth = (width - 0.04) / doors;
      for (let door = 0; door < doors; door++) {
        const x = -width / 2 + 0.02 + doorWidth * (door + 0.5);
        kit.box('door', 'body', [doorWidth - 0.01, doorHeight, 0.018], {
          at: [x, doorBottom + doorHeight / 2, front],
          bevel: 0.004,
        });
        const handleX = x + (door % 2 === 0 ? 1 : -1) * (doorWidth / 2 - 0.05);
        kit.box('handle', 'handle', [0.015, Math.min(0.2, doorHeight * 0.2), 0.02], {
          at: [handleX, doorBottom + doorHeight * 0.5, front + 0.017],
        });
      }
    }
  },
};
