import type { Locator, Page } from '@playwright/test';
import { FrontPage } from './front-page.ts';
import { openPage } from './open-page.ts';
import { SiteHeader } from './site-header.ts';

/**
 * A story page, found the way CONTRACT §4 exposes it (e2e/README.md, «Finding things»).
 * The story's own parts are scoped to its `article`, so an error view's h1 or a related
 * card's «حفظ: …» toggle never answers for them.
 */
export class StoryPage {
  readonly header: SiteHeader;
  /** The story itself: the article holding the page's h1 (related cards are articles too). */
  readonly article: Locator;
  readonly headline: Locator;
  readonly hero: Locator;
  readonly heroImage: Locator;
  readonly heroCaption: Locator;
  readonly readingTime: Locator;
  readonly readAlso: Locator;
  readonly tags: Locator;
  /** «قصص قد تهمك», after the article. */
  readonly related: Locator;
  /** CONTRACT: a button named exactly «حفظ» (cards' toggles are «حفظ: <headline>»). */
  readonly bookmark: Locator;
  /** The error view, when the story could not be shown: an alert with «إعادة المحاولة». */
  readonly alert: Locator;
  readonly retry: Locator;

  constructor(readonly page: Page) {
    this.header = new SiteHeader(page);
    const main = page.getByRole('main');
    this.article = main
      .getByRole('article')
      .filter({ has: page.getByRole('heading', { level: 1 }) });
    this.headline = this.article.getByRole('heading', { level: 1 });
    this.hero = this.article.getByRole('figure').first();
    this.heroImage = this.hero.getByRole('img');
    this.heroCaption = this.hero.locator('figcaption');
    this.readingTime = this.article.getByText(/دقيقة|دقيقتان|دقائق/).first();
    this.readAlso = this.article.getByRole('group', { name: 'اقرأ أيضاً' });
    this.tags = this.article.getByRole('navigation', { name: 'تصنيفات' });
    this.related = main.getByRole('region', { name: 'قصص قد تهمك' });
    this.bookmark = this.article.getByRole('button', { name: 'حفظ', exact: true });
    this.alert = main.getByRole('alert');
    this.retry = this.alert.getByRole('button', { name: 'إعادة المحاولة' });
  }

  /**
   * A first load of the story's URL. Where the host has the prerendered page (nginx,
   * `vite preview`), its data comes inside the HTML: `page.route` on its JSON never
   * fires. To fail a story's data, use `openFromFront`.
   */
  async goto(id: string): Promise<void> {
    await openPage(this.page, `/article/${encodeURIComponent(id)}`);
  }

  /** A client-side move to a story linked from the front page: the app fetches its JSON. */
  async openFromFront(headline: string): Promise<void> {
    const front = new FrontPage(this.page);
    await front.goto();
    await front.storyLink(headline).click();
  }
}
