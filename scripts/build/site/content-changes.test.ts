// @vitest-environment node
// contentChanges finds what changed since the last publish: by looking at every story
// file, or, given the files a watcher named (`--watch`), at those only.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileStamp } from '../content/load-content.ts';
import { loadContent } from '../content/load-content.ts';
import { contentChanges } from './content-changes.ts';
import { type SiteState, STATE_VERSION } from './site-state.ts';
import { sweepStoryFiles } from './story-file-sweep.ts';
import { storyRecord } from './story-record.ts';
import { newsroomIn, siteScratch } from './test-newsroom.ts';

let root: string;
let content: string;
let state: SiteState;
const storyFile = (id: string) => path.join(content, 'articles', `${id}.json`);

beforeAll(async () => {
  root = await siteScratch('qari-changes-');
  content = path.join(root, 'content');
  const room = await newsroomIn(content, 7, 5);
  const { corpus } = await loadContent(content);
  if (!corpus) throw new Error('the test newsroom does not check');
  const stories: SiteState['stories'] = new Map();
  for (const article of corpus.articles) {
    const stamp = corpus.stamps.get(article.id) as FileStamp;
    stories.set(article.id, { ...storyRecord(article, stamp), picks: [] });
  }
  state = {
    version: STATE_VERSION,
    serial: 1,
    appBuild: 'test',
    sections: corpus.sections,
    stories,
    media: {},
  };
  // After the state: s-4 removed (the newest: no story links to it), s-5 new, s-0 edited.
  room.remove('s-4');
  room.add();
  await room.save();
  const edited = JSON.parse(await readFile(storyFile('s-0'), 'utf8'));
  await writeFile(storyFile('s-0'), JSON.stringify({ ...edited, headline: 'عنوان جديد' }));
}, 60_000);
afterAll(() => rm(root, { recursive: true, force: true }));

const found = async (touched?: ReadonlySet<string>, swept = false) => {
  const sweep = swept ? await sweepStoryFiles(content) : null;
  const result = await contentChanges(content, state, new Set(), touched, sweep);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return { changed: [...result.changes.changed.keys()].sort(), removed: result.changes.removed };
};

describe('contentChanges', () => {
  it('finds edited, new and removed stories by looking at every file', async () => {
    expect(await found()).toEqual({ changed: ['s-0', 's-5'], removed: ['s-4'] });
  });

  it('finds the same from a sweep made on a thread', async () => {
    expect(await found(undefined, true)).toEqual({ changed: ['s-0', 's-5'], removed: ['s-4'] });
  });

  it('looks only at the files a watcher named, without listing the folder', async () => {
    expect(
      await found(new Set(['articles/s-0.json', 'articles/s-4.json', 'articles/s-5.json'])),
    ).toEqual({ changed: ['s-0', 's-5'], removed: ['s-4'] });
    // A change the watcher did not name is not looked for: the watcher is trusted.
    expect(await found(new Set(['articles/s-0.json']))).toEqual({ changed: ['s-0'], removed: [] });
    expect(await found(new Set(['articles/s-4.json']))).toEqual({ changed: [], removed: ['s-4'] });
    expect(await found(new Set())).toEqual({ changed: [], removed: [] });
  });

  it('takes a story a killed publish was writing as changed, named or not', async () => {
    const result = await contentChanges(content, state, new Set(['s-1']), new Set());
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect([...result.changes.changed.keys()]).toEqual(['s-1']);
    expect(result.changes.records.size).toBe(5);
  });
});
