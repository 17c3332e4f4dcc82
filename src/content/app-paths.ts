// The app's URLs (CONTRACT §3), beside apiPaths: the links the browser renders and the
// pages, sitemaps and feed the build writes are made here, once. Ids are percent-encoded.
import type { ListKind } from './api-schema.ts';

const withPage = (path: string, page: number) => (page > 1 ? `${path}?page=${page}` : path);

export const appPaths = {
  front: () => '/',
  story: (id: string) => `/article/${encodeURIComponent(id)}`,
  list: (kind: ListKind, id: string, page = 1) =>
    withPage(`/${kind}/${encodeURIComponent(id)}`, page),
  section: (id: string, page = 1) => appPaths.list('section', id, page),
  tag: (id: string, page = 1) => appPaths.list('tag', id, page),
  /** `/search?q=…`, with `&page=N` past the first page. */
  search: (query: string, page = 1) => {
    const params = new URLSearchParams({ q: query });
    if (page > 1) params.set('page', String(page));
    return `/search?${params}`;
  },
  bookmarks: () => '/bookmarks',
} as const;
