// Where a build puts the app and its server renderer, and which app build a dist/ holds:
// `npm run build` makes them, `npm run publish` renders new pages with them and refuses
// to mix pages of two app builds.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type InlineScript, readInlineScript } from '../post-build/inline-scripts.ts';

export type AppBuild = {
  contentDir: string;
  outDir: string;
  siteUrl: string;
  /** The server bundle the prerender imports. */
  ssrDir: string;
  ssrEntry: string;
  mediaCacheDir: string;
  inlineScripts: {
    preferencesBoot: InlineScript;
    dataSaver: InlineScript;
    firstTaps: InlineScript;
    appLoader: InlineScript;
  };
};

/** The folders and settings of a build from the environment (QARI_CONTENT_DIR, QARI_DIST_DIR, QARI_SITE_URL). */
export function appBuildFromEnv(env: NodeJS.ProcessEnv = process.env): AppBuild {
  const outDir = path.resolve(env.QARI_DIST_DIR ?? 'dist');
  // QARI_DIST_DIR builds elsewhere than dist/ (the import flow builds a temporary folder
  // while the rest of the suite serves dist/); its server bundle gets its own cache folder
  // (inside node_modules, where the bundle's imports resolve).
  const ssrDir = path.resolve(
    'node_modules/.cache',
    env.QARI_DIST_DIR
      ? `qari-ssr-${createHash('sha256').update(outDir).digest('hex').slice(0, 8)}`
      : 'qari-ssr',
  );
  return {
    contentDir: path.resolve(env.QARI_CONTENT_DIR ?? 'content'),
    outDir,
    siteUrl: (env.QARI_SITE_URL ?? 'http://localhost:5173').replace(/\/$/, ''),
    ssrDir,
    ssrEntry: path.join(ssrDir, 'entry-server.js'),
    mediaCacheDir: path.resolve('node_modules/.cache/qari-media'),
    inlineScripts: {
      preferencesBoot: readInlineScript('preferencesBoot'),
      dataSaver: readInlineScript('dataSaver'),
      firstTaps: readInlineScript('firstTaps'),
      appLoader: readInlineScript('appLoader'),
    },
  };
}

/**
 * Which app build a dist/ holds: its HTML shell, Vite manifest, server renderer, inline
 * scripts and site URL. Pages made by another build would link assets that are gone.
 */
export async function appBuildId(
  build: Pick<AppBuild, 'outDir' | 'ssrEntry' | 'siteUrl' | 'inlineScripts'>,
): Promise<string> {
  const hash = createHash('sha256');
  for (const file of [
    path.join(build.outDir, 'index.html'),
    path.join(build.outDir, '.vite', 'manifest.json'),
    build.ssrEntry,
  ]) {
    hash.update(await readFile(file).catch(() => Buffer.from('(missing)')));
    hash.update('\0');
  }
  for (const script of Object.values(build.inlineScripts)) hash.update(script.hash).update('\0');
  hash.update(build.siteUrl);
  return hash.digest('hex').slice(0, 16);
}
