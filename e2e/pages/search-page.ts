import type { Locator, Page } from '@playwright/test';
import { openPage } from './open-page.ts';
import { SiteHeader } from './site-header.ts';

/** The results page at /search?q=…; the box is the header's (CONTRACT: «بحث»). */
export class SearchPage {
  readonly header: SiteHeader;
  /** Same as `header.searchBox`. */
  readonly box: Locator;
  readonly heading: Locator;
  readonly count: Locator;
  readonly results: Locator;
  readonly resultLinks: Locator;
  readonly marks: Locator;
  readonly pager: Locator;
  /** «نتائج عن: …»: the spelling the results were found under, when not the one typed. */
  readonly correction: Locator;

  constructor(readonly page: Page) {
    this.header = new SiteHeader(page);
    this.box = this.header.searchBox;
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 1 });
    this.count = main.getByRole('status');
    this.results = main.getByRole('listitem');
    this.resultLinks = main.getByRole('heading', { level: 2 }).getByRole('link');
    this.marks = main.locator('mark');
    this.pager = main.getByRole('navigation', { name: 'الصفحات' });
    this.correction = main.getByText('نتائج عن:');
  }

  async goto(query?: string): Promise<void> {
    await openPage(
      this.page,
      query === undefined ? '/search' : `/search?q=${encodeURIComponent(query)}`,
    );
  }

  /** Types into the header box and submits with Enter, as a reader would. */
  async search(query: string): Promise<void> {
    await this.header.search(query);
  }

  result(headline: string): Locator {
    return this.resultLinks.filter({ hasText: headline });
  }
}
