import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/test.ts';

/** Fills localStorage to its quota with junk, as a misbehaving neighbour script might. */
async function fillLocalStorage(page: Page) {
  await page.evaluate(() => {
    const chunk = 'x'.repeat(512 * 1024);
    try {
      for (let i = 0; i < 100; i++) localStorage.setItem(`junk-${i}`, chunk);
    } catch {
      // Quota reached: that is the point.
    }
    localStorage.setItem('qari:bookmarks-changed', '{not json');
  });
}

/** Writes records of the wrong shape into the app's own IndexedDB stores. */
async function corruptBookmarkStore(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('qari');
        open.onupgradeneeded = () => {
          open.result.createObjectStore('bookmarks', { keyPath: 'id' });
          open.result.createObjectStore('stories', { keyPath: 'id' });
        };
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['bookmarks', 'stories'], 'readwrite');
          tx.objectStore('bookmarks').put({ id: 'junk', v: 1, savedAt: 'yesterday' });
          tx.objectStore('bookmarks').put({ id: 'junk-2', teaser: 5, v: 99 });
          tx.objectStore('stories').put({ id: 'junk', payload: '<script>alert(1)</script>' });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

test.describe('storage faults', { tag: '@bookmarks' }, () => {
  test('garbage in localStorage and IndexedDB does not stop saving and listing', async ({
    page,
    corpus,
    saveStories,
    bookmarksPage,
  }) => {
    const messages: string[] = [];
    page.on('console', (message) => messages.push(message.text()));
    await page.goto('/');
    await fillLocalStorage(page);
    await corruptBookmarkStore(page);
    const [first, second] = corpus.sample;
    await saveStories([first!.id, second!.id]);
    await bookmarksPage.goto();
    await expect(bookmarksPage.storyLinks).toHaveText([second!.headline, first!.headline]);
    expect(messages.some((m) => m.includes('Skipping an unreadable bookmark record'))).toBe(true);
  });

  test('a database left by something else without our stores is upgraded, not fatal', async ({
    page,
    corpus,
    saveStories,
    bookmarksPage,
  }) => {
    // A file of the site, not a page of the app: the app would open the database itself
    // and hold it at its version, and an upgrade by another page waits for it to close.
    await page.goto('/robots.txt');
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const open = indexedDB.open('qari', 7);
          open.onupgradeneeded = () => open.result.createObjectStore('something-else');
          open.onsuccess = () => {
            open.result.close();
            resolve();
          };
        }),
    );
    await saveStories([corpus.sample[0]!.id]);
    await bookmarksPage.goto();
    await expect(bookmarksPage.storyLinks).toHaveText([corpus.sample[0]!.headline]);
  });
});
