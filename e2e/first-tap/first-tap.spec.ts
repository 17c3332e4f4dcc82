import type { Page } from '@playwright/test';
import { isBookmarkStored } from '../fixtures/bookmark-storage.ts';
import type { NetworkControl } from '../fixtures/network.ts';
import { expect, test } from '../fixtures/test.ts';
import { throttleLikeASlowPhone } from '../fixtures/throttling.ts';

/**
 * The flows a tester writes first: open a page, press a control, see it work. No wait
 * for the app to start (CONTRACT §4): a tap made before it runs is kept and carried out
 * (src/app/boot/first-taps.js). Run them many times: `--repeat-each=20`.
 */
for (const slow of [false, true]) {
  // Under nginx too (npm run test:nginx): there the CSP must allow the inline script.
  test.describe(`first taps${slow ? ', slow phone' : ''}`, {
    tag: ['@first-tap', '@nginx'],
  }, () => {
    // A slow phone's first view takes seconds: storage follows once the app is there.
    const settle = { timeout: slow ? 45_000 : 7_000 };
    test.beforeEach(async ({ page }) => {
      if (!slow) return;
      test.slow();
      await throttleLikeASlowPhone(page);
    });

    test('«حفظ» on a story saves it', async ({ page, corpus }) => {
      const story = corpus.sample[0]!;
      await page.goto(`/article/${story.id}`);
      const save = page.getByRole('main').getByRole('button', { name: 'حفظ', exact: true });
      await save.click();
      await expect(save).toHaveAttribute('aria-pressed', 'true');
      await expect.poll(() => isBookmarkStored(page, story.id), settle).toBe(true);
      await expect(save).toHaveAttribute('aria-pressed', 'true');
    });

    test('a card’s «حفظ: …» on the front page saves its story', async ({ page, corpus }) => {
      const lead = corpus.front.lead ?? corpus.front.latest[0]!;
      await page.goto('/');
      const save = page.getByRole('button', { name: `حفظ: ${lead.headline}`, exact: true }).first();
      await save.click();
      await expect(save).toHaveAttribute('aria-pressed', 'true');
      await expect.poll(() => isBookmarkStored(page, lead.id), settle).toBe(true);
    });

    test('the settings button opens the settings', async ({ page, corpus }) => {
      await page.goto(`/article/${corpus.sample[1]!.id}`);
      await page.getByRole('banner').getByRole('button', { name: 'الإعدادات' }).click();
      await expect(page.getByRole('dialog', { name: 'الإعدادات' })).toBeVisible(settle);
    });
  });
}

/** The story's «حفظ», tapped while the app's entry is held: surely before the app runs. */
async function tapSaveBeforeTheApp(page: Page, network: NetworkControl, id: string) {
  const release = await network.hold(/\/assets\/index-[^/]+\.js$/);
  await page.goto(`/article/${id}`);
  const save = page.getByRole('main').getByRole('button', { name: 'حفظ', exact: true });
  await save.click();
  await expect(save).toHaveAttribute('aria-pressed', 'true');
  release();
  return save;
}

test.describe('first taps, honestly', { tag: '@first-tap' }, () => {
  test('a double tap is a toggle: nothing is saved, nothing shows pressed', async ({
    page,
    corpus,
  }) => {
    const story = corpus.sample[2]!;
    await page.goto(`/article/${story.id}`);
    const save = page.getByRole('main').getByRole('button', { name: 'حفظ', exact: true });
    await save.click();
    await save.click();
    await expect(save).toHaveAttribute('aria-pressed', 'false');
    await page.locator('html[data-ready]').waitFor({ state: 'attached' });
    await expect(save).toHaveAttribute('aria-pressed', 'false');
    // Storage follows the button: when the app was ready for the first tap, it saved and
    // the second tap's removal is still being written (one write at a time per story).
    await expect.poll(() => isBookmarkStored(page, story.id)).toBe(false);
    await expect(save).toHaveAttribute('aria-pressed', 'false');
  });

  test('Enter on the focused «حفظ», and `s`, count as taps', async ({ page, corpus }) => {
    const [first, second] = [corpus.sample[3]!, corpus.sample[4]!];
    await page.goto(`/article/${first.id}`);
    const save = page.getByRole('main').getByRole('button', { name: 'حفظ', exact: true });
    await save.press('Enter');
    await expect(save).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => isBookmarkStored(page, first.id)).toBe(true);

    await page.goto(`/article/${second.id}`);
    await page.keyboard.press('s');
    await expect(save).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => isBookmarkStored(page, second.id)).toBe(true);
  });

  test('a story saved already stays saved when its «حفظ» is tapped before the app runs', async ({
    page,
    corpus,
    saveStories,
    network,
  }) => {
    const story = corpus.sample[5]!;
    await saveStories([story.id]);
    const save = await tapSaveBeforeTheApp(page, network, story.id);
    await page.locator('html[data-ready]').waitFor({ state: 'attached' });
    await expect(page.getByRole('status').filter({ hasText: 'تم الحفظ' })).toBeAttached();
    await expect(save).toHaveAttribute('aria-pressed', 'true');
    expect(await isBookmarkStored(page, story.id)).toBe(true);
  });

  test('when storage is full, the reader is told and the button shows the truth', async ({
    page,
    corpus,
    network,
  }) => {
    await page.addInitScript(() => {
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
    });
    const save = await tapSaveBeforeTheApp(page, network, corpus.sample[6]!.id);
    await expect(
      page.getByRole('status').filter({ hasText: 'امتلأت مساحة التخزين' }),
    ).toBeAttached();
    await expect(save).toHaveAttribute('aria-pressed', 'false');
  });

  test('words typed into the search box before the app runs are kept and searched', async ({
    page,
    corpus,
    network,
  }) => {
    const release = await network.hold(/\/assets\/index-[^/]+\.js$/);
    await page.goto(`/article/${corpus.sample[8]!.id}`);
    const box = page.getByRole('searchbox', { name: 'بحث' });
    await box.fill('الحر');
    release();
    await page.locator('html[data-ready]').waitFor({ state: 'attached' });
    await box.press('Enter');
    await expect(page).toHaveURL(/\/search\?q=/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('الحر');
    await expect(box).toHaveValue('الحر');
  });
});
