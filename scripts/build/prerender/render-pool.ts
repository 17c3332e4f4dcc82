// Pages rendered on worker threads, one renderer in each: a build of thousands of stories
// spends some 2.5 ms of CPU on each page (React's server render and the page's shell),
// and one thread rendering them left the other core to compression alone. The pool has
// the renderer's shape, so the publish gives it the pages the same way; each worker runs
// createPageRenderer with the same options, so a page is the same bytes from either.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { bundledScript } from '#scripts/build/bundle-script.mjs';
import type { StoryFilesMaker } from '../site/story-files.ts';
import type { PageRenderer, RendererOptions } from './page-renderer.ts';

/** What a worker makes: pages, and a story's page with its API file. */
export type Renders = PageRenderer & StoryFilesMaker;
type RenderKind = keyof Renders;
export type RenderRequest = { id: number; kind: RenderKind; input: unknown };
export type RenderReply = { id: number; result: unknown } | { id: number; error: string };

export type RenderPool = Renders & {
  /** Stops the workers; pages asked for after this fail. */
  close(): Promise<void>;
};

/**
 * Left alone, each thread's heap grew to some 400 MiB of garbage over a 100,000-story
 * build before V8 collected it (issue 16: the build's peak). A page needs a few MiB, a
 * story at the 2 MB limit some tens, and a thread has up to eight in hand.
 */
const RENDER_THREAD_LIMITS = { maxOldGenerationSizeMb: 384 };

type Waiting = { resolve: (result: unknown) => void; reject: (error: Error) => void };

/**
 * The worker's code, bundled (bundle-script.mjs): a worker does not inherit tsx's loader,
 * and compiling the renderer's imports again in each thread would cost a second or more.
 */
const workerBundle = () =>
  bundledScript(fileURLToPath(new URL('./render-worker.ts', import.meta.url)));

export async function createRenderPool(
  options: RendererOptions,
  threads: number,
): Promise<RenderPool> {
  const bundle = await workerBundle();
  const waiting = new Map<number, Waiting>();
  /** Pages asked of each worker and not answered yet: the next goes to the least busy. */
  const load = new Map<Worker, number>();
  let nextId = 0;
  let broken: Error | null = null;
  const failAll = (error: Error) => {
    broken ??= error;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  for (let i = 0; i < Math.max(1, threads); i++) {
    const worker = new Worker(bundle, {
      workerData: options,
      resourceLimits: RENDER_THREAD_LIMITS,
    });
    load.set(worker, 0);
    worker.on('message', (reply: RenderReply) => {
      load.set(worker, (load.get(worker) ?? 1) - 1);
      const asked = waiting.get(reply.id);
      waiting.delete(reply.id);
      if ('error' in reply) asked?.reject(new Error(`render worker: ${reply.error}`));
      else asked?.resolve(reply.result);
    });
    worker.on('error', failAll);
    worker.on('exit', (code) => {
      if (code !== 0) failAll(new Error(`render worker stopped (exit code ${code})`));
    });
  }
  const render = <K extends RenderKind>(kind: K, input: Parameters<Renders[K]>[0]) =>
    new Promise<Awaited<ReturnType<Renders[K]>>>((resolve, reject) => {
      if (broken) return reject(broken);
      const [worker] = [...load].reduce((a, b) => (b[1] < a[1] ? b : a));
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (result: unknown) => void, reject });
      load.set(worker, (load.get(worker) ?? 0) + 1);
      worker.postMessage({ id, kind, input } satisfies RenderRequest);
    });
  return {
    front: (front) => render('front', front),
    story: (payload) => render('story', payload),
    list: (head) => render('list', head),
    storyFiles: (job) => render('storyFiles', job),
    async close() {
      broken ??= new Error('render pool closed');
      await Promise.all([...load.keys()].map((worker) => worker.terminate()));
    },
  };
}
