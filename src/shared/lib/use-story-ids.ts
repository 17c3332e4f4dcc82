import { useSyncExternalStore } from 'react';
import type { StoryIdStore } from '../storage/story-id-store.ts';

const none: readonly string[] = [];

/**
 * The ids a store holds, re-rendering when they change here or in another tab. Empty
 * while hydrating: prerendered HTML knows nothing of this reader.
 */
export function useStoryIds(store: StoryIdStore): readonly string[] {
  return useSyncExternalStore(store.subscribe, store.ids, () => none);
}
