import type { Locator, Page } from '@playwright/test';

/**
 * The header on every page (the `banner` landmark): the site name, the search box,
 * «المحفوظات», «الإعدادات», and the sections, behind the «الأقسام» menu button on a phone.
 */
export class SiteHeader {
  readonly banner: Locator;
  readonly homeLink: Locator;
  /** CONTRACT: an input of type search named «بحث». */
  readonly searchBox: Locator;
  readonly bookmarksLink: Locator;
  /** Opens the reader preferences dialog (see SettingsPanel). */
  readonly settingsButton: Locator;
  /** Shown on narrow screens only: opens and closes the sections navigation. */
  readonly menuButton: Locator;
  readonly sectionsNav: Locator;

  constructor(readonly page: Page) {
    this.banner = page.getByRole('banner');
    this.homeLink = this.banner.getByRole('link', { name: 'قارئ — الصفحة الرئيسية' });
    this.searchBox = this.banner.getByRole('searchbox', { name: 'بحث' });
    this.bookmarksLink = this.banner.getByRole('link', { name: 'المحفوظات', exact: true });
    this.settingsButton = this.banner.getByRole('button', { name: 'الإعدادات' });
    this.menuButton = this.banner.getByRole('button', { name: 'الأقسام' });
    this.sectionsNav = this.banner.getByRole('navigation', { name: 'الأقسام' });
  }

  /** Shown in the navigation when the sections could not be loaded. */
  get sectionsRetry(): Locator {
    return this.sectionsNav.getByRole('button', { name: 'إعادة تحميل الأقسام' });
  }

  /** Opens the sections menu where there is one (a phone); on a desktop it is always open. */
  async showSections(): Promise<void> {
    if (await this.menuButton.isVisible()) await this.menuButton.click();
  }

  sectionLink(name: string): Locator {
    return this.sectionsNav.getByRole('link', { name, exact: true });
  }

  /** Opens a section from the navigation, through the menu button where there is one. */
  async openSection(name: string): Promise<void> {
    await this.showSections();
    await this.sectionLink(name).click();
  }

  /** Types a query into the box and submits it with Enter, as a reader would. */
  async search(query: string): Promise<void> {
    await this.searchBox.fill(query);
    await this.searchBox.press('Enter');
  }

  async openBookmarks(): Promise<void> {
    await this.bookmarksLink.click();
  }
}
