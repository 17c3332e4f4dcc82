// The bench's limit: the story as a plain static page would carry it. System fonts, one
// inline <style>, the hero as one JPEG in a plain <img> (the photo's 800 px rendition:
// what a hand-written page would give a phone), the photos below it loading="lazy" as
// any careful page has them, the site's icon, no script, nothing else. What the app's
// page costs beyond this is what the app costs.
import type { StoryPayload } from '#content/api-schema.ts';
import type { Block, Inline } from '#content/article-schema.ts';
import { escapeHtml } from '#scripts/build/prerender/page-head.ts';
import { readingTimeLabel } from '#shared/lib/reading-time-label.ts';
import { directionOf } from '#shared/lib/text-direction.ts';

const STYLE = `body{margin:0 auto;padding:1rem;max-width:42rem;font-family:system-ui,sans-serif;font-size:1.1875rem;line-height:1.85;color:#1b1b1b;background:#fbfaf7}
h1{font-size:1.75rem;line-height:1.4;margin:0 0 .75rem}h2{font-size:1.3rem}
img{display:block;width:100%;height:auto}figure{margin:1.5rem 0}figcaption{font-size:.9rem;color:#595959}
a{color:#8c1419}blockquote{margin:1.5rem 0;padding-inline-start:1rem;border-inline-start:3px solid #a1191f}`;

function inline(runs: readonly Inline[]): string {
  return runs
    .map((run) => {
      if (typeof run === 'string') return escapeHtml(run);
      const text = run.strong ? `<strong>${escapeHtml(run.text)}</strong>` : escapeHtml(run.text);
      return run.href ? `<a href="${escapeHtml(run.href)}">${text}</a>` : text;
    })
    .join('');
}

function figure(
  payload: StoryPayload,
  image: { src: string; alt: string; caption?: string; credit?: string },
  lazy: boolean,
) {
  const rendition = payload.media[image.src];
  const src = rendition?.src ?? image.src;
  const size = rendition ? ` width="${rendition.width}" height="${rendition.height}"` : '';
  const caption = [image.caption, image.credit].filter(Boolean).map((t) => escapeHtml(t ?? ''));
  const loading = lazy ? ' loading="lazy"' : '';
  return `<figure><img src="${escapeHtml(src)}" alt="${escapeHtml(image.alt)}"${size}${loading}>${caption.length ? `<figcaption>${caption.join(' ')}</figcaption>` : ''}</figure>`;
}

function block(payload: StoryPayload, b: Block): string {
  switch (b.type) {
    case 'paragraph':
      return `<p>${inline(b.content)}</p>`;
    case 'heading':
      return `<h2>${escapeHtml(b.text)}</h2>`;
    case 'image':
      return figure(payload, b.image, true);
    case 'quote':
      return `<blockquote><p>${inline(b.content)}</p>${b.cite ? `<footer>— <cite>${escapeHtml(b.cite)}</cite></footer>` : ''}</blockquote>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((item) => `<li>${inline(item)}</li>`).join('')}</${tag}>`;
    }
    case 'readAlso':
      return `<aside><h2>اقرأ أيضاً</h2><ul>${b.items
        .map((item) =>
          'url' in item
            ? `<li><a href="${escapeHtml(item.url)}">${escapeHtml(item.title)}</a></li>`
            : `<li><a href="/article/${item.id}">${escapeHtml(payload.readAlso[item.id]?.headline ?? item.id)}</a></li>`,
        )
        .join('')}</ul></aside>`;
  }
}

/** The whole page for one story. */
export function limitPage(payload: StoryPayload): string {
  const { article } = payload;
  const published = new Date(article.publishedAt).toLocaleDateString('ar', { dateStyle: 'long' });
  return `<!doctype html>
<html lang="${escapeHtml(article.lang)}" dir="${directionOf(article.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(article.headline)}</title>
<meta name="description" content="${escapeHtml(article.summary ?? article.headline)}">
<link rel="icon" href="/icons/icon.svg" type="image/svg+xml">
<style>${STYLE}</style>
</head>
<body>
<main>
<article>
<h1>${escapeHtml(article.headline)}</h1>
${article.summary ? `<p>${escapeHtml(article.summary)}</p>` : ''}
<p>${escapeHtml(published)} · ${escapeHtml(readingTimeLabel(payload.readingMinutes))}</p>
${article.hero ? figure(payload, article.hero, false) : ''}
${article.body.map((b) => block(payload, b)).join('\n')}
</article>
</main>
</body>
</html>
`;
}
