import { useEffect } from 'react';

export const SITE_NAME = 'قارئ';

/** Keeps `document.title` and the meta description in step with the page shown. */
export function useDocumentMeta(title: string | null, description?: string): void {
  useEffect(() => {
    if (title === null) return;
    document.title = title ? `${title} | ${SITE_NAME}` : `${SITE_NAME} — أخبار بالعربية`;
    if (description) {
      document.querySelector('meta[name="description"]')?.setAttribute('content', description);
    }
  }, [title, description]);
}
