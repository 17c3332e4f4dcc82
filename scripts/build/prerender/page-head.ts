// The <head> of a prerendered page: title, description, canonical URL, Open Graph,
// Twitter card and, for a story, a schema.org NewsArticle block.
import type { FrontPayload, ListHead, StoryPayload } from '#content/api-schema.ts';
import { appPaths } from '#content/app-paths.ts';
import { pageMeta, SITE_NAME } from '#content/page-meta.ts';

export type HeadInfo = {
  title: string;
  description: string;
  canonical: string;
  image?: { url: string; width: number; height: number; alt: string };
  article?: StoryPayload;
};

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** JSON inside a <script> element must not be able to close it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function newsArticle(payload: StoryPayload, info: HeadInfo, siteUrl: string) {
  const { article, section } = payload;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    description: article.summary,
    inLanguage: article.lang,
    datePublished: article.publishedAt,
    dateModified: article.updatedAt ?? article.publishedAt,
    articleSection: section.name,
    keywords: article.tags?.map((t) => t.name).join('، '),
    image: info.image ? [info.image.url] : undefined,
    author: article.authors?.length
      ? article.authors.map((name) => ({ '@type': 'Person', name }))
      : [{ '@type': 'Organization', name: article.source ?? SITE_NAME }],
    publisher: {
      '@type': 'Organization',
      name: SITE_NAME,
      logo: { '@type': 'ImageObject', url: `${siteUrl}/icons/icon-512.png` },
    },
    mainEntityOfPage: info.canonical,
    isAccessibleForFree: true,
  };
}

export function headTags(info: HeadInfo, siteUrl: string): string {
  const tags = [
    `<title>${escapeHtml(info.title)}</title>`,
    `<meta name="description" content="${escapeHtml(info.description)}" />`,
    `<link rel="canonical" href="${escapeHtml(info.canonical)}" />`,
    `<meta property="og:site_name" content="${SITE_NAME}" />`,
    `<meta property="og:locale" content="ar_AR" />`,
    `<meta property="og:type" content="${info.article ? 'article' : 'website'}" />`,
    `<meta property="og:title" content="${escapeHtml(info.title)}" />`,
    `<meta property="og:description" content="${escapeHtml(info.description)}" />`,
    `<meta property="og:url" content="${escapeHtml(info.canonical)}" />`,
    `<meta name="twitter:card" content="${info.image ? 'summary_large_image' : 'summary'}" />`,
    `<meta name="twitter:title" content="${escapeHtml(info.title)}" />`,
    `<meta name="twitter:description" content="${escapeHtml(info.description)}" />`,
  ];
  if (info.image) {
    tags.push(
      `<meta property="og:image" content="${escapeHtml(info.image.url)}" />`,
      `<meta property="og:image:width" content="${info.image.width}" />`,
      `<meta property="og:image:height" content="${info.image.height}" />`,
      `<meta property="og:image:alt" content="${escapeHtml(info.image.alt)}" />`,
      `<meta name="twitter:image" content="${escapeHtml(info.image.url)}" />`,
      `<meta name="twitter:image:alt" content="${escapeHtml(info.image.alt)}" />`,
    );
  }
  if (info.article) {
    const { article } = info.article;
    tags.push(`<meta property="article:published_time" content="${article.publishedAt}" />`);
    if (article.updatedAt)
      tags.push(`<meta property="article:modified_time" content="${article.updatedAt}" />`);
    tags.push(
      `<script type="application/ld+json">${scriptJson(newsArticle(info.article, info, siteUrl))}</script>`,
    );
  }
  return tags.join('\n    ');
}

/** The share image: the hero's largest JPEG rendition up to 1200 px, as an absolute URL. */
export function shareImage(payload: StoryPayload, siteUrl: string): HeadInfo['image'] {
  const hero = payload.article.hero;
  if (!hero) return undefined;
  const rendition = payload.media[hero.src];
  if (!rendition) {
    return hero.width && hero.height
      ? { url: hero.src, width: hero.width, height: hero.height, alt: hero.alt }
      : undefined;
  }
  const candidates = (rendition.srcset ?? '')
    .split(',')
    .map((entry) => entry.trim().split(/\s+/))
    .map(([url = '', w = '0w']) => ({ url, width: Number.parseInt(w, 10) }))
    .filter((c) => c.url && c.width <= 1200)
    .sort((a, b) => b.width - a.width);
  const best = candidates[0] ?? { url: rendition.src, width: rendition.width };
  const height = Math.round((rendition.height * best.width) / rendition.width);
  const url = best.url.startsWith('https://') ? best.url : `${siteUrl}${best.url}`;
  return { url, width: best.width, height, alt: hero.alt };
}

/** The head of each prerendered page: its title and description as the app sets them, plus the URL. */
export const pageHeads = {
  front: (_front: FrontPayload, siteUrl: string): HeadInfo => ({
    ...pageMeta.front(),
    canonical: `${siteUrl}${appPaths.front()}`,
  }),
  story: (payload: StoryPayload, siteUrl: string): HeadInfo => ({
    ...pageMeta.story(payload.article),
    canonical: `${siteUrl}${appPaths.story(payload.article.id)}`,
    image: shareImage(payload, siteUrl),
    article: payload,
  }),
  list: (list: ListHead, siteUrl: string): HeadInfo => ({
    ...pageMeta.list({ ...list, page: 1 }),
    canonical: `${siteUrl}${appPaths.list(list.kind, list.id)}`,
  }),
};
