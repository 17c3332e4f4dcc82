// For tests: a content folder edited like a newsroom does, by a seeded random
// generator: stories added, edited (text, date, section, tags, photo, links) and
// removed (with the links to them), sections renamed and added, a photo file replaced.
import {
  copyFile,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  statfs,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { Section } from '#content/article-schema.ts';
import { checkContent } from '../content/build-content.ts';
import { mapLimit } from '../content/map-limit.ts';
import { formatProblem } from '../content/problem.ts';
import { compressDist } from '../post-build/compress-dist.ts';
import { publishSite } from './publish-site.ts';
import { testAppBuild } from './test-app-build.ts';

type Json = Record<string, unknown>;
/**
 * How many seeds, steps and kills the publish tests run: by default few enough for
 * `npm test` in CI; `QARI_PUBLISH_ROUNDS=full` (`npm run test:publish`) runs them all.
 */
export const FULL_ROUNDS = process.env.QARI_PUBLISH_ROUNDS === 'full';
/** Shared by every test build, so each photo is encoded once. */
const MEDIA_CACHE = path.resolve('node_modules/.cache/qari-media-test');
export const PHOTOS = ['dandelion-seeds.jpg', 'marigold-in-garden.jpg'];
const TAGS: [string, string][] = [
  ['oil', 'نفط'],
  ['water', 'المياه'],
  ['space', 'الفضاء'],
];
const WORDS = ['سوق', 'نفط', 'ماء', 'قمر', 'مدينة', 'طريق', 'علم', 'كتاب', 'مطر', 'بحر'];

/** Mulberry32: a small seeded generator, so a failing seed can be run again. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]) => items[int(items.length)] as T;
  return { next, int, pick };
}

/** A content folder the test edits like a newsroom: stories, sections and photos. */
export class Newsroom {
  sections: Section[] = [
    { id: 'world', name: 'العالم' },
    { id: 'economy', name: 'اقتصاد' },
  ];
  stories = new Map<string, Json>();
  private serial = 0;
  constructor(
    readonly dir: string,
    private readonly rng: ReturnType<typeof random>,
  ) {}

  private text(n: number) {
    return Array.from({ length: n }, () => this.rng.pick(WORDS)).join(' ');
  }

  private story(id: string): Json {
    const { rng } = this;
    const ids = [...this.stories.keys()];
    const body: Json[] = [{ type: 'paragraph', content: [this.text(8 + rng.int(20))] }];
    if (ids.length > 0 && rng.next() < 0.3) {
      body.push({ type: 'readAlso', items: [{ id: rng.pick(ids) }] });
    }
    const story: Json = {
      schemaVersion: 1,
      id,
      headline: this.text(4),
      section: rng.pick(this.sections).id,
      // Within a few days, on whole minutes and sometimes the same one.
      publishedAt: new Date(Date.UTC(2026, 10, 20) + rng.int(600) * 10 * 60_000).toISOString(),
      body,
    };
    if (rng.next() < 0.5) story.summary = this.text(6);
    if (rng.next() < 0.7) {
      const tags = TAGS.filter(() => rng.next() < 0.5);
      if (tags.length > 0) story.tags = tags.map(([tid, name]) => ({ id: tid, name }));
    }
    if (rng.next() < 0.3) story.hero = { src: `media/photos/${rng.pick(PHOTOS)}`, alt: 'صورة' };
    if (rng.next() < 0.1) story.breaking = true;
    if (ids.length > 1 && rng.next() < 0.15) story.related = [rng.pick(ids)];
    return story;
  }

  add(): string {
    const id = `s-${this.serial++}`;
    this.stories.set(id, this.story(id));
    return id;
  }

  edit() {
    const { rng } = this;
    const id = rng.pick([...this.stories.keys()]);
    const old = this.stories.get(id) as Json;
    const fresh = this.story(id);
    // Change one or a few things, keep the rest.
    const keys = ['headline', 'summary', 'section', 'tags', 'hero', 'publishedAt', 'body'];
    const next: Json = { ...old };
    for (const key of keys.filter(() => rng.next() < 0.4)) {
      if (key === 'body' && JSON.stringify(fresh.body).includes(`"${id}"`)) continue;
      if (fresh[key] === undefined) delete next[key];
      else next[key] = fresh[key];
    }
    if (next.publishedAt !== old.publishedAt) delete next.updatedAt;
    else if (rng.next() < 0.5) next.updatedAt = '2026-11-25T00:00:00.000Z';
    this.stories.set(id, next);
  }

  remove(id = this.rng.pick([...this.stories.keys()])) {
    this.stories.delete(id);
    // Links to it go too, as an editor would have to do (the check refuses them).
    for (const [other, story] of this.stories) {
      const related = (story.related as string[] | undefined)?.filter((r) => r !== id);
      const body = (story.body as Json[]).filter((b) => !JSON.stringify(b).includes(`"${id}"`));
      const next: Json = { ...story, body };
      if (related?.length) next.related = related;
      else delete next.related;
      if (JSON.stringify(next) !== JSON.stringify(story)) this.stories.set(other, next);
    }
  }

  renameSection() {
    const section = this.rng.pick(this.sections);
    section.name = `${section.name} ${this.rng.pick(WORDS)}`;
  }

  addSection() {
    this.sections.push({ id: `sec-${this.serial++}`, name: this.text(1) });
  }

  async swapPhoto() {
    const [a, b] = PHOTOS as [string, string];
    const from = this.rng.next() < 0.5 ? a : 'green-leaf-veins.jpg';
    await copyFile(
      path.resolve('content/media/photos', from),
      path.join(this.dir, 'media/photos', b),
    );
  }

  async save() {
    await writeFile(path.join(this.dir, 'sections.json'), JSON.stringify(this.sections));
    const dir = path.join(this.dir, 'articles');
    const there = new Set(await readdir(dir));
    for (const [id, story] of this.stories) {
      const file = path.join(dir, `${id}.json`);
      const text = JSON.stringify(story, null, 2);
      there.delete(`${id}.json`);
      if ((await readFile(file, 'utf8').catch(() => '')) !== text) await writeFile(file, text);
    }
    for (const name of there) await rm(path.join(dir, name));
  }

  async step() {
    const ops = 1 + this.rng.int(3);
    for (let i = 0; i < ops; i++) {
      const roll = this.rng.next();
      if (roll < 0.35 || this.stories.size < 3) this.add();
      else if (roll < 0.65) this.edit();
      else if (roll < 0.85) this.remove();
      else if (roll < 0.9) this.renameSection();
      else if (roll < 0.95) this.addSection();
      else await this.swapPhoto();
    }
    await this.save();
  }
}

/** Room enough on tmpfs for a test's few sites at once (a small site is some 5,000 files). */
const TMPFS = { dir: '/dev/shm', minFree: 1024 ** 3 };

/**
 * A new folder for a test's sites: in memory (/dev/shm) when it has room, as the many
 * small files of a site cost several times more on a busy disk; else the temp folder.
 */
export async function siteScratch(prefix: string): Promise<string> {
  const roomy = await statfs(TMPFS.dir).then(
    (fs) => fs.bavail * fs.bsize >= TMPFS.minFree,
    () => false,
  );
  if (roomy) {
    const made = await mkdtemp(path.join(TMPFS.dir, prefix)).catch(() => null);
    if (made) return made;
  }
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

/** A newsroom over a new content folder in `dir`, with `stories` stories saved. */
export async function newsroomIn(dir: string, seed: number, stories: number): Promise<Newsroom> {
  await mkdir(path.join(dir, 'articles'), { recursive: true });
  await mkdir(path.join(dir, 'media', 'photos'), { recursive: true });
  for (const photo of PHOTOS) {
    await copyFile(
      path.resolve('content/media/photos', photo),
      path.join(dir, 'media/photos', photo),
    );
  }
  const room = new Newsroom(dir, random(seed));
  for (let i = 0; i < stories; i++) room.add();
  await room.save();
  return room;
}

/** A full build of `content` into `out`, precompressed as `npm run build` leaves it. */
export async function buildWhole(content: string, out: string, ssrEntry?: string) {
  const checked = await checkContent(content);
  expect(checked.problems.map(formatProblem)).toEqual([]);
  if (!checked.content) throw new Error('invalid corpus');
  const app = await testAppBuild(content, out, { mediaCacheDir: MEDIA_CACHE, ssrEntry });
  const result = await publishSite(app, { full: true, content: checked.content });
  expect(result.ok).toBe(true);
  await compressDist(out, { workers: 1 });
  return app;
}

export type SiteTree = Map<string, Buffer>;

/** Every file of a site under `dir`, relative to it, with its bytes. */
export async function siteTree(dir: string): Promise<SiteTree> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    // The publish's own records; the page markers are the site's.
    .filter((file) => !file.startsWith('.qari/') || file.startsWith('.qari/list-pages/'));
  // Side by side: a site is some 5,000 small files, most of them the search index.
  const bytes = await mapLimit(names, 16, (file) => readFile(path.join(dir, file)));
  return new Map(names.map((file, i) => [file, bytes[i] as Buffer]));
}

/** The site in `published` is `built` (a folder, or a site tree taken before), byte for byte. */
export async function expectSameTree(published: string, built: string | SiteTree) {
  const [a, b] = await Promise.all([
    siteTree(published),
    typeof built === 'string' ? siteTree(built) : built,
  ]);
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  const differ = names.filter((name) => !a.get(name)?.equals(b.get(name) ?? Buffer.alloc(0)));
  expect(
    differ.map(
      (name) => `${name}: ${a.has(name) ? 'published' : '-'} / ${b.has(name) ? 'built' : '-'}`,
    ),
  ).toEqual([]);
}
