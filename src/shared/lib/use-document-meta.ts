import { useEffect } from 'react';
import type { PageMeta } from '#content/page-meta.ts';

/** Keeps `document.title` and the meta description in step with the page shown. */
export function useDocumentMeta({ title, description }: PageMeta): void {
  useEffect(() => {
    document.title = title;
    document.querySelector('meta[name="description"]')?.setAttribute('content', description);
  }, [title, description]);
}
