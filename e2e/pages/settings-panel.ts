import type { Locator, Page } from '@playwright/test';
import { SiteHeader } from './site-header.ts';

type Group = 'حجم النص' | 'المظهر' | 'الأرقام';

/** The «الإعدادات» button in the header and the reader preferences dialog it opens. */
export class SettingsPanel {
  /** The header's «الإعدادات» button (`SiteHeader.settingsButton`). */
  readonly openButton: Locator;
  readonly dialog: Locator;
  readonly closeButton: Locator;
  readonly hijri: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.openButton = new SiteHeader(page).settingsButton;
    this.dialog = page.getByRole('dialog', { name: 'الإعدادات' });
    this.closeButton = this.dialog.getByRole('button', { name: 'إغلاق' });
    this.hijri = this.dialog.getByRole('checkbox', { name: /التاريخ الهجري/ });
    this.status = this.dialog.getByRole('status');
  }

  /** A choice by its label; a sample after it in brackets («(٠-٩)») may follow. */
  option(group: Group, label: string): Locator {
    const name = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(.+\\))?$`);
    return this.dialog.getByRole('group', { name: group }).getByRole('radio', { name });
  }

  async open(): Promise<void> {
    if (await this.dialog.isVisible()) return;
    await this.openButton.click();
    await this.dialog.waitFor();
  }

  /** Opens the panel if needed and picks a choice, e.g. `choose('المظهر', 'داكن')`. */
  async choose(group: Group, label: string): Promise<void> {
    await this.open();
    await this.option(group, label).check();
  }

  async setHijri(on: boolean): Promise<void> {
    await this.open();
    await this.hijri.setChecked(on);
  }

  async close(): Promise<void> {
    await this.closeButton.click();
    await this.dialog.waitFor({ state: 'detached' });
  }
}
