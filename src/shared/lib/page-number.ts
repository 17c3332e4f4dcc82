/** `?page=N` as a page number: 1 when absent, null when it is not a whole number ≥ 1. */
export function pageNumber(param: string | null): number | null {
  if (param === null || param === '') return 1;
  if (!/^\d{1,6}$/.test(param)) return null;
  const page = Number(param);
  return page >= 1 ? page : null;
}
