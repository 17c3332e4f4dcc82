// `node scripts/build/run-bundled.mjs <script.ts> [args…]`: runs a build script from a
// bundle esbuild made of it and its imports (npm packages stay imports), kept in
// node_modules/.cache/qari-scripts/ and made again only when one of its source files
// changed (size or mtime). `npm run publish` starts this way: tsx compiles each module
// on every start, some 1–3 s of a one-story publish on a busy machine; loading the
// bundle costs a stat of each source file (docs/publishing.md, «Measured»).
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/build/run-bundled.mjs <script.ts> [args…]');
  process.exit(2);
}
const root = process.cwd();
const cacheDir = path.resolve('node_modules/.cache/qari-scripts');
const name = path.relative(root, path.resolve(entry)).replace(/[\\/]/g, '__').replace(/\.ts$/, '');
const bundle = path.join(cacheDir, `${name}.mjs`);
const inputsFile = path.join(cacheDir, `${name}.inputs.json`);

/** Each source file's size and mtime, to tell whether the bundle is still theirs. */
const stampOf = async (file) => {
  const info = await stat(path.resolve(root, file));
  return `${info.size}:${info.mtimeMs}`;
};

/** Is the bundle made from the source files as they are now? */
async function fresh() {
  try {
    const inputs = JSON.parse(await readFile(inputsFile, 'utf8'));
    const now = await Promise.all(Object.keys(inputs).map((file) => stampOf(file).catch(() => '')));
    return Object.values(inputs).every((was, i) => was === now[i]);
  } catch {
    return false;
  }
}

async function make() {
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
  });
  const inputs = {};
  for (const file of Object.keys(result.metafile.inputs)) inputs[file] = await stampOf(file);
  await mkdir(cacheDir, { recursive: true });
  // Several publishes may start at once: each writes its own file, then renames it.
  const temp = `${bundle}.${process.pid}.tmp`;
  await writeFile(temp, result.outputFiles[0].contents);
  await rename(temp, bundle);
  await writeFile(`${inputsFile}.${process.pid}.tmp`, JSON.stringify(inputs));
  await rename(`${inputsFile}.${process.pid}.tmp`, inputsFile);
}

if (!(await fresh())) await make();
// The script reads its arguments from process.argv as if started itself.
process.argv = [process.argv[0], path.resolve(entry), ...args];
await import(pathToFileURL(bundle).href);
