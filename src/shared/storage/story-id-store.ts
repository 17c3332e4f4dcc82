// Small lists of story ids the app remembers for the reader, in localStorage: stories
// found withdrawn (marked «لم تعد هذه القصة منشورة» on their page and in «المحفوظات»),
// and breaking stories whose «عاجل» bar the reader has dismissed or followed. Other tabs
// hear of a change through the `storage` event, so every open tab agrees. Garbage in
// storage reads as an empty list; blocked storage keeps the list for this visit only.

export type StoryIdStore = {
  /** The ids, oldest first; the same array until the list changes. */
  ids(): readonly string[];
  has(id: string): boolean;
  add(id: string): void;
  remove(id: string): void;
  /** Calls `listener` when the list changes, here or in another tab. Returns an unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** For tests: forget what was read, so the next read goes to storage. */
  reset(): void;
};

const EMPTY: readonly string[] = Object.freeze([]);

export function parseStoryIds(raw: string | null): readonly string[] {
  try {
    const data: unknown = raw ? JSON.parse(raw) : null;
    if (!Array.isArray(data)) return EMPTY;
    return data.filter((id): id is string => typeof id === 'string' && id.length <= 200);
  } catch {
    return EMPTY;
  }
}

/** A list kept under `key`, holding the `max` most recently added ids. */
export function createStoryIdStore(key: string, max: number): StoryIdStore {
  let current: readonly string[] | null = null;
  const listeners = new Set<() => void>();

  const load = () => {
    try {
      return parseStoryIds(localStorage.getItem(key));
    } catch {
      return EMPTY;
    }
  };
  const ids = () => {
    current ??= load();
    return current;
  };
  const notify = () => {
    for (const listener of listeners) listener();
  };
  const replace = (next: readonly string[]) => {
    current = next;
    try {
      localStorage.setItem(key, JSON.stringify(next));
    } catch {
      // Full or blocked storage: the list lasts for this visit.
    }
    notify();
  };
  const onStorage = (event: StorageEvent) => {
    if (event.key !== key && event.key !== null) return;
    current = load();
    notify();
  };

  return {
    ids,
    has: (id) => ids().includes(id),
    add: (id) => {
      if (!ids().includes(id)) replace([...ids(), id].slice(-max));
    },
    remove: (id) => {
      if (ids().includes(id)) replace(ids().filter((other) => other !== id));
    },
    subscribe: (listener) => {
      listeners.add(listener);
      if (listeners.size === 1) window.addEventListener('storage', onStorage);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) window.removeEventListener('storage', onStorage);
      };
    },
    reset: () => {
      current = null;
    },
  };
}

/** Stories whose JSON answered 404 while the reader had them saved or open. */
export const withdrawnStories = createStoryIdStore('qari:withdrawn', 200);

/** Breaking stories whose «عاجل» bar the reader dismissed or followed: it shows once. */
export const seenBreakingStories = createStoryIdStore('qari:breaking-seen', 20);
