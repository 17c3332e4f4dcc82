import { describe, expect, it } from 'vitest';
import { WordTable } from './word-table.ts';

describe('WordTable', () => {
  it('gives a word its number once, wherever its span lies', () => {
    const made: string[] = [];
    const table = new WordTable((word) => made.push(word) - 1);
    expect(table.get('في موسكو اليوم', 3, 8)).toBe(0);
    expect(table.get('موسكو', 0, 5)).toBe(0);
    expect(table.get('زار موسكو', 4, 9)).toBe(0);
    expect(table.get('موسكوفي', 0, 7)).toBe(1);
    expect(table.get('موسك', 0, 4)).toBe(2);
    expect(made).toEqual(['موسكو', 'موسكوفي', 'موسك']);
    expect(table.size).toBe(3);
  });

  it('keeps every word apart as it grows past its first slots', () => {
    const table = new WordTable((word) => Number(word.slice(1)), 4);
    const text = Array.from({ length: 5000 }, (_, i) => `w${i}`).join(' ');
    let start = 0;
    for (let i = 0; i < 5000; i++) {
      const end = text.indexOf(' ', start) === -1 ? text.length : text.indexOf(' ', start);
      expect(table.get(text, start, end)).toBe(i);
      start = end + 1;
    }
    for (const i of [0, 1, 3, 4, 4095, 4999]) expect(table.get(`w${i}`, 0, `w${i}`.length)).toBe(i);
    expect(table.size).toBe(5000);
  });

  it('tells apart words whose hashes share a slot', () => {
    // A table this small probes past other words' slots: only the comparison parts them.
    const table = new WordTable((word) => word.length * 100 + word.charCodeAt(0), 2);
    const words = ['ب', 'بب', 'ت', 'تت', 'ببب', 'ث'];
    const numbers = words.map((w) => table.get(w, 0, w.length));
    expect(words.map((w) => table.get(`x${w}x`, 1, w.length + 1))).toEqual(numbers);
    expect(new Set(numbers).size).toBe(words.length);
  });
});
