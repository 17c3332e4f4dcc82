// `npm run build`: check the content folder (QARI_CONTENT_DIR, default content/),
// build the app with Vite, then write the static API and photos into dist/.
// Nothing is written when any content file is invalid.
import path from 'node:path';
import { build } from 'vite';
import { checkContent, reportProblems, writeContent } from './content/build-content.ts';

const contentDir = path.resolve(process.env.QARI_CONTENT_DIR ?? 'content');
const outDir = path.resolve('dist');
const started = performance.now();

const { problems, corpus } = await checkContent(contentDir);
if (!corpus) {
  console.error(reportProblems(problems));
  process.exit(1);
}
console.log(`Content: ${corpus.articles.length} stories in ${contentDir} are valid.`);

await build({ logLevel: 'warn' });
const stats = await writeContent(corpus, outDir, path.resolve('node_modules/.cache/qari-media'));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `Built dist/: ${stats.files} API files, ${stats.media} photos with renditions, in ${seconds} s.`,
);
