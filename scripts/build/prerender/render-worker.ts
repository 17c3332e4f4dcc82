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
  port.postMessage(reply, handedOver(reply));
});

/**
 * The buffers of a result's bytes (story-files.ts), handed over, not copied: only those
 * a view covers whole (a pooled or shared buffer holds more than the result's bytes).
 */
function handedOver(reply: RenderReply): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  if ('result' in reply && typeof reply.result === 'object' && reply.result) {
    for (const value of Object.values(reply.result)) {
      if (
        value instanceof Uint8Array &&
        value.buffer instanceof ArrayBuffer &&
        value.byteOffset === 0 &&
        value.byteLength === value.buffer.byteLength
      )
        buffers.add(value.buffer);
    }
  }
  return [...buffers];
}
