// `node scripts/build/run-bundled.mjs <script.ts> [args…]`: runs a script from the bundle
// esbuild made of it and its imports (bundle-script.mjs). `npm run publish` and
// `npm run import` start this way: tsx compiles each module on every start, some 1–3 s of
// a one-story publish on a busy machine (docs/publishing.md, «Measured»).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundledScript } from './bundle-script.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/build/run-bundled.mjs <script.ts> [args…]');
  process.exit(2);
}
const bundle = await bundledScript(entry);
// The script reads its arguments from process.argv as if started itself.
process.argv = [process.argv[0], path.resolve(entry), ...args];
await import(pathToFileURL(bundle).href);
