import type { Locator, Page } from '@playwright/test';
import { waitForApp } from '../fixtures/app-ready.ts';

export class FrontPage {
  readonly sectionsNav: Locator;
  readonly menuButton: Locator;
  readonly skipLink: Locator;

  constructor(readonly page: Page) {
    this.sectionsNav = page.getByRole('navigation', { name: 'الأقسام' });
    this.menuButton = page.getByRole('button', { name: 'الأقسام' });
    this.skipLink = page.getByRole('link', { name: 'تخطَّ إلى المحتوى' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await waitForApp(this.page);
  }

  storyLink(headline: string): Locator {
    return this.page.getByRole('main').getByRole('link', { name: headline, exact: true }).first();
  }

  /** On a phone the sections live behind the «الأقسام» menu button. */
  async openSection(name: string): Promise<void> {
    if (await this.menuButton.isVisible()) await this.menuButton.click();
    await this.sectionsNav.getByRole('link', { name, exact: true }).click();
  }
}
