// A worker thread of the render pool (render-pool.ts): the same page renderer as the
// main thread's, made from the options it is started with, rendering one page a message
// (a story's page with its API file, its article read here: story-files.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { storyFilesMaker } from '../site/story-files.ts';
import { createPageRenderer, type RendererOptions } from './page-renderer.ts';
import type { RenderReply, RenderRequest, Renders } from './render-pool.ts';

const port = parentPort;
if (!port) throw new Error('render-worker.ts runs as a worker thread of the render pool');
const renderer = await createPageRenderer(workerData as RendererOptions);
const renders: Renders = { ...renderer, ...storyFilesMaker(renderer) };

port.on('message', async ({ id, kind, input }: RenderRequest) => {
  let reply: RenderReply;
  try {
    reply = { id, result: await (renders[kind] as (input: unknown) => Promise<unknown>)(input) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  // Bytes are handed over, not copied (story-files.ts).
  const bytes = 'result' in reply ? Object.values(reply.result as object) : [];
  port.postMessage(
    reply,
    bytes
      .filter((value) => value instanceof Uint8Array)
      .map((value) => value.buffer as ArrayBuffer),
  );
});
