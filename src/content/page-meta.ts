// Each page's title and description: the prerender writes them into <head>, the app
// sets them on every move, and both take them from here, so they never disagree.
import type { ListPage } from './api-schema.ts';
import type { Article } from './article-schema.ts';

export const SITE_NAME = 'قارئ';

export type PageMeta = { title: string; description: string };

const titled = (name: string) => `${name} | ${SITE_NAME}`;

export const pageMeta = {
  front: (): PageMeta => ({
    title: `${SITE_NAME} — أخبار بالعربية`,
    description:
      'آخر الأخبار من العالم والشرق الأوسط والاقتصاد والرياضة والتكنولوجيا والثقافة، بالعربية.',
  }),
  story: (article: Pick<Article, 'headline' | 'summary'>): PageMeta => ({
    title: titled(article.headline),
    description: article.summary ?? article.headline,
  }),
  list: ({ kind, name, page }: Pick<ListPage, 'kind' | 'name' | 'page'>): PageMeta => ({
    title: titled(page > 1 ? `${name} - الصفحة ${page}` : name),
    description: `${kind === 'section' ? 'قسم' : 'تصنيف'} ${name}: آخر القصص في ${SITE_NAME}.`,
  }),
  search: (query: string): PageMeta => ({
    title: titled(query ? `بحث: ${query}` : 'البحث'),
    description: `ابحث في قصص ${SITE_NAME} بالعربية.`,
  }),
  bookmarks: (): PageMeta => ({
    title: titled('المحفوظات'),
    description: `القصص التي حفظتها في ${SITE_NAME} لقراءتها لاحقاً، حتى دون اتصال.`,
  }),
  notFound: (what: string): PageMeta => ({
    title: titled(`${what} غير موجودة`),
    description: 'ربما نُقلت أو حُذفت، أو أن الرابط غير صحيح.',
  }),
} as const;
