// A story's terms and its weight for each, from its texts field by field: the rule the
// index build files postings by, and the one the browser applies to a story's search
// record to learn its weights without a word's whole list (docs/search.md, «Ranking»).
import { surfaceKey, tokenizeWords } from './arabic-search-terms.ts';
import { FIELD_BOOST, MAX_WEIGHT, type SearchDocRecord } from './search-index-layout.ts';
import type { StoryField, StoryText } from './story-text.ts';

/** Each field's boost, by the field's bit in a mask of fields. */
const FIELDS = Object.keys(FIELD_BOOST) as StoryField[];
const FIELD_BIT = new Map(FIELDS.map((field, i) => [field, 1 << i]));
const MASK_WEIGHT = Array.from({ length: 1 << FIELDS.length }, (_, mask) =>
  Math.min(
    MAX_WEIGHT,
    FIELDS.reduce((sum, field, i) => (mask & (1 << i) ? sum + FIELD_BOOST[field] : sum), 0),
  ),
);

/** A field's bit in a mask of the fields a term is found in. */
export const fieldBit = (field: StoryField): number => FIELD_BIT.get(field) as number;
/** The weight of a term found in the fields of `mask`. */
export const maskWeight = (mask: number): number => MASK_WEIGHT[mask] as number;

/**
 * The terms of these texts (surface keys, or what `termOf` makes of a word as written:
 * null for none) and the weight of each: the sum of the boosts of the fields holding it.
 */
export function termWeights<Term = string>(
  texts: Iterable<StoryText>,
  termOf: (word: string) => Term | null = surfaceKey as (word: string) => Term | null,
): Map<Term, number> {
  // Hot: every word of every story passes here. Fields are bits, summed into weights at the end.
  const masks = new Map<Term, number>();
  for (const { field, text } of texts) {
    const bit = fieldBit(field);
    for (const token of tokenizeWords(text)) {
      const term = termOf(token);
      if (term) masks.set(term, (masks.get(term) ?? 0) | bit);
    }
  }
  for (const [term, mask] of masks) masks.set(term, maskWeight(mask));
  return masks;
}

/** The fields a record shows apart; every other text is a passage, its field a letter. */
export const CARD_FIELDS = new Set<StoryField>(['headline', 'summary', 'section']);
const PASSAGE_LETTER = {
  tags: 't',
  dateline: 'd',
  authors: 'a',
  headings: 'h',
  body: 'b',
  captions: 'c',
} as const satisfies Partial<Record<StoryField, string>>;
type PassageField = keyof typeof PASSAGE_LETTER;
const FIELD_OF_LETTER = new Map(
  Object.entries(PASSAGE_LETTER).map(([field, letter]) => [
    letter as string,
    field as PassageField,
  ]),
);
export const passageLetter = (field: StoryField): string =>
  PASSAGE_LETTER[field as PassageField] ?? '';

/** A record's texts, field by field, as the build read them from the story. */
export function recordTexts(record: SearchDocRecord): StoryText[] {
  const texts: StoryText[] = [
    { field: 'headline', text: record.headline },
    { field: 'summary', text: record.summary ?? '' },
    { field: 'section', text: record.section.name },
  ];
  record.passages.forEach((text, i) => {
    const field = FIELD_OF_LETTER.get(record.fields[i] ?? '');
    if (!field) throw new Error(`Search record ${record.id}: passage ${i} has no field`);
    texts.push({ field, text });
  });
  return texts;
}
