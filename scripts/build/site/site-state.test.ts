// @vitest-environment node
// The state is kept in shards named by their bytes: a publish rewrites only the shards
// whose records changed, a fresh process reads back what was written (the cards' text
// when first asked for), and files of a publish killed before `state.json` was renamed
// into place are never read, then removed.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PublishedStory, SiteState } from './site-state.ts';
import * as siteState from './site-state.ts';

let outDir: string;
const shardFiles = async () => (await readdir(path.join(outDir, '.qari', 'stories'))).sort();
const cardFiles = async () => (await readdir(path.join(outDir, '.qari', 'cards'))).sort();

/** Story n, published on day n of 2026 (so in every month of it). */
const story = (n: number, headline = `عنوان ${n}`, picks = [`s-${n + 1}`]) =>
  ({
    id: `s-${n}`,
    published: Date.UTC(2026, 0, 1 + (n % 365)),
    headline,
    picks,
  }) as unknown as PublishedStory;

function stateOf(stories: PublishedStory[], serial: number): SiteState {
  return {
    version: siteState.STATE_VERSION,
    serial,
    appBuild: 'test',
    sections: [{ id: 'news', name: 'أخبار' }],
    stories: new Map(stories.map((s) => [s.id, s])),
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

  it('rewrites only the shard of the one record that changed, or the month of the card', async () => {
    const { readState, writeState, shardOf } = await freshModule();
    const changes = async (write: () => Promise<void>) => {
      const before = [...(await shardFiles()), ...(await cardFiles())];
      await write();
      const after = [...(await shardFiles()), ...(await cardFiles())];
      return {
        gone: before.filter((name) => !after.includes(name)),
        added: after.filter((name) => !before.includes(name)),
      };
    };
    const read = (await readState(outDir)) as SiteState;
    // Its headline: the file of its month's cards (day 42 is in February).
    const headline = new Map(read.stories).set('s-42', story(42, 'عنوان جديد'));
    const edit = await changes(() => writeState(outDir, { ...read, serial: 2, stories: headline }));
    expect(edit.gone).toHaveLength(1);
    expect(edit.added).toEqual([expect.stringMatching(/^2026-02-/)]);
    // Its picks: its shard's records.
    const read2 = (await readState(outDir)) as SiteState;
    const picks = new Map(read2.stories).set('s-42', story(42, 'عنوان جديد', ['s-1']));
    const pick = await changes(() => writeState(outDir, { ...read2, serial: 3, stories: picks }));
    expect(pick.gone).toHaveLength(1);
    expect(pick.added).toEqual([expect.stringMatching(new RegExp(`^${shardOf('s-42')}-`))]);
    const fresh = await freshModule();
    const s42 = (await fresh.readState(outDir))?.stories.get('s-42');
    expect([s42?.headline, s42?.picks]).toEqual(['عنوان جديد', ['s-1']]);
  });

  it('told which records changed, writes what comparing every record writes, and what a first write does', async () => {
    // A story on the first instant of February edited, one on the first of March removed,
    // new ones in February (one on its last instant) and in June of the year 25; and, in
    // a state of two, the last story of a shard and of a month removed.
    const inYear25 = new Date(0);
    inYear25.setUTCFullYear(25, 5, 15);
    const change = (stories: SiteState['stories']) => {
      const next = new Map(stories).set('s-31', story(31, 'عنوان جديد'));
      next.delete('s-59');
      const endOfFebruary = { ...story(401), published: Date.UTC(2026, 1, 28, 23, 59, 59, 999) };
      const old = { ...story(402), published: inYear25.getTime() };
      return next.set('s-400', story(400)).set('s-401', endOfFebruary).set('s-402', old);
    };
    const cases = [
      { all: stories, change, ids: ['s-31', 's-59', 's-400', 's-401', 's-402'] },
      {
        all: [story(0), story(40)],
        change: (stories: SiteState['stories']) => {
          const next = new Map(stories);
          next.delete('s-40');
          return next;
        },
        ids: ['s-40'],
      },
    ];
    for (const { all, change, ids } of cases) {
      const written = [];
      for (const way of ['told', 'compared', 'first'] as const) {
        const dir = await mkdtemp(path.join(os.tmpdir(), 'qari-state-way-'));
        const module = await freshModule();
        let state = stateOf(all, 1);
        if (way !== 'first') {
          await module.writeState(dir, state);
          state = (await module.readState(dir)) as SiteState;
        }
        const next = { ...state, serial: 2, stories: change(state.stories) };
        await module.writeState(dir, next, way === 'told' ? ids : undefined);
        const files = async (folder: string) =>
          (await readdir(path.join(dir, '.qari', folder))).sort();
        written.push({
          shards: await files('stories'),
          cards: await files('cards'),
          state: await readFile(path.join(dir, '.qari', 'state.json'), 'utf8'),
        });
        const read = await (await freshModule()).readState(dir);
        expect([...(read?.stories.keys() ?? [])].sort()).toEqual([...next.stories.keys()].sort());
        await rm(dir, { recursive: true, force: true });
      }
      expect(written[0]).toEqual(written[2]);
      expect(written[1]).toEqual(written[2]);
    }
  });

  it('never reads the shards of a publish killed before the state was written, and removes them', async () => {
    const dir = path.join(outDir, '.qari', 'stories');
    const named = await shardFiles();
    await writeFile(path.join(dir, '7-0000000000000000.json'), '{"s-x":{}}');
    await writeFile(path.join(dir, '9-1111111111111111.json.tmp'), '{');
    const { readState, writeState } = await freshModule();
    const read = (await readState(outDir)) as SiteState;
    expect(read.stories.size).toBe(600);
    await writeState(outDir, { ...read, serial: 3 });
    expect(await shardFiles()).toEqual(named);
  });

  it('reads a card when it is first asked for, from the files of the last state written', async () => {
    const { readState, writeState } = await freshModule();
    const read = (await readState(outDir)) as SiteState;
    const neighbour = stories[8];
    // A new story in January: January's cards are written again, and the old file removed,
    // before s-8's card is read (none of January's was read yet).
    const edited = new Map(read.stories).set('s-730', story(730, 'عنوان آخر'));
    await writeState(outDir, { ...read, serial: 4, stories: edited });
    expect(read.stories.get(neighbour?.id as string)?.headline).toBe(neighbour?.headline);
    await writeState(outDir, { ...read, serial: 5 });
    expect((await readState(outDir))?.stories.size).toBe(600);
  });

  it('writes every shard again into a folder emptied since this process wrote it', async () => {
    const { readState, writeState } = await freshModule();
    const read = (await readState(outDir)) as SiteState;
    await writeState(outDir, { ...read, serial: 4 });
    const named = await shardFiles();
    // Records held whole, as a build holds them (read from the state, their cards would be gone too).
    const whole = new Map([...read.stories].map(([id, s]) => [id, { ...s }]));
    await rm(path.join(outDir, '.qari'), { recursive: true });
    await writeState(outDir, { ...read, serial: 5, stories: whole });
    expect(await shardFiles()).toEqual(named);
    const fresh = await freshModule();
    expect((await fresh.readState(outDir))?.stories.size).toBe(600);
  });

  it('reads no state from a dist/ without one, or with a shard missing', async () => {
    const { readState } = await freshModule();
    const [first] = await shardFiles();
    await rm(path.join(outDir, '.qari', 'stories', first as string));
    expect(await readState(outDir)).toBeNull();
    expect(await readState(path.join(outDir, 'nothing-here'))).toBeNull();
  });

  it('keeps the records in ASCII, their Arabic escaped, and reads them back as they were', async () => {
    const { writeState } = await freshModule();
    const tagged = {
      ...story(1),
      id: 'قصة-1',
      tags: [{ id: 'طاقة', name: 'الطاقة 😀' }],
    } as unknown as PublishedStory;
    const state = stateOf([tagged], 7);
    await writeState(outDir, state);
    for (const name of await shardFiles()) {
      const bytes = await readFile(path.join(outDir, '.qari', 'stories', name));
      expect(bytes.every((byte) => byte < 0x80)).toBe(true);
    }
    expect(await (await freshModule()).readState(outDir)).toEqual(state);
  });

  it('says what to do when a card cannot be read', async () => {
    const { writeState } = await freshModule();
    await writeState(outDir, stateOf(stories, 6));
    const read = await (await freshModule()).readState(outDir);
    expect(read).not.toBeNull();
    await rm(path.join(outDir, '.qari', 'cards'), { recursive: true });
    // The records are read whole but for their cards' text.
    expect(read?.stories.get('s-3')?.picks).toEqual(['s-4']);
    expect(() => read?.stories.get('s-3')?.headline).toThrow(
      /cannot be read .*run `npm run build`/,
    );
  });
});
