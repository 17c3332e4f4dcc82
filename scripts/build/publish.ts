// `npm run publish [-- --watch]`: publishes what changed in the content folder
// (QARI_CONTENT_DIR, default content/) since the last build or publish into dist/
// (QARI_DIST_DIR), rewriting only the files the change touches (docs/publishing.md).
// Prints the files written and removed, which it also leaves in dist/.qari/publish/
// for the upload to a host. An invalid file stops it with every problem named, and
// the site untouched. --watch publishes each change as it is saved.
import { type FSWatcher, readdirSync, statSync, watch } from 'node:fs';
import path from 'node:path';
import { reportProblems } from './content/build-content.ts';
import { appBuildFromEnv } from './site/app-build.ts';
import { willPublishAgain } from './site/ordered-records.ts';
import { PublishRefused, publishSite } from './site/publish-site.ts';
import { handOffFiles } from './site/site-writer.ts';

/** How long the folder must stay quiet before a publish: an editor's save is several writes. */
const DEBOUNCE_MS = 50;

// React on the server as `npm run build` runs it (in production): its
// development build checks every element, a third of a page's render.
process.env.NODE_ENV ??= 'production';

const app = appBuildFromEnv();
const where = (file: string) => path.relative('.', path.join(app.outDir, file));

/** `touched`: the content files the watcher saw change, when it named them all. */
async function publishOnce(touched?: ReadonlySet<string>): Promise<boolean> {
  const started = performance.now();
  let result: Awaited<ReturnType<typeof publishSite>>;
  try {
    result = await publishSite(app, { full: false, touched });
  } catch (error) {
    if (error instanceof PublishRefused) {
      console.error(error.message);
      return false;
    }
    throw error;
  }
  if (!result.ok) {
    console.error(reportProblems(result.problems));
    return false;
  }
  const { content, links, removed } = result.handOff;
  for (const file of [...content, ...links]) console.log(`+ ${file}`);
  for (const file of removed) console.log(`- ${file}`);
  const ms = Math.round(performance.now() - started);
  console.log(
    `Published in ${ms} ms: ${content.length + links.length} files written, ${removed.length} removed (${result.pages} pages). ` +
      `Upload ${where(handOffFiles.content)}, then ${where(handOffFiles.links)}, then delete ${where(handOffFiles.removed)}.`,
  );
  return true;
}

if (!process.argv.includes('--watch')) {
  const ok = await publishOnce();
  // A pipe takes console output asynchronously: let the list reach it before exiting.
  await new Promise((resolve) => process.stdout.write('', resolve));
  process.exit(ok ? 0 : 1);
}

// Watch: one publish at a time; changes saved during one start another when it ends.
willPublishAgain();
// The watcher names the files saved, so a publish looks only at those story files, not
// at every one (docs/publishing.md, «Watch»). The first publish, one after an event
// without a name, and one after a publish that failed look at them all.
let timer: NodeJS.Timeout | undefined;
let running = false;
let again = false;
let touched: Set<string> | null = null;
const run = async () => {
  if (running) {
    again = true;
    return;
  }
  running = true;
  const these = touched;
  touched = new Set();
  let ok = false;
  try {
    ok = await publishOnce(these ?? undefined);
  } catch (error) {
    console.error(error);
  } finally {
    if (!ok) touched = null;
    running = false;
    if (again) {
      again = false;
      void run();
    }
  }
};
// Watching before the first publish: a save during it is published by the next one.
const saved = () => {
  clearTimeout(timer);
  timer = setTimeout(run, DEBOUNCE_MS);
};
// One watcher per folder, not `recursive`: on Linux, Node 20 watches a folder
// recursively with a watcher and a stat per file (20,000 at 20,000 stories) and reads
// the whole folder again at each event.
const watchers = new Map<string, FSWatcher>();
function watchFolder(folder: string): void {
  if (watchers.has(folder)) return;
  const full = path.join(app.contentDir, folder);
  let watcher: FSWatcher;
  try {
    watcher = watch(full, (_event, name) => {
      if (!name) touched = null;
      else {
        const file = path.posix.join(folder, name.toString());
        const info = statSync(path.join(app.contentDir, file), { throwIfNoEntry: false });
        // A folder made, replaced or gone (`articles/` moved in whole): its files were not
        // named one by one, so the next publish looks at every file.
        if (info?.isDirectory()) {
          watchers.get(file)?.close();
          watchers.delete(file);
          watchFolder(file);
          touched = null;
        } else if (!info && watchers.has(file)) touched = null;
        else touched?.add(file);
      }
      saved();
    });
  } catch {
    return;
  }
  watcher.on('error', () => {
    // The folder went (or was replaced): the next publish looks at everything.
    watcher.close();
    watchers.delete(folder);
    touched = null;
    saved();
  });
  watchers.set(folder, watcher);
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    if (entry.isDirectory()) watchFolder(path.posix.join(folder, entry.name));
  }
}
watchFolder('');
await run();
console.log(`Watching ${path.relative('.', app.contentDir) || '.'}/ (Ctrl-C to stop).`);
