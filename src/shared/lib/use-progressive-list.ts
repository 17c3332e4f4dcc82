import { startTransition, useEffect, useState } from 'react';

/**
 * The first `step` items at once, then `step` more in a task of their own after each
 * render, so thousands of saved stories never hold the page for longer than a few dozen
 * cards take to render. Short lists are whole from the start.
 */
export function useProgressiveList<T>(items: readonly T[], step = 60): readonly T[] {
  const [count, setCount] = useState(step);
  const total = items.length;
  useEffect(() => {
    if (count >= total) return;
    const timer = setTimeout(() => startTransition(() => setCount(count + step)), 0);
    return () => clearTimeout(timer);
  }, [count, total, step]);
  return count < total ? items.slice(0, count) : items;
}
