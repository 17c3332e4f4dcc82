import type { Locator, Page } from '@playwright/test';
import { arabic } from '../fixtures/arabic.ts';
import { openPage } from './open-page.ts';
import { SiteHeader } from './site-header.ts';

/** /bookmarks: the saved stories, most recently saved first. */
export class BookmarksPage {
  readonly header: SiteHeader;
  readonly heading: Locator;
  readonly list: Locator;
  readonly storyLinks: Locator;
  readonly emptyState: Locator;
  readonly sort: Locator;
  readonly sectionFilter: Locator;
  readonly exportButton: Locator;
  readonly importInput: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.header = new SiteHeader(page);
    const main = page.getByRole('main');
    this.heading = main.getByRole('heading', { level: 1, name: 'المحفوظات' });
    this.list = main.getByRole('list').first();
    this.storyLinks = main.getByRole('heading', { level: 2 }).getByRole('link');
    this.emptyState = main.getByText(arabic('لم تحفظ أي قصة بعد'));
    this.sort = main.getByLabel('الترتيب');
    this.sectionFilter = main.getByLabel('القسم');
    this.exportButton = main.getByRole('button', { name: 'تصدير إلى ملف' });
    this.importInput = main.getByLabel('استيراد من ملف');
    this.alert = main.getByRole('alert');
  }

  async goto(): Promise<void> {
    await openPage(this.page, '/bookmarks');
  }

  removeButton(headline: string): Locator {
    return this.page
      .getByRole('main')
      .getByRole('button', { name: `إزالة: ${headline}`, exact: true });
  }
}
