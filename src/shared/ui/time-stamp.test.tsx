import { act, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setDigits } from '../lib/locale.ts';
import { TimeStamp } from './time-stamp.tsx';

afterEach(() => setDigits('latn'));

const ISO = '2026-11-27T14:30:00Z';
const DAY_AFTER = Date.parse('2026-11-28T14:00:00Z');
const WEEK_AFTER = Date.parse('2026-12-04T14:30:00Z');

describe('TimeStamp', () => {
  it('switches its digits when the reader changes them, without a remount', () => {
    const { container } = render(<TimeStamp iso={ISO} now={WEEK_AFTER} />);
    const time = container.querySelector('time');
    expect(time?.textContent).toMatch(/2026/);
    act(() => setDigits('arab'));
    expect(container.querySelector('time')).toBe(time);
    expect(time?.textContent).toMatch(/٢٠٢٦/);
    expect(time?.textContent).not.toMatch(/[0-9]/);
    expect(time?.getAttribute('datetime')).toBe(ISO);
  });

  it('keeps the absolute date, in the same digits, as the title of a relative one', () => {
    setDigits('arab');
    const { container } = render(<TimeStamp iso={ISO} now={DAY_AFTER} />);
    const time = container.querySelector('time');
    expect(time?.getAttribute('title')).toMatch(/٢٧/);
  });
});
