// A large run maps and builds its items on several threads (items are independent): the
// main thread reads and parses the documents, gives each worker a share of the items and
// maps its own share meanwhile. Drafts stay on the thread that mapped them; their heads come
// back for the run's decisions (finish-articles.ts), and each thread then builds the articles
// of its own drafts. Every item keeps its number in the run, so the files and the report do
// not depend on how many threads there were.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { bundledScript } from '#scripts/build/bundle-script.mjs';
import { FORMATS, type Format } from '../formats/formats.ts';
import { Drops } from '../shared/draft.ts';
import type {
  Builder,
  BuildJob,
  Built,
  SourcedHead,
  StoryIndex,
} from '../shared/finish-articles.ts';
import type { InputDoc } from '../shared/read-inputs.ts';
import {
  type ArticleFile,
  documentError,
  type FileOutcome,
  ItemShard,
  type Mapped,
  type ShardWork,
  type WorkItem,
  type WriteTarget,
} from './item-shard.ts';
import type { MappedMessage, WorkerRequest } from './item-worker.ts';

/** One thread's share, seen from the main thread. */
type Share = {
  map(work: ShardWork): Promise<Mapped>;
  build(jobs: BuildJob[], index: StoryIndex): Promise<Built[]>;
  write(files: ArticleFile[], target: WriteTarget): Promise<FileOutcome[]>;
  close(): Promise<void>;
};

function localShare(): Share {
  const shard = new ItemShard();
  return {
    map: async (work) => shard.map(work),
    build: async (jobs, index) => shard.build(jobs, index),
    write: async (files, target) => shard.write(files, target),
    close: async () => {},
  };
}

/**
 * The worker's code, bundled: a worker does not inherit tsx's loader, and tsx compiling the
 * importer again in each thread cost 1–2 s of CPU, more than a thread saved on a busy machine.
 */
const workerBundle = () =>
  bundledScript(fileURLToPath(new URL('./item-worker.ts', import.meta.url)));

/** A worker thread's share: one request at a time, answered in order. */
function workerShare(bundle: string): Share {
  const worker = new Worker(bundle);
  const request = <T>(message: WorkerRequest) =>
    new Promise<T>((resolve, reject) => {
      const done = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (reply: T | { crashed: string }) => {
        done();
        if (reply && typeof reply === 'object' && 'crashed' in reply) {
          reject(new Error(`import worker: ${reply.crashed}`));
        } else resolve(reply as T);
      };
      const onError = (error: Error) => {
        done();
        reject(error);
      };
      const onExit = (code: number) => {
        done();
        reject(new Error(`import worker stopped (exit code ${code})`));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      try {
        worker.postMessage(message);
      } catch (error) {
        // Not sent (data nested too deeply to copy, say): the worker will not answer.
        onError(error as Error);
      }
    });
  return {
    async map(work) {
      const { heads, failures } = await request<MappedMessage>({ type: 'map', work });
      return {
        heads: heads.map((h) => ({ ...h, head: { ...h.head, drops: new Drops(h.head.drops) } })),
        failures,
      };
    },
    build: (jobs, index) => request<Built[]>({ type: 'build', jobs, index }),
    write: (files, target) => request<FileOutcome[]>({ type: 'write', files, target }),
    close: async () => {
      await worker.terminate();
    },
  };
}

/**
 * Build and write requests, each sent to the threads that hold the items. Made apart from
 * mapItems so that what they keep is only the threads and who owns what, not the parsed
 * documents.
 */
function dispatch(
  shares: readonly Share[],
  owner: ReadonlyMap<number, Share>,
): Pick<ItemRun, 'build' | 'write'> {
  /** Hands each thread the things about its own items; answers come back in the order given. */
  const spread = async <T extends { key: number }, R>(
    things: readonly T[],
    ask: (share: Share, mine: T[]) => Promise<R[]>,
  ): Promise<R[]> => {
    const places = new Map(shares.map((share) => [share, [] as number[]]));
    things.forEach((thing, i) => {
      places.get(owner.get(thing.key) as Share)?.push(i);
    });
    const out = new Array<R>(things.length);
    await Promise.all(
      [...places].map(async ([share, at]) => {
        if (at.length === 0) return;
        const answers = await ask(
          share,
          at.map((i) => things[i] as T),
        );
        at.forEach((i, j) => {
          out[i] = answers[j] as R;
        });
      }),
    );
    return out;
  };
  return {
    build: (jobs, index) => spread(jobs, (share, mine) => share.build(mine, index)),
    write: (files, target) => spread(files, (share, mine) => share.write(mine, target)),
  };
}

export type ItemRun = {
  /** Every mapped item's head, in input order. */
  heads: SourcedHead[];
  /** The documents that could not be read or mapped, in input order. */
  failures: { input: string; message: string }[];
  build: Builder;
  /** Writes the valid articles' files, each by the thread that built it; outcomes in the order given. */
  write(files: ArticleFile[], target: WriteTarget): Promise<FileOutcome[]>;
  /** Ends the workers. */
  close(): Promise<void>;
};

/** Reads `docs` and maps their items on `threads` threads (this one and threads − 1 workers). */
export async function mapItems(
  format: Format,
  docs: readonly InputDoc[],
  threads: number,
): Promise<ItemRun> {
  // Workers start first: they load while this thread parses the documents. This thread's
  // share comes last, so the workers have their requests before it maps its own.
  const bundle = threads > 1 ? await workerBundle() : '';
  const shares = [...Array.from({ length: threads - 1 }, () => workerShare(bundle)), localShare()];
  const close = async () => {
    await Promise.all(shares.map((share) => share.close()));
  };
  try {
    const contexts: unknown[] = [];
    const docFailures = new Map<number, string>();
    const items: WorkItem[] = [];
    docs.forEach((doc, d) => {
      try {
        const read = FORMATS[format].read(doc);
        contexts[d] = read.context;
        read.items.forEach((item, index) => {
          items.push({ key: items.length, doc: d, index, item });
        });
      } catch (error) {
        docFailures.set(d, documentError(error));
      }
    });
    const size = Math.ceil(items.length / shares.length);
    const local = shares.at(-1) as Share;
    const mapped = await Promise.all(
      shares.map(async (share, s) => {
        const work = { format, contexts, items: items.slice(s * size, (s + 1) * size) };
        try {
          return { share, mapped: await share.map(work) };
        } catch (error) {
          // Items nested too deeply to copy to a worker are mapped here, where they fail as on one thread.
          if (!(error instanceof RangeError) || share === local) throw error;
          return { share: local, mapped: await local.map(work) };
        }
      }),
    );
    // An item that cannot be mapped fails its whole document, as the first such item says.
    for (const failure of mapped.flatMap((m) => m.mapped.failures).sort((a, b) => a.key - b.key)) {
      if (!docFailures.has(failure.doc)) docFailures.set(failure.doc, failure.message);
    }
    const owner = new Map<number, Share>();
    const heads: SourcedHead[] = [];
    for (const { share, mapped: m } of mapped) {
      for (const { key, doc, head } of m.heads) {
        if (docFailures.has(doc)) continue;
        owner.set(key, share);
        heads.push({ input: (docs[doc] as InputDoc).name, key, head });
      }
    }
    heads.sort((a, b) => a.key - b.key);

    return {
      heads,
      failures: docs.flatMap((doc, d) => {
        const message = docFailures.get(d);
        return message === undefined ? [] : [{ input: doc.name, message }];
      }),
      ...dispatch(shares, owner),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
