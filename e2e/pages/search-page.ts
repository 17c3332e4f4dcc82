import type { Locator, Page } from '@playwright/test';

/** The search box in the header (CONTRACT §4) and the results page at /search?q=…. */
export class SearchPage {
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
    this.box = page.getByRole('searchbox', { name: 'بحث' });
    this.heading = page.getByRole('heading', { level: 1 });
    const main = page.getByRole('main');
    this.count = main.getByRole('status');
    this.results = main.getByRole('listitem');
    this.resultLinks = main.getByRole('heading', { level: 2 }).getByRole('link');
    this.marks = main.locator('mark');
    this.pager = main.getByRole('navigation', { name: 'الصفحات' });
    this.correction = main.getByText('نتائج عن:');
  }

  async goto(query?: string): Promise<void> {
    await this.page.goto(
      query === undefined ? '/search' : `/search?q=${encodeURIComponent(query)}`,
    );
  }

  /** Types into the header box and submits with Enter, as a reader would. */
  async search(query: string): Promise<void> {
    await this.box.fill(query);
    await this.box.press('Enter');
  }

  result(headline: string): Locator {
    return this.resultLinks.filter({ hasText: headline });
  }
}
