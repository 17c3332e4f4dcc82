// When a round's heads cannot settle its page, the tails of its long lists would say the
// rest. But when the query's other words are known whole (short lists, or lists whose
// tails are in) and leave few stories that could match, those stories' records say it
// for less: each record holds every text of its story with its field, and the build's
// own rule (termWeights) gives the story's weight for every word. A rare word beside a
// very common one then costs a few records, most of them shown anyway, not the common
// word's 70–90 KB tail (docs/search.md, «Ranking»).
import { PAGE_SIZE } from '#content/api-paths.ts';
import { packPosting, postingKey, type SearchDocRecord } from '#content/search-index-layout.ts';
import { recordTexts, termWeights } from '#content/story-terms.ts';

/**
 * What a query knows of a form's list: its head (impact order: the heaviest first), its
 * tail once fetched (newest first), and whether the tail is still to come.
 */
export type Postings = { head: number[]; tail: Float64Array; more: boolean };

/**
 * Bytes gzip, measured on the 100,000-story corpus: a record 1,441 on average, a posting
 * of a tail 1.12. Records are read when they cost less than the tails they stand for,
 * counting only those beyond the page (the page's own records are fetched anyway).
 */
const RECORD_BYTES = 1441;
const TAIL_POSTING_BYTES = 1.12;
/** At most this many records a round, whatever the tails weigh: each is a request. */
const MAX_RECORDS = 200;

/**
 * For every form known by its head only, its postings among the stories that could still
 * match the query, read from their records; null when no word is known whole, or when the
 * records would cost more than the tails. The postings are whole for those stories only:
 * valid for this round, whose matches are all among them.
 */
export async function postingsFromRecords(
  forms: readonly { surface: string; stored: string | number }[][],
  known: readonly Postings[][],
  doc: (key: number) => Promise<SearchDocRecord>,
): Promise<Map<string, Postings> | null> {
  // The stories of each word known whole; a story that matches the query is in all of them.
  const whole: Set<number>[] = [];
  for (const lists of known) {
    if (lists.some((p) => p.more)) continue;
    const keys = new Set<number>();
    for (const { head, tail } of lists) {
      for (const packed of head) keys.add(postingKey(packed));
      for (const packed of tail) keys.add(postingKey(packed));
    }
    whole.push(keys);
  }
  const [first, ...others] = whole.sort((a, b) => a.size - b.size);
  if (!first) return null;
  const possible = [...first].filter((key) => others.every((keys) => keys.has(key)));
  // The forms known by their heads only, each with what is known of it.
  const pending = forms.flatMap((list, w) =>
    list.flatMap((form, i) => {
      const postings = known[w]?.[i];
      return postings?.more ? [{ form, postings }] : [];
    }),
  );
  let tailPostings = 0;
  for (const { form, postings } of pending) {
    if (typeof form.stored === 'number') tailPostings += form.stored - postings.head.length;
  }
  const beyondPage = Math.max(0, possible.length - PAGE_SIZE);
  if (
    possible.length > MAX_RECORDS ||
    beyondPage * RECORD_BYTES > tailPostings * TAIL_POSTING_BYTES
  ) {
    return null;
  }
  const weights = (await Promise.all(possible.map(doc))).map((record) =>
    termWeights(recordTexts(record)),
  );
  const found = new Map<string, Postings>();
  for (const { form, postings } of pending) {
    const tail: number[] = [];
    possible.forEach((key, k) => {
      const weight = weights[k]?.get(form.surface);
      if (weight !== undefined) tail.push(packPosting(key, weight));
    });
    // Newest first, as a tail comes.
    const sorted = Float64Array.from(tail).sort().reverse();
    found.set(form.surface, { head: postings.head, tail: sorted, more: false });
  }
  return found;
}
