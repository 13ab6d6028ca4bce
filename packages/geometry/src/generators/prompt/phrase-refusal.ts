// Why a noun phrase cannot be made, as the refusal the client reads: an unknown or ambiguous name, a part, a
// setting, or no object at all; each with the nearest things the built-in generator can make.
import type { CategoryIndex } from './category-index.ts';
import { nearestCategories } from './nearest-categories.ts';
import { Refusal } from './place-component.ts';
import type { NounPhrase } from './read-noun-phrase.ts';

export function refusalFor(phrase: NounPhrase, categories: CategoryIndex, text: string): Refusal {
  switch (phrase.kind) {
    case 'unknown': {
      const nearest = nearestCategories(phrase.head, phrase.named, categories);
      const named =
        phrase.named.length > 0
          ? ` (it can make ${phrase.named.map((definition) => `a ${definition.category}`).join(' and ')}, but a "${phrase.phrase}" is something else)`
          : '';
      return new Refusal(
        `the built-in generator cannot make "${phrase.phrase}": it has no "${phrase.head}"${named}`,
        nearest,
      );
    }
    case 'ambiguous': {
      const nearest = nearestCategories(phrase.word, [phrase.head, ...phrase.named], categories);
      return new Refusal(
        `the built-in generator is not sure what a "${phrase.phrase}" is: it can make a ${phrase.head.category}${phrase.named.length > 0 ? ` and a ${phrase.named[0].category}` : ''}, but "${phrase.word}" may change what the object is, so it will not guess`,
        nearest,
      );
    }
    case 'part':
      return new Refusal(`"${text}" names a part, not a whole object`, nearestCategories(phrase.head, [], categories));
    case 'scene':
      return new Refusal(
        `"${text}" is a setting, not an object (the built-in generator models one object)`,
        nearestCategories(phrase.head, [], categories),
      );
    default:
      return new Refusal(`"${text}" names no object`, nearestCategories('', [], categories));
  }
}
