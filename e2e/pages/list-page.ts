import type { Locator, Page } from '@playwright/test';
import { openPage } from './open-page.ts';
import { SiteHeader } from './site-header.ts';

/** A section's or a tag's list of stories, with its pager. */
export class ListPage {
  readonly header: SiteHeader;
  readonly heading: Locator;
  readonly pager: Locator;
  readonly nextPage: Locator;
  readonly storyLinks: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.header = new SiteHeader(page);
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 1 });
    this.pager = main.getByRole('navigation', { name: 'الصفحات' });
    this.nextPage = this.pager.getByRole('link', { name: 'الصفحة التالية' });
    this.storyLinks = main.getByRole('heading', { level: 2 }).getByRole('link');
    this.alert = main.getByRole('alert');
  }

  /** Page 1 is prerendered; later pages are fetched by the app on a first load. */
  async goto(kind: 'section' | 'tag', id: string, page = 1): Promise<void> {
    await openPage(this.page, ListPage.path(kind, id, page));
  }

  static path(kind: 'section' | 'tag', id: string, page = 1): string {
    return `/${kind}/${encodeURIComponent(id)}${page > 1 ? `?page=${page}` : ''}`;
  }

  pageLink(n: number): Locator {
    return this.pager.getByRole('link', { name: `الصفحة ${n}`, exact: true });
  }
}
