// For tests: an app build without Vite. The shell is index.html as Vite would turn it
// (the boot script, the module entry and a preload), the server renderer is the source
// entry, the manifest is empty: what publishSite needs, and every page it makes comes
// out as the real build's would but for the asset names.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { exists } from '../content/exists.ts';
import { cspHash } from '../post-build/inline-scripts.ts';
import type { AppBuild } from './app-build.ts';

export const TEST_SITE = 'https://qari.test';

export function shellTemplate(source: string): string {
  return source
    .replace('<!-- qari:preferences-boot -->', () => '<script>boot();</script>')
    .replace(
      /<script type="module" src="[^"]+"><\/script>/,
      () =>
        '<script type="module" crossorigin src="/assets/index-a1.js"></script>\n    <link rel="modulepreload" crossorigin href="/assets/framework-b2.js">',
    );
}

/** Writes the app's part of dist/ into `outDir` and returns the build publishSite runs with. */
export async function testAppBuild(
  contentDir: string,
  outDir: string,
  {
    loaderBody = 'load();',
    mediaCacheDir = path.join(outDir, '..', 'media-cache'),
    ssrEntry = path.resolve('src/entry-server.tsx'),
  }: {
    loaderBody?: string;
    /** Shared by a test's builds, so each photo is encoded once. */
    mediaCacheDir?: string;
    /** The server renderer: the source (under Vitest) or a bundle (for a plain Node child). */
    ssrEntry?: string;
  } = {},
): Promise<AppBuild> {
  await mkdir(path.join(outDir, '.vite'), { recursive: true });
  await mkdir(path.join(outDir, 'assets'), { recursive: true });
  await writeFile(
    path.join(outDir, 'index.html'),
    shellTemplate(await readFile('index.html', 'utf8')),
  );
  await writeFile(path.join(outDir, '.vite', 'manifest.json'), '{}');
  const script = (body: string, file: string) => ({
    file,
    body,
    hash: cspHash(body),
    tag: `<script>${body}</script>`,
  });
  return {
    contentDir,
    outDir,
    siteUrl: TEST_SITE,
    ssrDir: path.dirname(ssrEntry),
    ssrEntry,
    mediaCacheDir,
    inlineScripts: {
      preferencesBoot: script('boot();', 'src/app/boot/preferences-boot.js'),
      dataSaver: script('save();', 'src/app/boot/data-saver.js'),
      firstTaps: script('keep();', 'src/app/boot/first-taps.js'),
      appLoader: script(loaderBody, 'src/app/boot/app-loader.js'),
    },
  };
}

/**
 * The server renderer as `npm run build` bundles it, made once for every test that needs
 * it: a plain Node child or a render worker thread cannot load the .tsx source. Kept under
 * a name made from the sources' paths, sizes and mtimes, so a change to the app makes it
 * again (a bundle of older sources rendered other pages, and named other exports). Made in
 * a folder of its own, then renamed, as test files running side by side may both ask.
 */
export async function testSsrBundle(): Promise<string> {
  const dir = path.resolve(`node_modules/.cache/qari-ssr-${await sourcesStamp()}`);
  const entry = path.join(dir, 'entry-server.js');
  if (await exists(entry)) return entry;
  const temp = `${dir}.${process.pid}-${threadId}`;
  const { build } = await import('vite');
  await build({
    logLevel: 'warn',
    build: { ssr: 'src/entry-server.tsx', outDir: temp, copyPublicDir: false },
  });
  // Another test made it meanwhile: theirs is the same.
  await rename(temp, dir).catch(() => rm(temp, { recursive: true, force: true }));
  return entry;
}

/** A short hash of what the server bundle is made from: src/, the Vite config, the lock file. */
async function sourcesStamp(): Promise<string> {
  const files = [
    ...(await readdir('src', { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name)),
    'vite.config.ts',
    'package-lock.json',
  ].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    const { size, mtimeMs } = await stat(file);
    hash.update(`${file}\0${size}\0${mtimeMs}\0`);
  }
  return hash.digest('hex').slice(0, 12);
}
