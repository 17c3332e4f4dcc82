// sitemap.xml, a news sitemap of the last 48 hours, robots.txt and an Atom feed.

import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { appPaths } from '#content/app-paths.ts';
import { SITE_NAME } from '#content/page-meta.ts';
import type { StoryEntry } from './prerender-site.ts';

const FEED_SIZE = 50;
const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;

/** Characters XML 1.0 cannot hold at all, escaped or not: C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone surrogates. */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its purpose
  /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Text for an XML element or attribute. The content check already refuses these
 * characters; dropping them here too means one story can never make the whole feed
 * unreadable, whatever reaches this file.
 */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
}

const newest = (a: StoryEntry, b: StoryEntry) =>
  Date.parse(b.publishedAt) - Date.parse(a.publishedAt);
const storyUrl = (siteUrl: string, id: string) => escapeXml(`${siteUrl}${appPaths.story(id)}`);

export function sitemap(
  siteUrl: string,
  stories: readonly StoryEntry[],
  lists: readonly string[],
): string {
  const urls = [
    `<url><loc>${escapeXml(siteUrl)}/</loc><changefreq>hourly</changefreq></url>`,
    ...lists.map(
      (p) => `<url><loc>${escapeXml(siteUrl + p)}</loc><changefreq>hourly</changefreq></url>`,
    ),
    ...[...stories]
      .sort(newest)
      .map(
        (s) =>
          `<url><loc>${storyUrl(siteUrl, s.id)}</loc><lastmod>${new Date(s.updatedAt ?? s.publishedAt).toISOString()}</lastmod></url>`,
      ),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** Google News wants only the stories of the last two days. */
export function newsSitemap(siteUrl: string, stories: readonly StoryEntry[], now: number): string {
  const recent = [...stories]
    .sort(newest)
    .filter((s) => now - Date.parse(s.publishedAt) <= NEWS_WINDOW_MS);
  const urls = recent.map(
    (s) =>
      `<url><loc>${storyUrl(siteUrl, s.id)}</loc><news:news><news:publication><news:name>${SITE_NAME}</news:name><news:language>ar</news:language></news:publication><news:publication_date>${s.publishedAt}</news:publication_date><news:title>${escapeXml(s.headline)}</news:title></news:news></url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

export function atomFeed(siteUrl: string, stories: readonly StoryEntry[]): string {
  const latest = [...stories].sort(newest).slice(0, FEED_SIZE);
  const updated = latest[0]
    ? new Date(latest[0].updatedAt ?? latest[0].publishedAt).toISOString()
    : new Date(0).toISOString();
  const entries = latest.map(
    (s) => `  <entry>
    <title>${escapeXml(s.headline)}</title>
    <link rel="alternate" type="text/html" href="${storyUrl(siteUrl, s.id)}" />
    <id>${storyUrl(siteUrl, s.id)}</id>
    <published>${new Date(s.publishedAt).toISOString()}</published>
    <updated>${new Date(s.updatedAt ?? s.publishedAt).toISOString()}</updated>
    <category term="${escapeXml(s.section)}" />${s.summary ? `\n    <summary>${escapeXml(s.summary)}</summary>` : ''}
  </entry>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">
  <title>${SITE_NAME} — آخر الأخبار</title>
  <link rel="self" type="application/atom+xml" href="${escapeXml(siteUrl)}/feed.xml" />
  <link rel="alternate" type="text/html" href="${escapeXml(siteUrl)}/" />
  <id>${escapeXml(siteUrl)}/</id>
  <updated>${updated}</updated>
${entries.join('\n')}
</feed>
`;
}

export function robotsTxt(siteUrl: string): string {
  return `User-agent: *\nAllow: /\nDisallow: /bookmarks\n\nSitemap: ${siteUrl}/sitemap.xml\nSitemap: ${siteUrl}/news-sitemap.xml\n`;
}

export async function writeSiteFiles(
  outDir: string,
  siteUrl: string,
  stories: readonly StoryEntry[],
  lists: readonly string[],
  now = Date.now(),
): Promise<void> {
  await Promise.all([
    writeFile(path.join(outDir, 'sitemap.xml'), sitemap(siteUrl, stories, lists)),
    writeFile(path.join(outDir, 'news-sitemap.xml'), newsSitemap(siteUrl, stories, now)),
    writeFile(path.join(outDir, 'feed.xml'), atomFeed(siteUrl, stories)),
    writeFile(path.join(outDir, 'robots.txt'), robotsTxt(siteUrl)),
  ]);
}
