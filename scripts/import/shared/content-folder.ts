// The content folder the run writes into: what is there already (sections, tag names,
// this source's manifest), and the writes themselves, which are byte-stable, never touch
// a file the source did not write, and happen only when not a dry run.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as v from 'valibot';
import { type Section, SectionListSchema } from '#content/article-schema.ts';
import { parseJson } from '#scripts/build/content/parse-json.ts';
import { InputError } from './draft.ts';
import { arr, isRec, rec, str } from './pick.ts';

/** What a source wrote before: kept in <content>/.imports/<source>.json (the build reads only sections.json, articles/ and media/). */
export type Manifest = {
  source: string;
  format: string;
  inputs: string[];
  articles: string[];
  media: string[];
};

export const manifestPath = (source: string) => `.imports/${source}.json`;

/** Stable JSON: the key order given, two-space indent, a final newline. */
export const stableJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export async function readSections(outDir: string): Promise<Section[]> {
  const text = await readText(path.join(outDir, 'sections.json'));
  if (text === null) return [];
  const parsed = parseJson(text);
  const result = parsed.ok ? v.safeParse(SectionListSchema, parsed.value) : null;
  if (!result?.success) {
    throw new InputError(
      `${path.join(outDir, 'sections.json')} is there but not a valid section list; fix it first (nothing was written)`,
    );
  }
  return result.output;
}

export async function readManifest(outDir: string, source: string): Promise<Manifest | null> {
  const text = await readText(path.join(outDir, manifestPath(source)));
  if (text === null) return null;
  const parsed = parseJson(text);
  if (!parsed.ok || !isRec(parsed.value)) {
    throw new InputError(
      `${manifestPath(source)} is not readable: ${parsed.ok ? 'not an object' : parsed.message}`,
    );
  }
  const m = rec(parsed.value);
  const strings = (value: unknown) => arr(value).flatMap((x) => (str(x) ? [str(x) as string] : []));
  return {
    source,
    format: str(m.format) ?? '',
    inputs: strings(m.inputs),
    articles: strings(m.articles),
    media: strings(m.media),
  };
}

/** Tag id → name as the folder's stories use them, so an import keeps one name per id. */
export async function readTagNames(outDir: string): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  let files: string[] = [];
  try {
    files = (await readdir(path.join(outDir, 'articles')))
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch {
    return names;
  }
  for (const file of files) {
    const parsed = parseJson((await readText(path.join(outDir, 'articles', file))) ?? '');
    if (!parsed.ok) continue;
    for (const tag of arr(rec(parsed.value).tags).map(rec)) {
      const id = str(tag.id);
      const name = str(tag.name);
      if (id && name && !names.has(id)) names.set(id, name);
    }
  }
  return names;
}

export type WriteStatus = 'imported' | 'updated' | 'unchanged';

/**
 * Writes into the content folder. Its calls are synchronous: a run writes thousands of
 * small files one after another, and a synchronous call costs a fraction of the CPU of a
 * round trip through the thread pool (nothing else waits meanwhile).
 */
export class FolderWriter {
  private readonly made = new Set<string>();

  constructor(
    private readonly outDir: string,
    private readonly dryRun: boolean,
  ) {}

  /** Writes `content` at `rel` (through a temporary file and a rename) unless it is there already. */
  put(rel: string, content: string): WriteStatus {
    const file = path.join(this.outDir, rel);
    // Asked first: a read that fails costs an error object, for each of thousands of new files.
    let existing: Buffer | null = null;
    try {
      if (existsSync(file)) existing = readFileSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (
      existing &&
      existing.length === Buffer.byteLength(content) &&
      existing.equals(Buffer.from(content))
    ) {
      return 'unchanged';
    }
    if (!this.dryRun) {
      const dir = path.dirname(file);
      if (!this.made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        this.made.add(dir);
      }
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, content);
      renameSync(temp, file);
    }
    return existing === null ? 'imported' : 'updated';
  }

  exists(rel: string): boolean {
    return existsSync(path.join(this.outDir, rel));
  }

  remove(rel: string): void {
    if (!this.dryRun) rmSync(path.join(this.outDir, rel), { force: true });
  }
}
