import type { Page } from '@playwright/test';
import { waitForApp } from '../fixtures/app-ready.ts';

/**
 * The one wait of every page object's `goto`: it returns when a reader could act, that
 * is when the page's h1 shows (the page is there) and the app has started (a click is
 * the app's to handle, `html[data-ready]`). Flows about the first moments of a page
 * (e2e/tester-flows/) call `page.goto` themselves and wait for nothing.
 */
export async function openPage(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await readerCanAct(page);
}

/** After a first load or a reload: the page's h1 shows and the app has started. */
export async function readerCanAct(page: Page): Promise<void> {
  await page.getByRole('main').getByRole('heading', { level: 1 }).first().waitFor();
  await waitForApp(page);
}
