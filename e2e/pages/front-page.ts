import type { Locator, Page } from '@playwright/test';
import { openPage } from './open-page.ts';
import { SiteHeader } from './site-header.ts';

/** The front page: the lead story, the latest stories, a rail per section. */
export class FrontPage {
  readonly header: SiteHeader;
  readonly main: Locator;
  readonly skipLink: Locator;
  /** Same as `header.sectionsNav` and `header.menuButton`. */
  readonly sectionsNav: Locator;
  readonly menuButton: Locator;

  constructor(readonly page: Page) {
    this.header = new SiteHeader(page);
    this.main = page.getByRole('main');
    this.skipLink = page.getByRole('link', { name: 'تخطَّ إلى المحتوى' });
    this.sectionsNav = this.header.sectionsNav;
    this.menuButton = this.header.menuButton;
  }

  async goto(): Promise<void> {
    await openPage(this.page, '/');
  }

  /** A story's link on the page (a story can show twice: lead or latest, and its rail). */
  storyLink(headline: string): Locator {
    return this.main.getByRole('link', { name: headline, exact: true }).first();
  }

  /** A story card's «حفظ: <headline>» toggle. */
  cardBookmark(headline: string): Locator {
    return this.main.getByRole('button', { name: `حفظ: ${headline}`, exact: true }).first();
  }

  /** On a phone the sections live behind the «الأقسام» menu button. */
  async openSection(name: string): Promise<void> {
    await this.header.openSection(name);
  }
}
