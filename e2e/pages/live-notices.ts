import type { Locator, Page } from '@playwright/test';

/** What an open page shows when the newsroom publishes, updates or withdraws a story. */
export class LiveNotices {
  /** «قصة جديدة», «قصتان جديدتان», «3 قصص جديدة», «11 قصة جديدة». */
  readonly newStories: Locator;
  readonly breakingBar: Locator;
  readonly dismissBreaking: Locator;
  readonly updated: Locator;
  readonly showNewVersion: Locator;
  readonly withdrawn: Locator;

  constructor(readonly page: Page) {
    const main = page.getByRole('main');
    this.newStories = main.getByRole('button', { name: /^(?:\S+ )?(?:قصة|قصتان|قصص) جديد/ });
    this.breakingBar = page.getByRole('region', { name: 'خبر عاجل' });
    this.dismissBreaking = this.breakingBar.getByRole('button', { name: 'إغلاق الخبر العاجل' });
    // At the foot of the screen, over the page (outside main).
    // A paragraph: the announcer (a div) says the same words.
    this.updated = page.getByRole('paragraph').filter({ hasText: 'حُدِّثت هذه القصة' });
    this.showNewVersion = page.getByRole('button', { name: 'اعرض النسخة الجديدة' });
    this.withdrawn = page.getByRole('paragraph').filter({ hasText: 'لم تعد هذه القصة منشورة' });
  }

  /** What the app's polite live region says (a screen reader hears it once). */
  announcement(text: string): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  /**
   * A minute passes on the page's clock (installed with page.clock.install before the
   * page opened): the live checks run, once a minute while the tab is visible.
   */
  async aMinutePasses(): Promise<void> {
    await this.minutesPass(1);
  }

  /**
   * The clock jumps ahead and the timers then due fire once, at the end: a check it
   * starts has its real time to answer (stepping through the minutes instead would let
   * the fetch's own 10 s deadline pass while the answer is on its way).
   */
  async minutesPass(minutes: number): Promise<void> {
    await this.page.clock.fastForward(minutes * 60_000);
  }
}
