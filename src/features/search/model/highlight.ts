// Which parts of a text to mark for a query, as plain segments the view renders as
// text inside <mark>: nothing from the content is ever treated as HTML. A word is
// marked when its surface key is one of the forms the search matched.
import { surfaceKey, wordSpans } from '#content/arabic-search-terms.ts';
import type { SearchDocRecord } from '#content/search-index-layout.ts';

export type Segment = { text: string; mark: boolean };

type Span = { word: string; start: number; end: number };
type Matched = ReadonlySet<string>;

/** Segments of `text` from `start` to `end`, matching words marked, neighbours merged. */
function segmentsOf(
  text: string,
  spans: readonly Span[],
  matched: Matched,
  start = 0,
  end = text.length,
): Segment[] {
  const segments: Segment[] = [];
  const push = (piece: string, mark: boolean) => {
    if (!piece) return;
    const previous = segments.at(-1);
    if (previous && previous.mark === mark && !mark) previous.text += piece;
    else segments.push({ text: piece, mark });
  };
  let at = start;
  for (const span of spans) {
    if (span.start < start || span.end > end || !matched.has(surfaceKey(span.word))) continue;
    push(text.slice(at, span.start), false);
    push(span.word, true);
    at = span.end;
  }
  push(text.slice(at, end), false);
  return segments;
}

/** The whole text with its matching words marked (for headlines). */
export function highlightSegments(text: string, matched: Matched): Segment[] {
  return segmentsOf(text, [...wordSpans(text)], matched);
}

const BEFORE = 8;
const WINDOW = 32;

/**
 * A passage of about 32 words around the first match in the summary or any other text
 * of the story (dateline, body, captions, tags, authors), matches marked and «…» where
 * it was cut. When only the headline matched, the opening of the summary (or body) shows.
 */
export function passageSegments(doc: SearchDocRecord, matched: Matched): Segment[] {
  const texts = [doc.summary ?? '', ...doc.passages].filter((t) => t.trim() !== '');
  let chosen: { text: string; spans: Span[]; first: number } | null = null;
  for (const text of texts) {
    const spans = [...wordSpans(text)];
    const first = spans.findIndex((span) => matched.has(surfaceKey(span.word)));
    if (first >= 0) {
      chosen = { text, spans, first };
      break;
    }
  }
  if (!chosen) {
    const text = doc.summary ?? doc.passages.find((t) => wordCount(t) > 3) ?? texts[0] ?? '';
    chosen = { text, spans: [...wordSpans(text)], first: 0 };
  }
  const { text, spans, first } = chosen;
  if (spans.length <= WINDOW) return segmentsOf(text, spans, matched);
  const from = Math.max(0, Math.min(first - BEFORE, spans.length - WINDOW));
  const to = Math.min(spans.length, from + WINDOW);
  const start = from === 0 ? 0 : (spans[from] as Span).start;
  const end = to === spans.length ? text.length : (spans[to - 1] as Span).end;
  const segments = segmentsOf(text, spans, matched, start, end);
  if (from > 0) segments.unshift({ text: '… ', mark: false });
  if (to < spans.length) segments.push({ text: ' …', mark: false });
  return segments;
}

const wordCount = (text: string) => [...wordSpans(text)].length;
