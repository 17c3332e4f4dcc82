// The bookmark import, off the page's main thread: reading, parsing and checking a large
// file takes seconds of work that would otherwise freeze the page (run-import.ts).
import { importBookmarkFile } from './import-bookmark-file.ts';

type Job = { file: Blob; now: number };
/** The worker's global scope (the project's types are the page's). */
const scope = self as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<Job>) => void): void;
  postMessage(message: unknown): void;
};

scope.addEventListener('message', (event) => {
  void importBookmarkFile(event.data.file, event.data.now).then((outcome) =>
    scope.postMessage(outcome),
  );
});
