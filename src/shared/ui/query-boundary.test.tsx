import { useSuspenseQuery } from '@tanstack/react-query';
import { act, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { use } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '#test/render.tsx';
import { NotFoundError, UnavailableError } from '../api/errors.ts';
import { QueryBoundary } from './query-boundary.tsx';

const FALLBACK = <p>جارٍ التحميل…</p>;

beforeEach(() => {
  // React logs every error a boundary catches; the boundary logs non-404 errors too.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

function Reads({ promise }: { promise: Promise<string> }) {
  return <p>{use(promise)}</p>;
}

function Throws({ error }: { error: unknown }): never {
  throw error;
}

/** Throws `error` while `failing.current` is true, then shows `text`. */
function Flaky({
  failing,
  error,
  text,
}: {
  failing: { current: boolean };
  error: Error;
  text: string;
}) {
  if (failing.current) throw error;
  return <p>{text}</p>;
}

function SuspenseStory({ queryFn }: { queryFn: () => Promise<string> }) {
  const { data } = useSuspenseQuery({ queryKey: ['story', 'x'], queryFn });
  return <p>{data}</p>;
}

describe('QueryBoundary', () => {
  it('shows the fallback while the children suspend, then the children', async () => {
    const data = deferred<string>();
    // React 19 retries a suspended render only inside an awaited act.
    await act(async () => {
      renderWithProviders(
        <QueryBoundary fallback={FALLBACK}>
          <Reads promise={data.promise} />
        </QueryBoundary>,
      );
    });
    expect(screen.getByText('جارٍ التحميل…')).toBeTruthy();
    await act(async () => data.resolve('نص القصة'));
    expect(await screen.findByText('نص القصة')).toBeTruthy();
    expect(screen.queryByText('جارٍ التحميل…')).toBeNull();
  });

  it('shows NotFoundView naming what is missing for a NotFoundError', () => {
    renderWithProviders(
      <QueryBoundary fallback={FALLBACK} missing="القصة">
        <Throws error={new NotFoundError('gone')} />
      </QueryBoundary>,
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('القصة غير موجودة');
    expect(screen.getByRole('link', { name: 'العودة إلى الصفحة الرئيسية' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows ErrorView for any other error', () => {
    renderWithProviders(
      <QueryBoundary fallback={FALLBACK}>
        <Throws error={new UnavailableError('down', 503)} />
      </QueryBoundary>,
    );
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'إعادة المحاولة' })).toBeTruthy();
    expect(screen.queryByText(/غير موجودة/)).toBeNull();
  });

  it('renders the children again when retry is pressed', async () => {
    const failing = { current: true };
    renderWithProviders(
      <QueryBoundary fallback={FALLBACK}>
        <Flaky failing={failing} error={new UnavailableError('down')} text="عادت القصة" />
      </QueryBoundary>,
    );
    expect(screen.getByRole('alert')).toBeTruthy();
    failing.current = false;
    await userEvent.click(screen.getByRole('button', { name: 'إعادة المحاولة' }));
    expect(screen.getByText('عادت القصة')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('refetches a failed suspense query on retry', async () => {
    const queryFn = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new UnavailableError('down', 503))
      .mockResolvedValueOnce('وصلت البيانات');
    renderWithProviders(
      <QueryBoundary fallback={FALLBACK}>
        <SuspenseStory queryFn={queryFn} />
      </QueryBoundary>,
    );
    expect(screen.getByText('جارٍ التحميل…')).toBeTruthy();
    const retry = await screen.findByRole('button', { name: 'إعادة المحاولة' });
    await userEvent.click(retry);
    expect(await screen.findByText('وصلت البيانات')).toBeTruthy();
    expect(queryFn).toHaveBeenCalledTimes(2);
  });

  it('clears the error when the reset key changes', () => {
    const failing = { current: true };
    const flaky = <Flaky failing={failing} error={new NotFoundError('gone')} text="قصة أخرى" />;
    const view = renderWithProviders(
      <QueryBoundary fallback={FALLBACK} resetKey="a">
        {flaky}
      </QueryBoundary>,
    );
    expect(screen.getByText(/غير موجودة/)).toBeTruthy();
    failing.current = false;
    view.rerender(
      <QueryBoundary fallback={FALLBACK} resetKey="b">
        {flaky}
      </QueryBoundary>,
    );
    expect(screen.getByText('قصة أخرى')).toBeTruthy();
  });

  it('keeps the error while the reset key stays the same', () => {
    const failing = { current: true };
    const flaky = <Flaky failing={failing} error={new NotFoundError('gone')} text="قصة أخرى" />;
    const view = renderWithProviders(
      <QueryBoundary fallback={FALLBACK} resetKey="a">
        {flaky}
      </QueryBoundary>,
    );
    failing.current = false;
    view.rerender(
      <QueryBoundary fallback={FALLBACK} resetKey="a">
        {flaky}
      </QueryBoundary>,
    );
    expect(screen.getByText(/غير موجودة/)).toBeTruthy();
    expect(screen.queryByText('قصة أخرى')).toBeNull();
  });
});
