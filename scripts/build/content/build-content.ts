// The content check of a build: every file, every problem, and one report of them.
import path from 'node:path';
import { type StoryRecord, storyRecord } from '../site/story-record.ts';
import { type CheckedFolder, checkFolder } from './load-content.ts';
import { formatProblem, type Problem } from './problem.ts';

/** The content a build publishes: a record of each story, the stories read again page by page. */
export type CheckedContent = CheckedFolder<StoryRecord>;

export async function checkContent(
  dir: string,
): Promise<{ problems: Problem[]; content: CheckedContent | null }> {
  const { problems, folder } = await checkFolder(path.resolve(dir), storyRecord);
  return { problems, content: folder };
}

export function reportProblems(problems: readonly Problem[]): string {
  const files = new Set(problems.map((p) => p.file)).size;
  return [
    ...problems.map(formatProblem),
    `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}; nothing was written.`,
  ].join('\n');
}
