import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { PREFERENCES_KEY, resetPreferencesCache } from '#shared/storage/preferences-store.ts';
import { renderWithProviders } from '#test/render.tsx';
import { SettingsButton } from './settings-button.tsx';

// The panel is a lazy chunk. Vitest compiles a module on its first import, which on a busy
// 2-core machine alone outlasts findBy's one second: compile it before the clicks.
beforeAll(async () => {
  await import('./settings-panel.tsx');
});

beforeEach(() => {
  localStorage.clear();
  resetPreferencesCache();
});
afterEach(() => vi.restoreAllMocks());

const stored = () => JSON.parse(localStorage.getItem(PREFERENCES_KEY) ?? 'null');

describe('SettingsButton', () => {
  it('opens the panel, saves each choice at once, and gives focus back on «إغلاق»', async () => {
    const user = userEvent.setup();
    renderWithProviders(<SettingsButton />);
    const button = screen.getByRole('button', { name: 'الإعدادات' });
    await user.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'الإعدادات' });
    expect(dialog.hasAttribute('open')).toBe(true);

    for (const legend of ['حجم النص', 'المظهر', 'الأرقام']) {
      expect(screen.getByRole('group', { name: legend })).toBeTruthy();
    }
    expect(screen.getByRole('radio', { name: 'متوسط' })).toHaveProperty('checked', true);
    expect(screen.getByRole('radio', { name: 'حسب النظام' })).toHaveProperty('checked', true);

    await user.click(screen.getByRole('radio', { name: 'كبير جداً' }));
    await user.click(screen.getByRole('radio', { name: 'داكن' }));
    await user.click(screen.getByRole('radio', { name: /أرقام عربية مشرقية/ }));
    await user.click(screen.getByRole('checkbox', { name: /التاريخ الهجري/ }));
    expect(stored()).toMatchObject({
      textSize: 'x-large',
      theme: 'dark',
      digits: 'arab',
      hijri: true,
    });
    expect(screen.getByRole('radio', { name: 'داكن' })).toHaveProperty('checked', true);

    await user.click(screen.getByRole('button', { name: 'إغلاق' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(button);
  });

  it('says so when the browser will not store the choice, and keeps it for the visit', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const user = userEvent.setup();
    renderWithProviders(<SettingsButton />);
    await user.click(screen.getByRole('button', { name: 'الإعدادات' }));
    await user.click(await screen.findByRole('radio', { name: 'فاتح' }));
    expect(screen.getByRole('status').textContent).toContain('تعذّر حفظ الإعدادات');
    expect(screen.getByRole('radio', { name: 'فاتح' })).toHaveProperty('checked', true);
  });
});
