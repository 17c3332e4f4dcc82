// One thread's share of a run's items: it maps them, keeps their drafts, hands back their
// heads for the run's decisions, then builds their articles. The main thread holds one
// share and each worker another (item-threads.ts); all of them run this same code.
import { FORMATS, type Format } from '../formats/formats.ts';
import { FolderWriter, type WriteStatus } from '../shared/content-folder.ts';
import { InputError, type ItemDraft } from '../shared/draft.ts';
import {
  type BuildJob,
  type Built,
  buildArticle,
  headOf,
  type ItemHead,
  type StoryIndex,
} from '../shared/finish-articles.ts';

/** An item as its document's reading gave it, numbered in the run (`key`) and in its document. */
export type WorkItem = { key: number; doc: number; index: number; item: unknown };
/** A share of the items: the format, each document's context (by document number) and the items. */
export type ShardWork = { format: Format; contexts: unknown[]; items: WorkItem[] };
/** Why an item could not be mapped: its whole document is then not imported. */
export type ItemFailure = { key: number; doc: number; message: string };
export type Mapped = {
  heads: { key: number; doc: number; head: ItemHead }[];
  failures: ItemFailure[];
};

/** An article file to write; `owned` when this source wrote it before (else a file there is left alone). */
export type ArticleFile = { key: number; rel: string; owned: boolean };
/** What became of an article file: 'foreign' is a file this source did not write, left untouched. */
export type FileOutcome = WriteStatus | 'foreign';
export type WriteTarget = { outDir: string; dryRun: boolean };

/** The report's words for an error that stops a document; other errors are bugs and propagate. */
export function documentError(error: unknown): string {
  // A mapping walks its own stack; a RangeError here is a parser's recursion giving up.
  if (error instanceof RangeError) return 'refused: nested too deeply to read';
  if (error instanceof InputError) return error.message;
  throw error;
}

export class ItemShard {
  private readonly drafts = new Map<number, ItemDraft>();
  /** Each valid article's file as last built. */
  private readonly files = new Map<number, string>();

  map({ format, contexts, items }: ShardWork): Mapped {
    const mapping = FORMATS[format];
    const mapped: Mapped = { heads: [], failures: [] };
    for (const { key, doc, index, item } of items) {
      let draft: ItemDraft | null;
      try {
        draft = mapping.map(contexts[doc], item, index);
      } catch (error) {
        mapped.failures.push({ key, doc, message: documentError(error) });
        continue;
      }
      if (!draft) continue;
      this.drafts.set(key, draft);
      mapped.heads.push({ key, doc, head: headOf(draft) });
    }
    return mapped;
  }

  build(jobs: readonly BuildJob[], index: StoryIndex): Built[] {
    return jobs.map((job) => {
      const { built, json } = buildArticle(this.drafts.get(job.key) as ItemDraft, job, index);
      if (json === undefined) this.files.delete(job.key);
      else this.files.set(job.key, json);
      return built;
    });
  }

  write(files: readonly ArticleFile[], { outDir, dryRun }: WriteTarget): FileOutcome[] {
    const writer = new FolderWriter(outDir, dryRun);
    return files.map(({ key, rel, owned }) =>
      !owned && writer.exists(rel) ? 'foreign' : writer.put(rel, this.files.get(key) as string),
    );
  }
}
