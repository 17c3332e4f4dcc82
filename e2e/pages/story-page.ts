import type { Locator, Page } from '@playwright/test';
import { waitForApp } from '../fixtures/app-ready.ts';

/** A story page, found the way CONTRACT §4 exposes it. */
export class StoryPage {
  readonly headline: Locator;
  readonly hero: Locator;
  readonly heroImage: Locator;
  readonly heroCaption: Locator;
  readonly readingTime: Locator;
  readonly readAlso: Locator;
  readonly tags: Locator;
  readonly related: Locator;
  readonly bookmark: Locator;
  /** The story itself (related stories sit outside it). */
  readonly article: Locator;
  readonly alert: Locator;
  readonly retry: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.headline = page.getByRole('heading', { level: 1 });
    this.hero = main.getByRole('figure').first();
    this.heroImage = this.hero.getByRole('img');
    this.heroCaption = this.hero.locator('figcaption');
    this.readingTime = main.getByText(/دقيقة|دقيقتان|دقائق/).first();
    this.readAlso = main.getByRole('group', { name: 'اقرأ أيضاً' });
    this.tags = main.getByRole('navigation', { name: 'تصنيفات' });
    this.related = main.getByRole('region', { name: 'قصص قد تهمك' });
    this.bookmark = main.getByRole('button', { name: 'حفظ', exact: true });
    this.article = main.getByRole('article').first();
    this.alert = page.getByRole('alert');
    this.retry = page.getByRole('button', { name: 'إعادة المحاولة' });
  }

  /** A first load of the story's URL (served prerendered where the host has the HTML). */
  async goto(id: string): Promise<void> {
    await this.page.goto(`/article/${encodeURIComponent(id)}`);
    await waitForApp(this.page);
  }

  /** A client-side move to a story linked from the front page: the app fetches its JSON. */
  async openFromFront(headline: string): Promise<void> {
    await this.page.goto('/');
    await waitForApp(this.page);
    await this.page
      .getByRole('main')
      .getByRole('link', { name: headline, exact: true })
      .first()
      .click();
  }
}
