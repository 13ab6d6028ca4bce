// What readModel left unread when told the output keeps no animation (ReadModelOptions.skipAnimations): the
// clips are not built, but the conversion warnings must still name what the output format drops. Kept beside the
// Document rather than in it, so no writer can carry it into a file.

import type { Document } from '@gltf-transform/core';

export interface UnreadAnimations {
  /** Animations in the file. */
  clipCount: number;
  /** Channels that target a joint of a skin. */
  skeletalChannelCount: number;
  /** Channels that target another node. */
  nodeChannelCount: number;
}

const unread = new WeakMap<Document, UnreadAnimations>();

export function recordUnreadAnimations(document: Document, animations: UnreadAnimations): void {
  unread.set(document, animations);
}

export function unreadAnimationsOf(document: Document): UnreadAnimations | undefined {
  return unread.get(document);
}

/** For removeAnimation: once the options drop the animations, there is nothing left to warn about. */
export function forgetUnreadAnimations(document: Document): void {
  unread.delete(document);
}
