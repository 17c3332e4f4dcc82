// @vitest-environment node
// A publish writes what a full build of the same content writes, byte for byte, list
// page markers (deploy/site.conf) included: over seeded random sequences of additions,
// edits (text, date, section, tags, photo, links), deletions, section renames and
// additions and photo file changes, each step's published dist/ is compared, file by
// file, with a fresh full build of the content. One seed by default, three with
// QARI_PUBLISH_ROUNDS=full (`npm run test:publish`).
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { exists } from '../content/exists.ts';
import { formatProblem } from '../content/problem.ts';
import type { AppBuild } from './app-build.ts';
import { listPageMarker } from './list-files.ts';
import { publishSite } from './publish-site.ts';
import {
  buildWhole,
  expectSameTree,
  FULL_ROUNDS,
  newsroomIn,
  siteScratch,
  siteTree,
} from './test-newsroom.ts';

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

const SEEDS = FULL_ROUNDS ? [1, 2, 3] : [1];
const STEPS = 4;

async function site(seed: number, stories: number) {
  const root = await siteScratch('qari-publish-');
  made.push(root);
  const content = path.join(root, 'content');
  const room = await newsroomIn(content, seed, stories);
  const live = path.join(root, 'live');
  let fresh = 0;
  return {
    room,
    live,
    build: () => buildWhole(content, live),
    /** Publishes the saved content into `live`, then compares it with a full build of it. */
    async publishAndCompare(app: AppBuild) {
      const built = path.join(root, `fresh-${fresh++}`);
      // Side by side: they read the same content and write to folders of their own.
      const [result] = await Promise.all([
        publishSite(app, { full: false }),
        buildWhole(content, built),
      ]);
      if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
      await expectSameTree(live, built);
      // The state as a new process reads it: the records the build kept (in another order).
      expect(await storedRecords(live)).toEqual(await storedRecords(built));
      await rm(built, { recursive: true });
    },
  };
}

/**
 * The state's records as a new process reads them from `dir` (not the ones this process
 * keeps in memory), sorted by id, with their cards: a shard or month a publish left stale
 * on disk shows here.
 */
async function storedRecords(dir: string) {
  vi.resetModules();
  const { readState } = await import('./site-state.ts');
  const state = await readState(dir);
  return [...(state?.stories.values() ?? [])]
    .map(({ headline, summary, hero, ...rest }) => ({ ...rest, headline, summary, hero }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

describe('publish ≡ full build', { timeout: 240_000 }, () => {
  it.each(SEEDS)(
    'seed %i: each step published equals the same content built whole',
    async (seed) => {
      const { room, build, publishAndCompare } = await site(seed, 8);
      const app = await build();
      for (let step = 0; step < STEPS; step++) {
        await room.step();
        await publishAndCompare(app);
      }
    },
  );

  it('a list gains its second page at 40 stories and loses it at 39, page marker, tag and month sitemap all', async () => {
    const { room, live, build, publishAndCompare } = await site(4, 0);
    room.sections.splice(1);
    for (let i = 0; i < 39; i++) room.add();
    await room.save();
    const app = await build();
    const at39 = await siteTree(live);
    const marker = (kind: 'section' | 'tag', id: string, page: number) =>
      exists(path.join(live, listPageMarker(kind, id, page).slice(1)));
    expect(await marker('section', 'world', 1)).toBe(true);
    expect(await marker('section', 'world', 2)).toBe(false);

    // The 40th story, alone with its tag, and alone in its month.
    const id = room.add();
    room.stories.set(id, {
      ...room.stories.get(id),
      tags: [{ id: 'moon', name: 'القمر' }],
      publishedAt: '2019-06-15T08:00:00Z',
    });
    await room.save();
    await publishAndCompare(app);
    expect(await marker('section', 'world', 2)).toBe(true);
    expect(await marker('tag', 'moon', 1)).toBe(true);
    const month = path.join(live, 'sitemaps', 'stories-2019-06.xml');
    expect(await exists(month)).toBe(true);

    // Back to the 39 stories built first: the site must be that build again.
    room.remove(id);
    await room.save();
    const result = await publishSite(app, { full: false });
    expect(result.ok).toBe(true);
    await expectSameTree(live, at39);
    expect(await marker('section', 'world', 2)).toBe(false);
    expect(await marker('tag', 'moon', 1)).toBe(false);
    expect(await exists(month)).toBe(false);
  });
});
