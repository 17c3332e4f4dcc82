// A table from a word, given as a span of a text, to a number: the index build looks up
// every word of every story here (5.4 million at 20,000 stories, 750,000 of them
// distinct). A Map needs each word sliced out as a string first, then hashed and
// compared through the heap; this table hashes the span in place, keeps each slot's
// hash, number and length together in one typed array and every word's letters in
// another, and slices a word only the first time it sees it (to name it to numberOf).

import { fnv1a } from './search-index-layout.ts';

/** A slot: the word's hash, its number, where its letters start in the pool, its length. */
const SLOT = 4;
const EMPTY = -1;

export class WordTable {
  /** Open addressing with linear probing, a slot's four numbers side by side (one cache line). */
  private slots: Int32Array;
  private mask: number;
  /** Every word's letters, one after the other. */
  private pool = new Uint16Array(1 << 16);
  private used = 0;
  private count = 0;

  /** `numberOf` gives a word's number the first time the table meets it. */
  constructor(
    private readonly numberOf: (word: string) => number,
    capacity = 1 << 16,
  ) {
    this.slots = new Int32Array(capacity * SLOT).fill(EMPTY);
    this.mask = capacity - 1;
  }

  /** The number of the word text[start, end). */
  get(text: string, start: number, end: number): number {
    // Signed, as the slots hold it.
    const hash = fnv1a(text, start, end) | 0;
    const length = end - start;
    const { slots, mask, pool } = this;
    let slot = hash & mask;
    for (; ; slot = (slot + 1) & mask) {
      const at = slot * SLOT;
      const letters = slots[at + 2] as number;
      if (letters === EMPTY) break;
      if (slots[at] !== hash || slots[at + 3] !== length) continue;
      let i = 0;
      while (i < length && pool[letters + i] === text.charCodeAt(start + i)) i++;
      if (i === length) return slots[at + 1] as number;
    }
    const value = this.numberOf(text.slice(start, end));
    this.place(slot, hash, value, this.keep(text, start, end), length);
    if (++this.count * 2 > this.mask) this.grow();
    return value;
  }

  /** The number of words in the table. */
  get size(): number {
    return this.count;
  }

  /** Copies a word's letters into the pool; where they start. */
  private keep(text: string, start: number, end: number): number {
    if (this.used + (end - start) > this.pool.length) {
      const pool = new Uint16Array(Math.max(this.pool.length * 2, this.used + end - start));
      pool.set(this.pool);
      this.pool = pool;
    }
    const at = this.used;
    for (let i = start; i < end; i++) this.pool[this.used++] = text.charCodeAt(i);
    return at;
  }

  private place(slot: number, hash: number, value: number, letters: number, length: number): void {
    const at = slot * SLOT;
    this.slots[at] = hash;
    this.slots[at + 1] = value;
    this.slots[at + 2] = letters;
    this.slots[at + 3] = length;
  }

  /** Twice the slots, every word placed again. */
  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(EMPTY);
    this.mask = this.mask * 2 + 1;
    for (let at = 0; at < old.length; at += SLOT) {
      if (old[at + 2] === EMPTY) continue;
      const hash = old[at] as number;
      let slot = hash & this.mask;
      while (this.slots[slot * SLOT + 2] !== EMPTY) slot = (slot + 1) & this.mask;
      this.place(slot, hash, old[at + 1] as number, old[at + 2] as number, old[at + 3] as number);
    }
  }
}
