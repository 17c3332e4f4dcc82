// @vitest-environment node
// A publish writes what a full build of the same content writes, byte for byte: over
// seeded random sequences of additions, edits (text, date, section, tags, photo,
// links), deletions, section renames and additions and photo file changes, each step's
// published dist/ is compared, file by file, with a fresh full build of the content.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { formatProblem } from '../content/problem.ts';
import { publishSite } from './publish-site.ts';
import { buildWhole, expectSameTree, newsroomIn } from './test-newsroom.ts';

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

const SEEDS = [1, 2, 3];
const STEPS = 4;

describe('publish ≡ full build', { timeout: 240_000 }, () => {
  it.each(SEEDS)(
    'seed %i: each step published equals the same content built whole',
    async (seed) => {
      const root = await mkdtemp(path.join(os.tmpdir(), 'qari-publish-'));
      made.push(root);
      const content = path.join(root, 'content');
      const room = await newsroomIn(content, seed, 8);
      const live = path.join(root, 'live');
      const app = await buildWhole(content, live);
      for (let step = 0; step < STEPS; step++) {
        await room.step();
        const result = await publishSite(app, { full: false });
        if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
        const fresh = path.join(root, `fresh-${step}`);
        await buildWhole(content, fresh);
        await expectSameTree(live, fresh);
        await rm(fresh, { recursive: true });
      }
    },
  );
});
