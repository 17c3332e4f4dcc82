// Reads a fixture of scripts/import/fixtures/ as the run would.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ItemDraft } from '../shared/draft.ts';
import { decodeText, type InputDoc } from '../shared/read-inputs.ts';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

export function fixtureDoc(rel: string, url?: string): InputDoc {
  const name = path.join(FIXTURES, rel);
  return { name, text: decodeText(readFileSync(name)), ...(url ? { url } : {}) };
}

/** A draft without its Drops object, and the drop lines beside it, for plain comparisons. */
export function plain(draft: ItemDraft) {
  const { drops, ...rest } = draft;
  return { ...rest, dropLines: drops.lines() };
}
