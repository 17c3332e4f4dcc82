import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ModalDialog } from './modal-dialog.tsx';

describe('ModalDialog', () => {
  it('opens as a dialog named by its title, and «إغلاق» closes it', async () => {
    const onClose = vi.fn();
    render(
      <ModalDialog title="الإعدادات" onClose={onClose}>
        <p>محتوى</p>
      </ModalDialog>,
    );
    const dialog = screen.getByRole('dialog', { name: 'الإعدادات' });
    expect(dialog).toHaveProperty('open', true);
    expect(screen.getByText('محتوى')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'إغلاق' }));
    expect(dialog).toHaveProperty('open', false);
    expect(onClose).toHaveBeenCalledOnce();
  });
});
