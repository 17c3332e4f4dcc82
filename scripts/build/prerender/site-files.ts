// sitemap.xml (an index of the pages' sitemap and one sitemap a month of stories), a news
// sitemap of the 48 hours before the newest story, robots.txt and an Atom feed. Made from
// the stories alone, never from the clock, so a publish and a full build of the same
// content write the same bytes.
import { appPaths } from '#content/app-paths.ts';
import { getOrAdd } from '#content/get-or-add.ts';
import { utcMonth } from '#content/iso-date.ts';
import { SITE_NAME } from '#content/page-meta.ts';
import { newestFirst } from '../site/story-record.ts';

/**
 * What the sitemaps and the feed say of a story: a build's record of it. Only the
 * newest few stories' text is read (a record read from the site's state reads its text
 * when asked).
 */
export type StoryEntry = {
  id: string;
  headline: string;
  summary?: string;
  publishedAt: string;
  /** publishedAt in ms, when known (a build's record): not parsed again. */
  published?: number;
  updatedAt?: string;
  /** The section's id. */
  section: string;
};

/** Section names by id, for the feed's categories. */
export type SectionNames = ReadonlyMap<string, string>;

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

/** A story with what the sitemaps and the feed sort and print by, worked out once. */
type Dated = {
  story: StoryEntry;
  /** The story's id, beside its date: what newestFirst orders by. */
  id: string;
  published: number;
  lastmodAt: number;
  month: string;
};

/**
 * What each story is dated by, worked out once per story object: a publish under
 * `--watch` passes the same record objects, publish after publish, for every story
 * that did not change (ordered-records.ts), and dating 100,000 of them again cost each
 * publish some 80 ms. A record is never changed in place (a change makes a new one).
 */
const dates = new WeakMap<StoryEntry, Dated>();

function dated(story: StoryEntry): Dated {
  let entry = dates.get(story);
  if (!entry) {
    const published = story.published ?? Date.parse(story.publishedAt);
    entry = {
      story,
      id: story.id,
      published,
      lastmodAt: story.updatedAt ? Date.parse(story.updatedAt) : published,
      month: utcMonth(published),
    };
    dates.set(story, entry);
  }
  return entry;
}

/**
 * Newest first (the id breaks ties, as the lists do). Each date is parsed once: parsed
 * in the sort's comparator and printed per use, the site files of 100,000 stories cost a
 * publish over a second.
 */
function datedNewestFirst(stories: readonly StoryEntry[]): Dated[] {
  return stories.map(dated).sort(newestFirst);
}
const iso = (ms: number) => new Date(ms).toISOString();
const storyUrl = (siteUrl: string, id: string) => escapeXml(`${siteUrl}${appPaths.story(id)}`);

/** The sitemap protocol's limit of URLs in one file (sitemaps.org). */
export const SITEMAP_URLS = 50_000;

const URLSET = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';
const urlset = (urls: readonly string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset ${URLSET}>\n${urls.join('\n')}\n</urlset>\n`;

/** A sitemap file of the index: its path in dist/, its text, and when its newest page changed. */
export type SitemapFile = { file: string; text: string; lastmod: string | undefined };

/** The home page, the sections and the tags: pages that change with every story. */
export function pagesSitemap(
  siteUrl: string,
  lists: readonly string[],
  lastmod: string | undefined,
): SitemapFile {
  const urls = ['/', ...lists].map(
    (p) => `<url><loc>${escapeXml(siteUrl + p)}</loc><changefreq>hourly</changefreq></url>`,
  );
  return { file: 'sitemaps/pages.xml', text: urlset(urls), lastmod };
}

/**
 * The stories by the month they were published (UTC), newest first, a file a month (a
 * month of over 50,000 in parts): a story changes its own month's file only, and no file
 * passes the protocol's limit, however large the archive.
 */
export const storySitemaps = (siteUrl: string, stories: readonly StoryEntry[]): SitemapFile[] =>
  monthSitemaps(siteUrl, datedNewestFirst(stories), null) as SitemapFile[];

/**
 * The months' sitemap files; only those of `months` (null: every month) are made, the
 * others named (text null) with the date the index gives them: a publish remakes the
 * files of the months its stories are in.
 */
function monthSitemaps(
  siteUrl: string,
  sorted: readonly Dated[],
  months: ReadonlySet<string> | null,
): (Omit<SitemapFile, 'text'> & { text: string | null })[] {
  const byMonth = new Map<string, Dated[]>();
  for (const dated of sorted) getOrAdd(byMonth, dated.month, () => []).push(dated);
  const files: (Omit<SitemapFile, 'text'> & { text: string | null })[] = [];
  for (const [month, list] of byMonth) {
    for (let part = 0; part * SITEMAP_URLS < list.length; part++) {
      const slice = list.slice(part * SITEMAP_URLS, (part + 1) * SITEMAP_URLS);
      let lastmodAt = Number.NEGATIVE_INFINITY;
      for (const s of slice) if (s.lastmodAt > lastmodAt) lastmodAt = s.lastmodAt;
      const urls =
        months && !months.has(month)
          ? null
          : slice.map(
              (s) =>
                `<url><loc>${storyUrl(siteUrl, s.story.id)}</loc><lastmod>${iso(s.lastmodAt)}</lastmod></url>`,
            );
      files.push({
        file: `sitemaps/stories-${month}${part > 0 ? `-${part + 1}` : ''}.xml`,
        text: urls && urlset(urls),
        lastmod: iso(lastmodAt),
      });
    }
  }
  return files;
}

/** sitemap.xml: the index of the sitemap files, which crawlers and robots.txt start from. */
export function sitemapIndex(
  siteUrl: string,
  files: readonly Pick<SitemapFile, 'file' | 'lastmod'>[],
): string {
  const entries = files.map(
    (f) =>
      `<sitemap><loc>${escapeXml(`${siteUrl}/${f.file}`)}</loc>${f.lastmod ? `<lastmod>${f.lastmod}</lastmod>` : ''}</sitemap>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex ${URLSET}>\n${entries.join('\n')}\n</sitemapindex>\n`;
}

/** Google News wants only the stories of the last two days: those `now` and the 48 hours before. */
export const newsSitemap = (siteUrl: string, stories: readonly StoryEntry[], now: number): string =>
  recentSitemap(siteUrl, datedNewestFirst(stories), now);

function recentSitemap(siteUrl: string, sorted: readonly Dated[], now: number): string {
  const recent: Dated[] = [];
  for (const s of sorted) if (now - s.published <= NEWS_WINDOW_MS) recent.push(s);
  const urls = recent.map(
    ({ story: s }) =>
      `<url><loc>${storyUrl(siteUrl, s.id)}</loc><news:news><news:publication><news:name>${SITE_NAME}</news:name><news:language>ar</news:language></news:publication><news:publication_date>${s.publishedAt}</news:publication_date><news:title>${escapeXml(s.headline)}</news:title></news:news></url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

export const atomFeed = (
  siteUrl: string,
  stories: readonly StoryEntry[],
  sections: SectionNames,
): string => latestFeed(siteUrl, datedNewestFirst(stories), sections);

function latestFeed(siteUrl: string, sorted: readonly Dated[], sections: SectionNames): string {
  const latest = sorted.slice(0, FEED_SIZE);
  const updated = iso(latest[0]?.lastmodAt ?? 0);
  const entries = latest.map(
    ({ story: s, published, lastmodAt }) => `  <entry>
    <title>${escapeXml(s.headline)}</title>
    <link rel="alternate" type="text/html" href="${storyUrl(siteUrl, s.id)}" />
    <id>${storyUrl(siteUrl, s.id)}</id>
    <published>${new Date(published).toISOString()}</published>
    <updated>${iso(lastmodAt)}</updated>
    <category term="${escapeXml(sections.get(s.section) ?? s.section)}" />${s.summary ? `\n    <summary>${escapeXml(s.summary)}</summary>` : ''}
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

/**
 * The site's text files, by path in dist/, in the order to write them (the sitemap files
 * before the index that links to them); `lists` are the sections' and tags' URL paths.
 * Of the months' sitemaps only those of `months` (null: all) are made: the others are
 * named with their text null, to keep as they are.
 */
export function siteFiles(
  siteUrl: string,
  stories: readonly StoryEntry[],
  lists: readonly string[],
  sections: SectionNames,
  months: ReadonlySet<string> | null = null,
): { file: string; text: string | null }[] {
  const sorted = datedNewestFirst(stories);
  const newestAt = sorted[0]?.published ?? 0;
  const storyFiles = monthSitemaps(siteUrl, sorted, months);
  // The pages change with their newest story: the latest of the months' files.
  const changed = storyFiles
    .map((f) => f.lastmod as string)
    .sort()
    .at(-1);
  const sitemaps = [pagesSitemap(siteUrl, lists, changed), ...storyFiles];
  return [
    ...sitemaps.map(({ file, text }) => ({ file, text })),
    { file: 'sitemap.xml', text: sitemapIndex(siteUrl, sitemaps) },
    { file: 'news-sitemap.xml', text: recentSitemap(siteUrl, sorted, newestAt) },
    { file: 'feed.xml', text: latestFeed(siteUrl, sorted, sections) },
    { file: 'robots.txt', text: robotsTxt(siteUrl) },
  ];
}
