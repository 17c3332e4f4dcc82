import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  InvalidContentError,
  NetworkError,
  TimeoutError,
  UnavailableError,
} from '../api/errors.ts';
import { ErrorView } from './error-view.tsx';

afterEach(() => vi.restoreAllMocks());

describe('ErrorView', () => {
  it('is an alert with a title', () => {
    render(<ErrorView error={new Error('boom')} onRetry={() => {}} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('تعذّر تحميل الصفحة');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('تعذّر تحميل الصفحة');
  });

  it('calls onRetry when «إعادة المحاولة» is pressed', async () => {
    const onRetry = vi.fn();
    render(<ErrorView error={new Error('boom')} onRetry={onRetry} />);
    expect(onRetry).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'إعادة المحاولة' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('moves focus to the retry button', () => {
    render(<ErrorView error={new Error('boom')} onRetry={() => {}} />);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'إعادة المحاولة' }));
  });

  it('says when the content from the server is not valid', () => {
    render(<ErrorView error={new InvalidContentError('bad')} onRetry={() => {}} />);
    expect(screen.getByRole('alert').textContent).toContain('تعذّر عرض هذه الصفحة');
  });

  it('says when no answer came in time, with its retry', () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    render(<ErrorView error={new TimeoutError('slow')} onRetry={() => {}} />);
    expect(screen.getByRole('alert').textContent).toContain('لم يصل الرد في الوقت المعتاد');
    expect(screen.getByRole('button', { name: 'إعادة المحاولة' })).toBeTruthy();
  });

  it('says when the reader is offline', () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    render(<ErrorView error={new NetworkError('Network error')} onRetry={() => {}} />);
    expect(screen.getByRole('alert').textContent).toContain('أنت غير متصل بالإنترنت');
  });

  it('says the reader is offline when the request got no answer at all, whatever navigator.onLine says', () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    render(<ErrorView error={new NetworkError('Network error')} onRetry={() => {}} />);
    expect(screen.getByRole('alert').textContent).toContain('أنت غير متصل بالإنترنت');
  });

  it('does not claim the reader is offline when something else answered (a captive portal)', () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    render(<ErrorView error={new UnavailableError('Not JSON (text/html)')} onRetry={() => {}} />);
    expect(screen.getByRole('alert').textContent).not.toContain('غير متصل');
  });

  it('does not claim the reader is offline when the server answered with an error', () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    render(<ErrorView error={new UnavailableError('down', 503)} onRetry={() => {}} />);
    const text = screen.getByRole('alert').textContent;
    expect(text).toContain('تعذّر تحميل الصفحة');
    expect(text).not.toContain('غير متصل');
  });
});
