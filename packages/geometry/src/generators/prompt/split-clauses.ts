// Cuts a prompt's words into clauses at connectors ("wearing", "holding", "on", "with", "and", "made of", ...), each
// with the relation that starts it.
import {
  CONNECTORS,
  DETERMINERS,
  POSE_WORDS,
  PREAMBLE_WORDS,
  UNSHOWN_ADJECTIVES,
  type Relation,
} from './modifier-vocabulary.ts';
import { FILLER_WORDS } from './prompt-vocabulary.ts';
import { isAttributeWord } from './attribute-words.ts';

export interface Clause {
  relation: Relation | 'main';
  start: number;
  end: number;
}

/** Clauses at connectors; "and" starts a new object only when a noun follows that is not a part of the last one. */
export function splitClauses(forms: readonly string[], from: number, used: Set<number>): Clause[] {
  const clauses: Clause[] = [];
  let current: Clause = { relation: 'main', start: from, end: forms.length };
  for (let index = from; index < forms.length; index++) {
    const connector = CONNECTORS.find(([phrase]) => {
      const parts = phrase.split(' ');
      return parts.every((part, offset) => forms[index + offset] === part);
    });
    if (!connector || (index === current.start && current.relation === 'main')) continue;
    const [phrase, relation] = connector;
    const length = phrase.split(' ').length;
    if (relation === 'and' && (!startsObject(forms, index + length) || !hasNoun(forms, current.start, index))) continue;
    if (
      (phrase === 'flying' ||
        phrase === 'floating' ||
        phrase === 'swimming' ||
        phrase === 'looking' ||
        phrase === 'like') &&
      forms[index + 1] !== undefined &&
      !['in', 'at', 'over', 'above', 'on', 'through', 'across', 'a', 'an', 'the'].includes(forms[index + 1])
    )
      continue;
    current.end = index;
    if (current.end > current.start) clauses.push(current);
    for (let offset = 0; offset < length; offset++) used.add(index + offset);
    current = { relation, start: index + length, end: forms.length };
    index += length - 1;
  }
  if (current.end > current.start) clauses.push(current);
  return clauses;
}

/** Whether forms[from, to) hold a noun-like word (so an "and" after them can join a second object). */
function hasNoun(forms: readonly string[], from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const form = forms[index];
    if (
      DETERMINERS.has(form) ||
      FILLER_WORDS.has(form) ||
      isAttributeWord(form) ||
      UNSHOWN_ADJECTIVES.has(form) ||
      POSE_WORDS.has(form) ||
      PREAMBLE_WORDS.has(form)
    )
      continue;
    return true;
  }
  return false;
}

/** Whether the words after an "and" name an object (so the "and" joins objects, not colours or parts). */
function startsObject(forms: readonly string[], from: number): boolean {
  for (let index = from; index < Math.min(forms.length, from + 5); index++) {
    const form = forms[index];
    if (DETERMINERS.has(form) || FILLER_WORDS.has(form) || isAttributeWord(form) || UNSHOWN_ADJECTIVES.has(form))
      continue;
    return !CONNECTORS.some(([phrase]) => phrase === form);
  }
  return false;
}
