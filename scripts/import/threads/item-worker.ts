// A worker thread's side of item-threads.ts: one ItemShard, driven by messages. Drops cross
// the thread boundary as their counts (a Map survives the copy, a class does not).
import { parentPort } from 'node:worker_threads';
import type { BuildJob, ItemHead, StoryIndex } from '../shared/finish-articles.ts';
import {
  type ArticleFile,
  ItemShard,
  type Mapped,
  type ShardWork,
  type WriteTarget,
} from './item-shard.ts';

export type WorkerRequest =
  | { type: 'map'; work: ShardWork }
  | { type: 'build'; jobs: BuildJob[]; index: StoryIndex }
  | { type: 'write'; files: ArticleFile[]; target: WriteTarget };

/** Mapped as it crosses to the main thread: each head's drops as their counts. */
export type MappedMessage = Omit<Mapped, 'heads'> & {
  heads: (Omit<Mapped['heads'][number], 'head'> & {
    head: Omit<ItemHead, 'drops'> & { drops: Map<string, number> };
  })[];
};

const shard = new ItemShard();
const port = parentPort;
port?.on('message', (request: WorkerRequest) => {
  try {
    if (request.type === 'write') {
      port.postMessage(shard.write(request.files, request.target));
    } else if (request.type === 'map') {
      const { heads, failures } = shard.map(request.work);
      port.postMessage({
        heads: heads.map((h) => ({ ...h, head: { ...h.head, drops: h.head.drops.counts } })),
        failures,
      } satisfies MappedMessage);
    } else {
      port.postMessage(shard.build(request.jobs, request.index));
    }
  } catch (error) {
    port.postMessage({ crashed: (error as Error).stack ?? String(error) });
  }
});
