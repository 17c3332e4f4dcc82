import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useProgressiveList } from './use-progressive-list.ts';

afterEach(() => vi.useRealTimers());

describe('useProgressiveList', () => {
  it('gives a short list whole at once', () => {
    const items = [1, 2, 3];
    const { result } = renderHook(() => useProgressiveList(items, 5));
    expect(result.current).toBe(items);
  });

  it('gives a long list a step at a time, one task per step, until all of it', async () => {
    vi.useFakeTimers();
    const items = Array.from({ length: 12 }, (_, i) => i);
    const { result } = renderHook(() => useProgressiveList(items, 5));
    expect(result.current).toEqual([0, 1, 2, 3, 4]);
    await act(() => vi.advanceTimersToNextTimerAsync());
    expect(result.current).toHaveLength(10);
    await act(() => vi.advanceTimersToNextTimerAsync());
    expect(result.current).toBe(items);
    expect(vi.getTimerCount()).toBe(0);
  });
});
