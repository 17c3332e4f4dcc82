// One import run: read the inputs, map them with the format's mapping, finish the
// articles, write what changed into the content folder, and say what happened to
// every item and every dropped element.
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { Section } from '#content/article-schema.ts';
import type { Format } from './formats/formats.ts';
import {
  FolderWriter,
  type Manifest,
  manifestPath,
  readManifest,
  readSections,
  readTagNames,
  stableJson,
} from './shared/content-folder.ts';
import { InputError } from './shared/draft.ts';
import type { FetchLimits } from './shared/fetch-capped.ts';
import { type Finished, finishArticles } from './shared/finish-articles.ts';
import { termSlug } from './shared/ids.ts';
import { MediaSettler } from './shared/media.ts';
import { readInputs } from './shared/read-inputs.ts';
import { loadSectionMap, SectionResolver } from './shared/sections.ts';
import type { FileOutcome } from './threads/item-shard.ts';
import { mapItems } from './threads/item-threads.ts';

/** From this much input text on, items may be mapped and built on more than one thread. */
const PARALLEL_FROM_CHARS = 4_000_000;

/**
 * One thread per core that is free by the last minute's load average (at most 4), for large
 * inputs. A worker's items are copied to it, it collects its own garbage and warms up the
 * same code: on a busy machine that is not paid back (docs/importing.md, «Performance»).
 */
function defaultThreads(chars: number): number {
  if (chars < PARALLEL_FROM_CHARS) return 1;
  const free = os.availableParallelism() - (os.loadavg()[0] ?? 0);
  return Math.max(1, Math.min(4, Math.round(free)));
}

export type ImportOptions = {
  format: Format;
  inputs: string[];
  outDir: string;
  sectionsMap?: string;
  source?: string;
  /** The site that relative addresses in file inputs belong to (ANS keeps paths only). */
  baseUrl?: string;
  fetchMedia: boolean;
  dryRun: boolean;
  prune: boolean;
  limits: FetchLimits;
  /** Threads that map, build and write items; by default one per free core for large inputs, else 1. */
  threads?: number;
};

export type ItemOutcome = {
  input: string;
  label: string;
  id?: string;
  status: 'imported' | 'updated' | 'unchanged' | 'skipped';
  reason?: string;
  headline?: string;
};

export type ImportReport = {
  source: string;
  outDir: string;
  dryRun: boolean;
  failures: { input: string; message: string }[];
  items: ItemOutcome[];
  /** `<input>: <item id or index>: <what was dropped>` */
  drops: string[];
  sectionsAdded: Section[];
  pruned: string[];
  pruneNote?: string;
};

/** The default source name: the format and a hash of the inputs as resolved paths or URLs. */
export function defaultSource(format: string, inputs: readonly string[]): string {
  const resolved = inputs.map((i) => (/^https?:\/\//i.test(i) ? i : path.resolve(i))).sort();
  return `${format}-${createHash('sha256').update(resolved.join('\n')).digest('hex').slice(0, 8)}`;
}

export async function runImport(options: ImportOptions): Promise<ImportReport> {
  const outDir = path.resolve(options.outDir);
  const source = options.source ?? defaultSource(options.format, options.inputs);
  if (termSlug(source) !== source || !/^[a-z0-9-]+$/.test(source)) {
    throw new InputError(`--source "${source}" must be lower-case a-z, 0-9 and hyphens`);
  }
  const existingSections = await readSections(outDir);
  const sectionMap = options.sectionsMap
    ? await loadSectionMap(options.sectionsMap, existingSections)
    : undefined;
  const manifest = await readManifest(outDir, source);
  const report: ImportReport = {
    source,
    outDir,
    dryRun: options.dryRun,
    failures: [],
    items: [],
    drops: [],
    sectionsAdded: [],
    pruned: [],
  };

  const items = await readAndMap(options);
  report.failures.push(...items.failures);

  const sections = new SectionResolver(existingSections, sectionMap);
  const media = new MediaSettler({
    fetchMedia: options.fetchMedia,
    dryRun: options.dryRun,
    outDir,
    source,
    limits: options.limits,
  });
  const owned = new Set(manifest?.articles ?? []);
  let finished: Finished[];
  let fileOf: Map<Finished, FileOutcome>;
  // Each thread writes the files it built; the workers end whatever happens.
  try {
    finished = await finishArticles(
      items.heads,
      { sections, media, tagNames: await readTagNames(outDir) },
      items.build,
    );
    const valid = finished.flatMap((item) => (item.ok ? [item] : []));
    const files = await items.write(
      valid.map((item) => ({
        key: item.key,
        rel: `articles/${item.id}.json`,
        owned: owned.has(item.id),
      })),
      { outDir, dryRun: options.dryRun },
    );
    fileOf = new Map(valid.map((item, i) => [item, files[i] as FileOutcome]));
  } finally {
    await items.close();
  }
  for (const item of finished) {
    for (const drop of item.drops)
      report.drops.push(`${item.input}: ${item.id ?? item.label}: ${drop}`);
  }
  const writer = new FolderWriter(outDir, options.dryRun);
  const kept = new Set<string>();
  const outcomes = finished.map((item): ItemOutcome => {
    const base = { input: item.input, label: item.label, id: item.id };
    if (!item.ok) return { ...base, status: 'skipped', reason: item.reason };
    const status = fileOf.get(item) as FileOutcome;
    if (status === 'foreign') {
      return {
        ...base,
        status: 'skipped',
        reason: `articles/${item.id}.json is already there and this source did not write it (left untouched)`,
      };
    }
    kept.add(item.id);
    return { ...base, status, headline: item.headline };
  });
  report.items.push(...outcomes);

  const { sections: merged, added } = sections.merged();
  report.sectionsAdded = added;
  if (merged.length > 0) writer.put('sections.json', stableJson(merged));

  // Pruning removes only what this source wrote before and no longer lists, and never
  // when an input could not be read (its items would look gone).
  const listed = new Set(finished.flatMap((f) => (f.id ? [f.id] : [])));
  let articles = [...new Set([...owned, ...kept])];
  let mediaFiles = [...new Set([...(manifest?.media ?? []), ...media.files])];
  if (options.prune) {
    if (report.failures.length > 0) {
      report.pruneNote = 'nothing pruned: an input could not be read, so its items would look gone';
    } else {
      for (const id of articles.filter((a) => !listed.has(a))) {
        writer.remove(`articles/${id}.json`);
        report.pruned.push(`articles/${id}.json`);
      }
      articles = articles.filter((a) => listed.has(a));
      const prefix = `media/imports/${source}/`;
      for (const file of mediaFiles.filter((m) => m.startsWith(prefix) && !media.files.has(m))) {
        writer.remove(file);
        report.pruned.push(file);
      }
      mediaFiles = mediaFiles.filter((m) => !m.startsWith(prefix) || media.files.has(m));
    }
  }
  if (articles.length > 0 || manifest) {
    const next: Manifest = {
      source,
      format: options.format,
      inputs: [...options.inputs],
      articles: articles.sort(),
      media: mediaFiles.sort(),
    };
    writer.put(manifestPath(source), stableJson(next));
  }
  return report;
}

/** Reads the inputs and maps their items, on every core when they are large. */
async function readAndMap(options: ImportOptions) {
  const { docs, failures } = await readInputs(options.inputs, options.limits);
  if (options.baseUrl) for (const doc of docs) doc.url ??= options.baseUrl;
  const chars = docs.reduce((sum, doc) => sum + doc.text.length, 0);
  const items = await mapItems(options.format, docs, options.threads ?? defaultThreads(chars));
  return {
    ...items,
    failures: [...failures.map((f) => ({ input: f.name, message: f.message })), ...items.failures],
  };
}

export function formatReport(report: ImportReport): string {
  const lines: string[] = [];
  for (const f of report.failures) lines.push(`${f.input}: not imported: ${f.message}`);
  for (const item of report.items) {
    const what = item.id ?? `item ${item.label}`;
    lines.push(
      item.status === 'skipped'
        ? `skipped    ${item.input}: ${what}: ${item.reason}`
        : `${item.status.padEnd(10)} ${item.input}: ${what}: ${item.headline}`,
    );
  }
  if (report.drops.length > 0) lines.push('', 'Dropped:', ...report.drops);
  for (const file of report.pruned) lines.push(`pruned     ${file}`);
  if (report.pruneNote) lines.push(report.pruneNote);
  const count = (status: ItemOutcome['status']) =>
    report.items.filter((i) => i.status === status).length;
  const added = report.sectionsAdded.map((s) => `${s.id} (${s.name})`).join(', ');
  lines.push(
    '',
    `${report.dryRun ? 'Dry run, nothing written: would have ' : ''}${count('imported')} imported, ${count('updated')} updated, ${count('unchanged')} unchanged, ${count('skipped')} skipped; ${report.drops.length} drop lines; ${report.failures.length} inputs not read.`,
    `Source "${report.source}" into ${report.outDir}${added ? `; sections added: ${added}` : ''}.`,
  );
  return lines.join('\n');
}
