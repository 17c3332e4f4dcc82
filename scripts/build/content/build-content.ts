// The content check of a build: every file, every problem, and one report of them.
import path from 'node:path';
import { type Corpus, loadContent } from './load-content.ts';
import { formatProblem, type Problem } from './problem.ts';

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
