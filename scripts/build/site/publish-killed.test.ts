// @vitest-environment node
// A publish killed with SIGKILL at a random moment leaves a site where every link from
// every list, the front and live.json leads to a story whose files are there (and whose
// photo renditions are), and the next publish completes it: after the last kill, one
// publish makes the site equal to a full build of the content, byte for byte.
// Each round edits the content, starts a publish in a child process and kills it after
// a random part of the time an uncut publish takes, each kill in its own slice of that
// time so that a few reach from the first writes to the last. A publish that ends before
// its kill (the machine got quicker) times the next ones, and its kill is tried again.
// Three kills by default, fifty with QARI_PUBLISH_ROUNDS=full (`npm run test:publish`).
import { type ChildProcess, spawn } from 'node:child_process';
import { access, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiPaths } from '#content/api-paths.ts';
import type { FrontPayload, LivePayload, Teaser } from '#content/api-schema.ts';
import { appPaths } from '#content/app-paths.ts';
import { htmlFileFor } from '../prerender/page-renderer.ts';
import { publishSite } from './publish-site.ts';
import { testAppBuild, testSsrBundle } from './test-app-build.ts';
import {
  buildWhole,
  expectSameTree,
  FULL_ROUNDS,
  newsroomIn,
  random,
  siteScratch,
} from './test-newsroom.ts';

/** Kills per run: the fifty in `npm run test:publish`, three in every `npm test`. */
const ROUNDS = FULL_ROUNDS ? 50 : 3;

const made: string[] = [];
const children: ChildProcess[] = [];
afterAll(async () => {
  // Those still loading when a round failed.
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/** Every card a list page, the front page or the breaking bar shows, with where it was found. */
async function linkedCards(out: string): Promise<{ from: string; card: Teaser }[]> {
  const cards: { from: string; card: Teaser }[] = [];
  const front = JSON.parse(
    await readFile(path.join(out, 'api/front.json'), 'utf8'),
  ) as FrontPayload;
  for (const card of [front.lead, ...front.latest, ...front.rails.flatMap((r) => r.items)]) {
    if (card) cards.push({ from: 'api/front.json', card });
  }
  const live = JSON.parse(await readFile(path.join(out, 'api/live.json'), 'utf8')) as LivePayload;
  if (live.breaking) cards.push({ from: 'api/live.json', card: live.breaking });
  for (const entry of await readdir(path.join(out, 'api'), {
    recursive: true,
    withFileTypes: true,
  })) {
    const file = path.relative(out, path.join(entry.parentPath, entry.name));
    if (!entry.isFile() || !/^api\/(sections|tags)\/.*\.json$/.test(file)) continue;
    const list = JSON.parse(await readFile(path.join(out, file), 'utf8')) as { items: Teaser[] };
    for (const card of list.items) cards.push({ from: file, card });
  }
  return cards;
}

/** Links that lead nowhere: a story's JSON or page missing, or its photo's rendition. */
async function brokenLinks(out: string): Promise<string[]> {
  const broken: string[] = [];
  for (const { from, card } of await linkedCards(out)) {
    const files = [apiPaths.story(card.id).slice(1), htmlFileFor(appPaths.story(card.id))];
    if (card.image?.src.startsWith('/')) files.push(card.image.src.slice(1));
    for (const file of files) {
      if (!(await exists(path.join(out, decodeURIComponent(file)))))
        broken.push(`${from} → ${file}`);
    }
  }
  return broken;
}

function startChild(app: object): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.resolve('scripts/build/site/test-publish-child.ts')],
      {
        env: { ...process.env, QARI_TEST_APP: JSON.stringify(app) },
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    children.push(child);
    child.on('error', reject);
    child.stdout?.once('data', () => resolve(child));
  });
}

/**
 * The children of a run: the `planned` ones each loading (Node, the renderer, sharp)
 * ahead of its round, at most `ahead` at once, as their start is most of a round's
 * time; any more when asked for.
 */
function childQueue(app: object, planned: number, ahead: number): () => Promise<ChildProcess> {
  const loading: Promise<ChildProcess>[] = [];
  let started = 0;
  const fill = () => {
    for (; loading.length < ahead && started < planned; started++) loading.push(startChild(app));
  };
  fill();
  return () => {
    const child = loading.shift() ?? startChild(app);
    fill();
    return child;
  };
}

/** Starts the child's publish; resolves with whether it finished before `killAfter` ms. */
function publishAndKill(child: ChildProcess, killAfter: number): Promise<boolean> {
  return new Promise((resolve) => {
    let finished = false;
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('done')) finished = true;
    });
    child.on('exit', () => resolve(finished));
    child.stdin?.write('go\n');
    setTimeout(() => child.kill('SIGKILL'), killAfter);
  });
}

// About 5 s a round on the shared 2-core machine.
describe('a publish killed at any moment', { timeout: 120_000 + ROUNDS * 20_000 }, () => {
  it(`leaves every link whole and is completed by the next publish (${ROUNDS} kills)`, async () => {
    const ssrBundle = await testSsrBundle();
    const root = await siteScratch('qari-killed-');
    made.push(root);
    const content = path.join(root, 'content');
    const live = path.join(root, 'live');
    const room = await newsroomIn(content, 11, 12);
    const app = await testAppBuild(content, live, {
      ssrEntry: ssrBundle,
      mediaCacheDir: path.resolve('node_modules/.cache/qari-media-test'),
    });
    // Children load while the site is built: one reads dist/ only once told to go.
    const nextChild = childQueue(app, ROUNDS + 1, 4);
    await buildWhole(content, live, ssrBundle);
    const rng = random(11);

    // How long an uncut publish of one round's changes takes, to kill within it.
    await room.step();
    let child = await nextChild();
    let started = performance.now();
    expect(await publishAndKill(child, 60_000)).toBe(true);
    let uncut = performance.now() - started;

    let killed = 0;
    for (let round = 0; killed < ROUNDS; round++) {
      expect(round, `${killed} of ${round} publishes killed`).toBeLessThan(3 * ROUNDS);
      await room.step();
      child = await nextChild();
      started = performance.now();
      const finished = await publishAndKill(child, ((killed + rng.next()) / ROUNDS) * uncut);
      if (finished) uncut = performance.now() - started;
      else killed++;
      expect(
        await brokenLinks(live),
        `round ${round}, ${finished ? 'finished' : 'killed'} after ${Math.round(performance.now() - started)} ms`,
      ).toEqual([]);
    }

    const fresh = path.join(root, 'fresh');
    const [result] = await Promise.all([
      publishSite(app, { full: false }),
      buildWhole(content, fresh, ssrBundle),
    ]);
    expect(result.ok).toBe(true);
    await expectSameTree(live, fresh);
  });
});
