import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashBytes } from './read-content-file.mjs';
import { readStory, StoryChangedSince } from './read-story.ts';

const story = {
  schemaVersion: 1,
  id: 'a',
  headline: 'عنوان',
  section: 'world',
  publishedAt: '2026-03-01T10:00:00+03:00',
  tags: [{ id: 't', name: '\u2067وسم\u2069' }],
  body: [{ type: 'paragraph', content: ['نص'] }],
};

async function folderWith(text: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'qari-read-story-'));
  await mkdir(path.join(dir, 'articles'));
  await writeFile(path.join(dir, 'articles', 'a.json'), text);
  return dir;
}

describe('readStory', () => {
  it('gives the story as the check does (tag names without bidi controls)', async () => {
    const dir = await folderWith(JSON.stringify(story));
    expect(readStory(dir, 'a').tags).toEqual([{ id: 't', name: 'وسم' }]);
  });

  it('reads the bytes the check read, and names the file when they changed since', async () => {
    const text = JSON.stringify(story);
    const dir = await folderWith(text);
    const hash = hashBytes(Buffer.from(text));
    expect(readStory(dir, 'a', hash).headline).toBe('عنوان');
    await writeFile(
      path.join(dir, 'articles', 'a.json'),
      JSON.stringify({ ...story, headline: 'آخر' }),
    );
    expect(() => readStory(dir, 'a', hash)).toThrow(StoryChangedSince);
    expect(() => readStory(dir, 'a', hash)).toThrow(
      /articles\/a\.json changed while the build ran/,
    );
  });
});
