// A tap on «حفظ» made before the app ran is a wish the app carries out once it is ready.
// A second tap that reaches the hydrated app before that moment must count against the
// wish, not against storage: a double tap across hydration leaves nothing saved.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storyQuery } from '#shared/api/story-query.ts';
import { getBookmark, resetBookmarkStorageForTests } from '#shared/storage/bookmark-db.ts';
import { storyPayload } from '#test/factories.ts';
import { useBookmarkToggle, useFirstTapSaves } from './use-bookmark-toggle.ts';

const ID = 'first-tap-story';

function setUp(wish?: { from: boolean; to: boolean }) {
  window.qariFirstTaps = {
    saves: new Map(wish ? [[ID, wish]] : []),
    replay: [],
    listeners: new Set(),
    wanted: false,
  };
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData(storyQuery(ID).queryKey, storyPayload({ article: { id: ID } }));
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  return renderHook(
    () => {
      useFirstTapSaves();
      return useBookmarkToggle(ID);
    },
    { wrapper },
  );
}

const appIsReady = () => document.documentElement.setAttribute('data-ready', '');

describe('«حفظ» tapped before the app was ready, then again', () => {
  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    await resetBookmarkStorageForTests();
    document.documentElement.removeAttribute('data-ready');
  });
  afterEach(() => {
    window.qariFirstTaps = undefined;
    document.documentElement.removeAttribute('data-ready');
  });

  it('shows the first tap, and the second one taken back saves nothing', async () => {
    const { result } = setUp({ from: false, to: true });
    expect(result.current.saved).toBe(true);
    await act(() => result.current.toggle());
    appIsReady();
    expect(await getBookmark(ID)).toBeNull();
    await waitFor(() => expect(result.current.saved).toBe(false));
  });

  it('after the first tap was carried out, the second one removes the story', async () => {
    appIsReady();
    const { result } = setUp({ from: false, to: true });
    await waitFor(async () => expect(await getBookmark(ID)).not.toBeNull());
    await act(() => result.current.toggle());
    expect(await getBookmark(ID)).toBeNull();
  });

  it('with no tap before, a tap saves the story', async () => {
    appIsReady();
    const { result } = setUp();
    await act(() => result.current.toggle());
    expect((await getBookmark(ID))?.id).toBe(ID);
    await waitFor(() => expect(result.current.saved).toBe(true));
  });
});
