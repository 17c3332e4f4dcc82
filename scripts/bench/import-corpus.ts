// The bench's feed: N WordPress-like RSS items in Arabic with Latin runs, content:encoded
// with paragraphs, strong runs, links, a heading, a figure with a credit, a list and a
// script to drop. Shared by `npm run bench:import` and the import snapshot.
const WORDS =
  'أعلنت الحكومة اليوم عن خطة جديدة لدعم الاقتصاد الوطني وتعزيز الاستثمار في الطاقة المتجددة والبنية التحتية والتعليم والصحة في المدن والقرى'.split(
    ' ',
  );
const CATEGORIES = [
  'سياسة',
  'اقتصاد',
  'رياضة',
  'ثقافة',
  'تكنولوجيا',
  'صحة',
  'العالم',
  'Tech',
  'Energy',
  'بيئة',
];

function sentence(seed: number, length: number): string {
  return Array.from({ length }, (_, i) => WORDS[(seed * 7 + i * 13) % WORDS.length]).join(' ');
}

function item(i: number): string {
  const day = String((i % 28) + 1).padStart(2, '0');
  const paragraphs = Array.from(
    { length: 6 },
    (_, p) =>
      `<p>${sentence(i + p, 30)} <strong>${sentence(i + p + 1, 3)}</strong> <a href="https://example.com/${i}/${p}">Reuters ${p}</a> ${sentence(i + p + 2, 20)}.</p>`,
  ).join('\n');
  return `<item>
<title>${sentence(i, 9)} ${i}</title>
<link>https://bench.example.com/2025/10/${day}/story-${i}/</link>
<dc:creator><![CDATA[${sentence(i, 2)}]]></dc:creator>
<pubDate>Tue, ${day} Oct 2025 09:30:00 +0300</pubDate>
${[0, 1, 2].map((c) => `<category><![CDATA[${CATEGORIES[(i + c * 3) % CATEGORIES.length]}]]></category>`).join('')}
<guid isPermaLink="false">https://bench.example.com/?p=${i}</guid>
<description><![CDATA[<p>${sentence(i, 25)} [&#8230;]</p>]]></description>
<content:encoded><![CDATA[${paragraphs}
<h2>${sentence(i, 4)}</h2>
<figure><img src="https://bench.example.com/img/${i}.jpg" alt="${sentence(i, 5)}" width="1200" height="800"><figcaption>${sentence(i, 6)} <span class="credit">AFP</span></figcaption></figure>
<ul><li>${sentence(i, 5)}</li><li>${sentence(i + 1, 5)}</li></ul>
<script>track(${i})</script>]]></content:encoded>
<media:content url="https://bench.example.com/img/hero-${i}.jpg" medium="image" width="1600" height="900"><media:credit>AFP</media:credit></media:content>
</item>`;
}

/** One RSS 2.0 document of `count` items. */
export function benchFeed(count: number): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>bench</title><link>https://bench.example.com</link><description>bench</description><language>ar</language>
${Array.from({ length: count }, (_, i) => item(i)).join('\n')}
</channel></rss>`;
}
