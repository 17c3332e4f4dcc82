import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/test.ts';
import { SettingsPanel } from '../pages/settings-panel.ts';

// The key the app stores preferences under (src/shared/storage/preferences-store.ts).
const PREFERENCES_KEY = 'qari:preferences';
// Fixed clock: stories show absolute dates (with digits), the same on every run.
const NOW = new Date('2026-11-29T09:00:00+03:00');
// The prerender writes absolute dates in the build machine's zone: tests that assert a
// clean hydration read the page in that zone, so only a mismatch of ours would show.
const BUILD_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
const DARK_BACKGROUND = 'rgb(20, 20, 20)';
const LIGHT_BACKGROUND = 'rgb(251, 250, 247)';

const bodyBackground = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);
/** The font size of the story's first paragraph, read once the paragraph is settled in the page. */
async function fontSize(page: Page): Promise<number> {
  const paragraph = page.locator('article .story-body > p').first();
  let size = Number.NaN;
  // Hydration may replace the node between finding and reading it: read until it holds.
  await expect
    .poll(async () => {
      size = Number.parseFloat(await paragraph.evaluate((p) => getComputedStyle(p).fontSize));
      return size;
    })
    .not.toBeNaN();
  return size;
}

/** Errors the page throws or logs (a hydration mismatch is logged by React). */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

test.describe('reader preferences', { tag: '@preferences' }, () => {
  test.beforeEach(async ({ page }) => {
    await page.clock.setFixedTime(NOW);
  });

  test('text size: story text grows, stays after reload, and fits a 320 px phone', {
    tag: '@phone',
  }, async ({ page, storyPage, settingsPanel, corpus }) => {
    await storyPage.goto(corpus.richStory.article.id);
    const normal = await fontSize(page);
    await settingsPanel.choose('حجم النص', 'كبير جداً');
    await expect.poll(() => fontSize(page)).toBeCloseTo(normal * 1.3, 0);
    await settingsPanel.close();
    await expect(settingsPanel.openButton).toBeFocused();

    await page.setViewportSize({ width: 320, height: 640 });
    await page.reload();
    await expect(storyPage.headline).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-text-size', 'x-large');
    expect(await fontSize(page)).toBeCloseTo(normal * 1.3, 0);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow, 'the page is wider than a 320 px screen').toBeLessThanOrEqual(0);

    await settingsPanel.choose('حجم النص', 'صغير');
    await expect.poll(() => fontSize(page)).toBeLessThan(normal);
  });

  test('theme: dark and light override the system, and «حسب النظام» follows it again', {
    tag: '@smoke',
  }, async ({ page, storyPage, settingsPanel, corpus }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await storyPage.goto(corpus.richStory.article.id);
    expect(await bodyBackground(page)).toBe(LIGHT_BACKGROUND);

    await settingsPanel.choose('المظهر', 'داكن');
    await expect.poll(() => bodyBackground(page)).toBe(DARK_BACKGROUND);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe(
      'dark',
    );
    await settingsPanel.close();
    await page.reload();
    expect(await bodyBackground(page)).toBe(DARK_BACKGROUND);

    await page.emulateMedia({ colorScheme: 'dark' });
    await settingsPanel.choose('المظهر', 'فاتح');
    await expect.poll(() => bodyBackground(page)).toBe(LIGHT_BACKGROUND);
    await settingsPanel.choose('المظهر', 'حسب النظام');
    await expect.poll(() => bodyBackground(page)).toBe(DARK_BACKGROUND);
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  });

  test('no flash: theme and size are on <html> before the body, even before the app runs', async ({
    page,
    storyPage,
    settingsPanel,
    corpus,
  }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    const path = `/article/${encodeURIComponent(corpus.richStory.article.id)}`;
    await storyPage.goto(corpus.richStory.article.id);
    const normal = await fontSize(page);
    await settingsPanel.choose('المظهر', 'داكن');
    await settingsPanel.choose('حجم النص', 'كبير');
    await settingsPanel.close();

    // As early as a test can look: the response has started and <body> just exists.
    await page.goto(path, { waitUntil: 'commit' });
    await page.waitForFunction(() => document.body !== null, undefined, { polling: 5 });
    expect(
      await page.evaluate(() => ({
        theme: document.documentElement.dataset.theme,
        textSize: document.documentElement.dataset.textSize,
      })),
    ).toEqual({ theme: 'dark', textSize: 'large' });
    await page.waitForLoadState('domcontentloaded');
    expect(await bodyBackground(page)).toBe(DARK_BACKGROUND);

    // With the app's JavaScript refused, the prerendered page still paints as chosen:
    // the boot script alone did it.
    await page.route(/\/assets\/.+\.js$/, (route) => route.abort());
    await page.goto(path);
    expect(await bodyBackground(page)).toBe(DARK_BACKGROUND);
    expect(await fontSize(page)).toBeCloseTo(normal * 1.15, 0);
  });

  test('Hijri date: appears beside the Gregorian one and stays after reload', async ({
    page,
    storyPage,
    settingsPanel,
    corpus,
  }) => {
    await storyPage.goto(corpus.richStory.article.id);
    const hijri = storyPage.article.getByText(/^الموافق .+ هـ$/);
    await expect(hijri).toHaveCount(0);
    await settingsPanel.setHijri(true);
    await expect(hijri).toBeVisible();
    await settingsPanel.close();
    await page.reload();
    await expect(hijri).toBeVisible();
  });

  test('a change in one tab applies in another open tab', async ({
    context,
    page,
    storyPage,
    settingsPanel,
    corpus,
  }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    const other = await context.newPage();
    await other.emulateMedia({ colorScheme: 'light' });
    await other.clock.setFixedTime(NOW);
    await other.goto(`/article/${encodeURIComponent(corpus.richStory.article.id)}`);
    await other.getByRole('heading', { level: 1 }).waitFor();
    const otherTime = other.locator('article header time').first();
    await expect(otherTime).toHaveText(/[0-9]/);

    await storyPage.goto(corpus.richStory.article.id);
    await settingsPanel.choose('المظهر', 'داكن');
    await settingsPanel.choose('الأرقام', 'أرقام عربية مشرقية');
    await expect.poll(() => bodyBackground(other)).toBe(DARK_BACKGROUND);
    await expect(otherTime).toHaveText(/[٠-٩]/);

    // And the other way: the panel in the other tab shows, and changes, the same state.
    const otherPanel = new SettingsPanel(other);
    await otherPanel.open();
    await expect(otherPanel.option('المظهر', 'داكن')).toBeChecked();
    await otherPanel.choose('المظهر', 'فاتح');
    await expect.poll(() => bodyBackground(page)).toBe(LIGHT_BACKGROUND);
    await expect(settingsPanel.option('المظهر', 'فاتح')).toBeChecked();
  });

  test.describe('hydrating clean', () => {
    test.use({ timezoneId: BUILD_ZONE });

    test('digits: dates, reading times and counts switch to ٠-٩ and stay so after reload', async ({
      page,
      storyPage,
      listPage,
      settingsPanel,
      corpus,
    }) => {
      const errors = collectErrors(page);
      await storyPage.goto(corpus.richStory.article.id);
      const published = storyPage.article.locator('header time').first();
      await expect(published).toHaveText(/[0-9]/);

      await settingsPanel.choose('الأرقام', 'أرقام عربية مشرقية');
      await expect(published).toHaveText(/[٠-٩]/);
      await expect(published).not.toHaveText(/[0-9]/);
      await settingsPanel.close();

      // A prerendered list page: hydrated with Western digits, then switched everywhere.
      const section = corpus.sections[0]!;
      await listPage.goto('section', section.id);
      const meta = page.getByRole('main').getByText(/^مدة القراءة/);
      await expect(meta.first()).toBeVisible();
      await expect(page.getByRole('main').locator('time').first()).toHaveText(/[٠-٩]/);
      await expect
        .poll(() => meta.evaluateAll((all) => all.filter((m) => /[0-9]/.test(m.textContent ?? ''))))
        .toHaveLength(0);

      await storyPage.goto(corpus.richStory.article.id);
      await expect(published).toHaveText(/[٠-٩]/);
      await expect(published).not.toHaveText(/[0-9]/);
      expect(errors, 'errors on the page (a hydration mismatch?)').toEqual([]);

      await settingsPanel.choose('الأرقام', 'أرقام غربية');
      await expect(published).toHaveText(/[0-9]/);
    });

    for (const [what, stored] of [
      ['not JSON', '{"theme":'],
      ['the wrong shape', '{"theme":42,"textSize":["x"],"digits":"roman","hijri":"yes"}'],
    ] as const) {
      test(`stored preferences that are ${what} give the defaults, and nothing breaks`, async ({
        page,
        storyPage,
        settingsPanel,
        corpus,
      }) => {
        const errors = collectErrors(page);
        await page.emulateMedia({ colorScheme: 'light' });
        await storyPage.goto(corpus.richStory.article.id);
        await page.evaluate(({ key, value }) => localStorage.setItem(key, value), {
          key: PREFERENCES_KEY,
          value: stored,
        });
        await page.reload();
        await expect(storyPage.headline).toBeVisible();
        await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
        await expect(page.locator('html')).not.toHaveAttribute('data-text-size', /./);
        expect(await bodyBackground(page)).toBe(LIGHT_BACKGROUND);
        await settingsPanel.open();
        await expect(settingsPanel.option('حجم النص', 'متوسط')).toBeChecked();
        await expect(settingsPanel.option('المظهر', 'حسب النظام')).toBeChecked();
        await expect(settingsPanel.option('الأرقام', 'أرقام غربية')).toBeChecked();
        await expect(settingsPanel.hijri).not.toBeChecked();
        // A choice overwrites the garbage with a valid record.
        await settingsPanel.choose('المظهر', 'داكن');
        expect(
          JSON.parse((await page.evaluate((key) => localStorage.getItem(key), PREFERENCES_KEY))!),
        ).toMatchObject({ theme: 'dark', textSize: 'medium' });
        expect(errors).toEqual([]);
      });
    }
  });

  test('the panel closes with Esc and gives focus back to «الإعدادات»', async ({
    page,
    frontPage,
    settingsPanel,
    isMobile,
  }) => {
    test.skip(isMobile, 'a phone has no keyboard');
    await frontPage.goto();
    await settingsPanel.openButton.focus();
    await page.keyboard.press('Enter');
    await expect(settingsPanel.dialog).toBeVisible();
    await expect(settingsPanel.dialog.getByRole('radio').first()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(settingsPanel.dialog).toHaveCount(0);
    await expect(settingsPanel.openButton).toBeFocused();
  });
});

/**
 * Presses `j` on a page just loaded, as a reader would: a key pressed before the app has
 * hydrated is kept by the first-taps keeper and replayed, so one press is enough.
 */
async function firstStoryByKeyboard(page: Page) {
  const first = page.locator('main h2 a, main h3 a').first();
  await page.keyboard.press('j');
  await expect(first).toBeFocused();
  return first;
}

test.describe('keyboard shortcuts', { tag: '@preferences' }, () => {
  test.skip(({ isMobile }) => isMobile, 'a phone has no keyboard');

  test('`/` puts the cursor in the search box, without typing a slash', async ({
    page,
    frontPage,
    searchPage,
  }) => {
    await frontPage.goto();
    await firstStoryByKeyboard(page);
    await page.keyboard.press('/');
    await expect(searchPage.box).toBeFocused();
    await expect(searchPage.box).toHaveValue('');
    // Typing in the box is typing: j, k, / and ? are letters there.
    await page.keyboard.type('j/k?');
    await expect(searchPage.box).toHaveValue('j/k?');
    await expect(searchPage.box).toBeFocused();
  });

  test('`j` and `k` move between the stories of the front page and of a list', async ({
    page,
    frontPage,
    listPage,
    corpus,
  }) => {
    await frontPage.goto();
    const links = page.locator('main h2 a, main h3 a');
    await firstStoryByKeyboard(page);
    for (let i = 0; i < 5; i++) await page.keyboard.press('j');
    await expect(links.nth(5)).toBeFocused();
    await expect(links.nth(5)).toBeInViewport();
    await page.keyboard.press('k');
    await expect(links.nth(4)).toBeFocused();
    await expect(links.nth(4)).toBeInViewport();

    await listPage.goto('section', corpus.sections[0]!.id);
    await firstStoryByKeyboard(page);
    await page.keyboard.press('j');
    await expect(listPage.storyLinks.nth(1)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/article\//);
  });

  test('`?` lists the shortcuts in a dialog that Esc closes', async ({ page, frontPage }) => {
    await frontPage.goto();
    const link = await firstStoryByKeyboard(page);
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'اختصارات لوحة المفاتيح' });
    await expect(help).toBeVisible();
    const rows = help.getByRole('row');
    for (const key of ['/', 'j', 'k', 's', '?']) {
      await expect(rows.filter({ has: page.getByText(key, { exact: true }) })).toHaveCount(1);
    }
    // While it is open the page's shortcuts rest.
    await page.keyboard.press('j');
    await expect(help).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(help).toHaveCount(0);
    await expect(link).toBeFocused();
  });
});

// Axe on the open dialog only. One scan a flow: a scan of a whole page's tree takes
// seconds on a busy 2-core machine, and two in one flow came near its time limit.
const scanOpenDialog = async (page: Page) =>
  (
    await new AxeBuilder({ page })
      .include('dialog[open]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze()
  ).violations.map((v) => `${v.id}: ${v.help}`);

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`the dialogs, ${scheme}`, { tag: ['@preferences', '@a11y'] }, () => {
    test.use({ colorScheme: scheme });

    test('the settings panel has no axe violations', async ({
      page,
      storyPage,
      settingsPanel,
      corpus,
    }) => {
      await storyPage.goto(corpus.richStory.article.id);
      await settingsPanel.open();
      await page.evaluate(() => document.fonts.ready);
      expect(await scanOpenDialog(page)).toEqual([]);
    });

    test('the shortcuts list has no axe violations', async ({ page, frontPage, isMobile }) => {
      test.skip(isMobile, 'shortcuts are keys: a phone has none');
      await frontPage.goto();
      await firstStoryByKeyboard(page);
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'اختصارات لوحة المفاتيح' }).waitFor();
      await page.evaluate(() => document.fonts.ready);
      expect(await scanOpenDialog(page)).toEqual([]);
    });
  });
}
