// @vitest-environment node
// The state is kept in shards named by their bytes: a publish rewrites only the shards
// whose records changed, a fresh process reads back what was written (the cards' text
// when first asked for), and files of a publish killed before `state.json` was renamed
// into place are never read, then removed.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PublishedStory, SiteState } from './site-state.ts';
import * as siteState from './site-state.ts';

let outDir: string;
const shardFiles = async () => (await readdir(path.join(outDir, '.qari', 'stories'))).sort();

const story = (n: number, headline = `عنوان ${n}`) =>
  ({ id: `s-${n}`, headline, picks: [`s-${n + 1}`] }) as unknown as PublishedStory;

function stateOf(stories: PublishedStory[], serial: number): SiteState {
  return {
    version: siteState.STATE_VERSION,
    serial,
    appBuild: 'test',
    sections: [{ id: 'news', name: 'أخبار' }],
    stories: Object.fromEntries(stories.map((s) => [s.id, s])),
    media: {},
  };
}

/** site-state.ts as a new process loads it: nothing remembered. */
async function freshModule(): Promise<typeof siteState> {
  vi.resetModules();
  return import('./site-state.ts');
}

const stories = Array.from({ length: 600 }, (_, n) => story(n));

beforeAll(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'qari-state-'));
});
afterAll(() => rm(outDir, { recursive: true, force: true }));

describe('site state', () => {
  it('keeps the records in one file per shard that holds any, and reads them back', async () => {
    const state = stateOf(stories, 1);
    await siteState.writeState(outDir, state);
    const shards = new Set(stories.map((s) => siteState.shardOf(s.id)));
    expect(await shardFiles()).toHaveLength(shards.size);
    const { readState } = await freshModule();
    expect(await readState(outDir)).toEqual(state);
  });

  it('rewrites only the shard of the one record that changed', async () => {
    const { readState, writeState, shardOf } = await freshModule();
    const before = await shardFiles();
    const read = (await readState(outDir)) as SiteState;
    const edited = { ...read.stories, 's-42': story(42, 'عنوان جديد') };
    await writeState(outDir, { ...read, serial: 2, stories: edited });
    const after = await shardFiles();
    const gone = before.filter((name) => !after.includes(name));
    const added = after.filter((name) => !before.includes(name));
    expect(gone).toHaveLength(1);
    expect(added).toEqual([expect.stringMatching(new RegExp(`^${shardOf('s-42')}-`))]);
    const fresh = await freshModule();
    expect((await fresh.readState(outDir))?.stories['s-42']?.headline).toBe('عنوان جديد');
  });

  it('never reads the shards of a publish killed before the state was written, and removes them', async () => {
    const dir = path.join(outDir, '.qari', 'stories');
    const named = await shardFiles();
    await writeFile(path.join(dir, '7-0000000000000000.json'), '{"s-x":{}}');
    await writeFile(path.join(dir, '9-1111111111111111.json.tmp'), '{');
    const { readState, writeState } = await freshModule();
    const read = (await readState(outDir)) as SiteState;
    expect(Object.keys(read.stories)).toHaveLength(600);
    await writeState(outDir, { ...read, serial: 3 });
    expect(await shardFiles()).toEqual(named);
  });

  it('reads a card when it is first asked for, from the shard files of the last state written', async () => {
    const { readState, writeState, shardOf } = await freshModule();
    const read = (await readState(outDir)) as SiteState;
    const neighbour = stories.find((s) => s.id !== 's-7' && shardOf(s.id) === shardOf('s-7'));
    // s-7's shard is written again, and its old files removed, before the neighbour's card is read.
    const edited = { ...read.stories, 's-7': story(7, 'عنوان آخر') };
    await writeState(outDir, { ...read, serial: 4, stories: edited });
    expect(read.stories[neighbour?.id as string]?.headline).toBe(neighbour?.headline);
    await writeState(outDir, { ...read, serial: 5 });
  });

  it('writes every shard again into a folder emptied since this process wrote it', async () => {
    const { readState, writeState } = await freshModule();
    const read = (await readState(outDir)) as SiteState;
    await writeState(outDir, { ...read, serial: 4 });
    const named = await shardFiles();
    // Records held whole, as a build holds them (read from the state, their cards would be gone too).
    const whole = Object.fromEntries(Object.entries(read.stories).map(([id, s]) => [id, { ...s }]));
    await rm(path.join(outDir, '.qari'), { recursive: true });
    await writeState(outDir, { ...read, serial: 5, stories: whole });
    expect(await shardFiles()).toEqual(named);
    const fresh = await freshModule();
    expect(Object.keys((await fresh.readState(outDir))?.stories ?? {})).toHaveLength(600);
  });

  it('reads no state from a dist/ without one, or with a shard missing', async () => {
    const { readState } = await freshModule();
    const [first] = await shardFiles();
    await rm(path.join(outDir, '.qari', 'stories', first as string));
    expect(await readState(outDir)).toBeNull();
    expect(await readState(path.join(outDir, 'nothing-here'))).toBeNull();
  });

  it('says what to do when a card cannot be read', async () => {
    const { writeState } = await freshModule();
    await writeState(outDir, stateOf(stories, 6));
    const read = await (await freshModule()).readState(outDir);
    expect(read).not.toBeNull();
    await rm(path.join(outDir, '.qari', 'cards'), { recursive: true });
    // The records are read whole but for their cards' text.
    expect(read?.stories['s-3']?.picks).toEqual(['s-4']);
    expect(() => read?.stories['s-3']?.headline).toThrow(/cannot be read .*run `npm run build`/);
  });
});
