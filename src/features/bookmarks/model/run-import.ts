// Runs an import in a worker when the worker can reach the page's storage (IndexedDB is
// shared); where bookmarks live in this page's memory, or there are no module workers,
// in the page itself.
import { storageKind } from '#shared/storage/bookmark-db.ts';
import { type ImportOutcome, importBookmarkFile } from './import-bookmark-file.ts';

function inWorker(file: Blob, now: number): Promise<ImportOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<ImportOutcome>) => {
      worker.terminate();
      resolve(event.data);
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      reject(event.error ?? new Error(event.message || 'the import worker failed to start'));
    });
    worker.postMessage({ file, now });
  });
}

export async function runImport(file: Blob, now = Date.now()): Promise<ImportOutcome> {
  if (typeof Worker !== 'undefined' && (await storageKind()) === 'indexeddb') {
    try {
      return await inWorker(file, now);
    } catch (error) {
      console.warn('The import worker did not run; importing in the page.', error);
    }
  }
  return importBookmarkFile(file, now);
}
