import type { Locator, Page } from '@playwright/test';
import { waitForApp } from '../fixtures/app-ready.ts';

/** A section's or a tag's list of stories. */
export class ListPage {
  readonly heading: Locator;
  readonly pager: Locator;
  readonly nextPage: Locator;
  readonly storyLinks: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.pager = page.getByRole('navigation', { name: 'الصفحات' });
    this.nextPage = this.pager.getByRole('link', { name: 'الصفحة التالية' });
    this.storyLinks = page.getByRole('main').getByRole('heading', { level: 2 }).getByRole('link');
  }

  async goto(kind: 'section' | 'tag', id: string, page = 1): Promise<void> {
    await this.page.goto(`/${kind}/${encodeURIComponent(id)}${page > 1 ? `?page=${page}` : ''}`);
    await waitForApp(this.page);
  }

  pageLink(n: number): Locator {
    return this.pager.getByRole('link', { name: `الصفحة ${n}`, exact: true });
  }
}
