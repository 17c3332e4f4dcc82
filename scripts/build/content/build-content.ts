// The content build: check everything, and only when all is well write the static
// API and media renditions into the output folder.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildApi } from './build-api.ts';
import { type Corpus, loadContent } from './load-content.ts';
import { mapLimit } from './map-limit.ts';
import { formatProblem, type Problem } from './problem.ts';
import { writeRenditions } from './renditions.ts';
import { searchIndexFiles } from './search-index.ts';

export type ContentStats = { stories: number; files: number; media: number };

export async function checkContent(
  dir: string,
): Promise<{ problems: Problem[]; corpus: Corpus | null }> {
  return loadContent(path.resolve(dir));
}

export function reportProblems(problems: readonly Problem[]): string {
  const files = new Set(problems.map((p) => p.file)).size;
  return [
    ...problems.map(formatProblem),
    `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}; nothing was written.`,
  ].join('\n');
}

export async function writeContent(
  corpus: Corpus,
  outDir: string,
  cacheDir: string,
): Promise<ContentStats> {
  const renditions = await writeRenditions(corpus.media.values(), outDir, cacheDir);
  const dirs = new Set<string>();
  let files = 0;
  const batch: { file: string; json: string }[] = [];
  const flush = async () => {
    await mapLimit(batch.splice(0), 64, ({ file, json }) => writeFile(file, json));
  };
  // The static API, then the search index over the same corpus (./search-index.ts).
  function* apiFiles() {
    yield* buildApi(corpus, renditions);
    yield* searchIndexFiles(corpus);
  }
  for (const { path: urlPath, payload } of apiFiles()) {
    const file = path.join(outDir, ...urlPath.split('/').map(decodeURIComponent));
    const dir = path.dirname(file);
    if (!dirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      dirs.add(dir);
    }
    batch.push({ file, json: JSON.stringify(payload) });
    files++;
    if (batch.length >= 512) await flush();
  }
  await flush();
  return { stories: corpus.articles.length, files, media: renditions.size };
}
