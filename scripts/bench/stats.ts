// Medians and spreads: the benchmarks run on a shared machine, so every figure is a
// median of interleaved runs, printed with its range.

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** "median (min–max)" of a list of numbers, formatted by `format`. */
export function spread(values: readonly number[], format: (n: number) => string): string {
  if (values.length === 0) return '—';
  return `${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))})`;
}
