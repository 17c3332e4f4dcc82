// @vitest-environment node
// The sweep thread lists the story files as articleNames does and stats each one.
import { statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sweepStoryFiles } from './story-file-sweep.ts';

const root = await mkdtemp(path.join(os.tmpdir(), 'qari-sweep-'));
afterAll(() => rm(root, { recursive: true, force: true }));

describe('sweepStoryFiles', () => {
  it('lists the story files in order, with the size and mtime a stat gives', async () => {
    const articles = path.join(root, 'a', 'articles');
    await mkdir(path.join(articles, 'folder.json'), { recursive: true });
    await writeFile(path.join(articles, 'b.json'), '{"x":1}');
    await writeFile(path.join(articles, 'a.json'), '{}');
    await writeFile(path.join(articles, 'notes.txt'), 'not a story');
    const sweep = await sweepStoryFiles(path.join(root, 'a'));
    expect(sweep?.names).toEqual(['a.json', 'b.json', 'folder.json']);
    const b = statSync(path.join(articles, 'b.json'));
    expect(sweep?.stat(1)).toEqual({ size: 7, mtimeMs: b.mtimeMs });
    // A folder by a story's name is stat-ed too: the check names the problem.
    expect(sweep?.stat(2)?.size).toBeGreaterThanOrEqual(0);
  });

  it('gives nothing for a folder without articles/: the caller looks for itself', async () => {
    await mkdir(path.join(root, 'empty'), { recursive: true });
    expect(await sweepStoryFiles(path.join(root, 'empty'))).toBeNull();
  });
});
