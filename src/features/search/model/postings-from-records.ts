// When a round's heads cannot settle its page, the tails of its long lists would say the
// rest. But when the query's other words are known whole (short lists, or lists whose
// tails are in) and leave few stories that could match, those stories' records say it
// for less: each record holds every text of its story with its field, and the build's
// own rule (termWeights) gives the story's weight for every word. A rare word beside a
// very common one then costs a few records, most of them shown anyway, not the common
// word's 70–90 KB tail (docs/search.md, «Ranking»).
import { packPosting, postingKey, type SearchDocRecord } from '#content/search-index-layout.ts';
import { recordTexts, termWeights } from '#content/story-terms.ts';

/**
 * What a query knows of a form's list: its head (impact order: the heaviest first), its
 * tail once fetched (newest first), and whether the tail is still to come.
 */
export type Postings = { head: number[]; tail: Float64Array; more: boolean };

/** Beyond this many stories to check, the tails are fetched instead (a record is ~1.5 KB gzip). */
export const MAX_RECORDS = 40;

/**
 * For every form known by its head only, its postings among the stories that could still
 * match the query, read from their records; null when no word is known whole, or when it
 * leaves more than MAX_RECORDS stories. The postings are whole for those stories only:
 * valid for this round, whose matches are all among them.
 */
export async function postingsFromRecords(
  forms: readonly { surface: string }[][],
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
  if (possible.length > MAX_RECORDS) return null;
  const keys = possible;
  const weights = (await Promise.all(keys.map(doc))).map((record) =>
    termWeights(recordTexts(record)),
  );
  const found = new Map<string, Postings>();
  forms.forEach((list, w) => {
    list.forEach(({ surface }, i) => {
      const { head, more } = known[w]?.[i] as Postings;
      if (!more) return;
      const tail: number[] = [];
      keys.forEach((key, k) => {
        const weight = weights[k]?.get(surface);
        if (weight !== undefined) tail.push(packPosting(key, weight));
      });
      // Newest first, as a tail comes.
      found.set(surface, { head, tail: Float64Array.from(tail).sort().reverse(), more: false });
    });
  });
  return found;
}
