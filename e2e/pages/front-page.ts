import type { Locator, Page } from '@playwright/test';

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
    // Prerendered HTML shows before the app runs: wait until it has hydrated.
    await this.page.locator('html[data-ready]').waitFor({ state: 'attached' });
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
