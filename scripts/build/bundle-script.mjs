// A TypeScript script bundled with esbuild, its own imports in it (npm packages stay
// imports), kept in node_modules/.cache/qari-scripts/ and made again only when one of its
// source files changed (size or mtime). tsx compiles each module on every start, a second
// or more on a busy machine; loading the bundle costs a stat of each source file. Used by
// run-bundled.mjs (`npm run publish`, `npm run import`) and for the importer's worker
// threads (docs/publishing.md «Measured», docs/importing.md «Performance»).
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository: this file is scripts/build/bundle-script.mjs. */
const root = fileURLToPath(new URL('../../', import.meta.url));
const cacheDir = path.join(root, 'node_modules/.cache/qari-scripts');

/** Each source file's size and mtime, to tell whether the bundle is still theirs. */
const stampOf = async (file) => {
  const info = await stat(path.resolve(root, file));
  return `${info.size}:${info.mtimeMs}`;
};

/** Is the bundle made from the source files as they are now? */
async function fresh(inputsFile) {
  try {
    const inputs = JSON.parse(await readFile(inputsFile, 'utf8'));
    const now = await Promise.all(Object.keys(inputs).map((file) => stampOf(file).catch(() => '')));
    return Object.values(inputs).every((was, i) => was === now[i]);
  } catch {
    return false;
  }
}

/**
 * Each bundled module keeps its own `import.meta.url` (its source file's), so that a path
 * it resolves beside itself (a worker's source, this repository) is the same bundled or not.
 */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.(ts|mts|mjs|js)$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      return {
        contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: /\.m?ts$/.test(args.path) ? 'ts' : 'js',
      };
    });
  },
};

async function make(entry, bundle, inputsFile) {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    // npm packages load from node_modules as under tsx (one copy of React for the server bundle).
    packages: 'external',
    // Resolves '#content/…' and the other package.json imports to files, bundled too.
    write: false,
    metafile: true,
    logLevel: 'warning',
    absWorkingDir: root,
    plugins: [ownImportMetaUrl],
  });
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) inputs[file] = await stampOf(file);
  await mkdir(cacheDir, { recursive: true });
  // Several runs (or threads of one) may make it at once: each writes its own file, then renames it.
  const temp = `.${randomUUID()}.tmp`;
  await writeFile(bundle + temp, result.outputFiles[0].contents);
  await rename(bundle + temp, bundle);
  await writeFile(inputsFile + temp, JSON.stringify(inputs));
  await rename(inputsFile + temp, inputsFile);
}

/** Bundles being checked or made in this process, by source: asked twice, made once. */
const pending = new Map();

/** The bundle of `entry` (a path, relative to the working directory or absolute), made if stale. */
export function bundledScript(entry) {
  const source = path.resolve(entry);
  let bundle = pending.get(source);
  if (!bundle) {
    bundle = freshBundle(source).finally(() => pending.delete(source));
    pending.set(source, bundle);
  }
  return bundle;
}

async function freshBundle(source) {
  const name = path.relative(root, source).replace(/[\\/]/g, '__').replace(/\.ts$/, '');
  const bundle = path.join(cacheDir, `${name}.mjs`);
  const inputsFile = path.join(cacheDir, `${name}.inputs.json`);
  if (!(await fresh(inputsFile))) await make(source, bundle, inputsFile);
  return bundle;
}
