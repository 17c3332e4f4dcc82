// Which parts of a text to mark for a query, as plain segments the view renders as
// text inside <mark>: nothing from the content is ever treated as HTML. A word is
// marked when it matches by the same rules the index used to find the story.
import type { SearchDoc } from '#content/api-schema.ts';
import { type QueryWord, wordMatches, wordSpans } from '#content/arabic-search-terms.ts';

export type Segment = { text: string; mark: boolean };

type Span = { word: string; start: number; end: number };

function matcher(words: readonly QueryWord[]): (word: string) => boolean {
  const last = words.length - 1;
  return (word) => words.some((query, i) => wordMatches(query, word, i === last));
}

/** Segments of `text` from `start` to `end`, matching words marked, neighbours merged. */
function segmentsOf(
  text: string,
  spans: readonly Span[],
  isMatch: (word: string) => boolean,
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
    if (span.start < start || span.end > end || !isMatch(span.word)) continue;
    push(text.slice(at, span.start), false);
    push(span.word, true);
    at = span.end;
  }
  push(text.slice(at, end), false);
  return segments;
}

/** The whole text with its matching words marked (for headlines). */
export function highlightSegments(text: string, words: readonly QueryWord[]): Segment[] {
  return segmentsOf(text, [...wordSpans(text)], matcher(words));
}

const BEFORE = 8;
const WINDOW = 32;

/**
 * A passage of about 32 words around the first match in the summary or the indexed
 * start of the body, with matches marked and «…» where it was cut. When the story
 * matched by headline or tags only, the opening of the summary (or body) is shown.
 */
export function passageSegments(doc: SearchDoc, words: readonly QueryWord[]): Segment[] {
  const isMatch = matcher(words);
  const texts = [doc.summary, doc.excerpt].filter((t): t is string => Boolean(t));
  let chosen: { text: string; spans: Span[]; first: number } | null = null;
  for (const text of texts) {
    const spans = [...wordSpans(text)];
    const first = spans.findIndex((span) => isMatch(span.word));
    if (first >= 0) {
      chosen = { text, spans, first };
      break;
    }
  }
  if (!chosen) {
    const text = texts[0] ?? '';
    chosen = { text, spans: [...wordSpans(text)], first: 0 };
  }
  const { text, spans, first } = chosen;
  if (spans.length <= WINDOW) return segmentsOf(text, spans, isMatch);
  const from = Math.max(0, Math.min(first - BEFORE, spans.length - WINDOW));
  const to = Math.min(spans.length, from + WINDOW);
  const start = from === 0 ? 0 : (spans[from] as Span).start;
  const end = to === spans.length ? text.length : (spans[to - 1] as Span).end;
  const segments = segmentsOf(text, spans, isMatch, start, end);
  if (from > 0) segments.unshift({ text: '… ', mark: false });
  if (to < spans.length) segments.push({ text: ' …', mark: false });
  return segments;
}
