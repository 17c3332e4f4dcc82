import type { Locator, Page } from '@playwright/test';

export class BookmarksPage {
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
    const main = page.getByRole('main');
    this.heading = page.getByRole('heading', { level: 1, name: 'المحفوظات' });
    this.list = main.getByRole('list').first();
    this.storyLinks = main.getByRole('heading', { level: 2 }).getByRole('link');
    this.emptyState = main.getByText('لم تحفظ أي قصة بعد.');
    this.sort = main.getByLabel('الترتيب');
    this.sectionFilter = main.getByLabel('القسم');
    this.exportButton = main.getByRole('button', { name: 'تصدير إلى ملف' });
    this.importInput = main.getByLabel('استيراد من ملف');
    this.alert = main.getByRole('alert');
  }

  async goto(): Promise<void> {
    await this.page.goto('/bookmarks');
    await this.heading.waitFor();
  }

  removeButton(headline: string): Locator {
    return this.page.getByRole('button', { name: `إزالة: ${headline}`, exact: true });
  }
}
