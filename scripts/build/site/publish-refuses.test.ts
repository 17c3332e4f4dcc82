// @vitest-environment node
// A publish of content that a build would refuse writes nothing, and says why in the
// contract's `<file>: <json path>: <what>` lines; a publish without a built dist/ asks
// for a build.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { checkContent } from '../content/build-content.ts';
import { loadContent } from '../content/load-content.ts';
import { formatProblem } from '../content/problem.ts';
import type { AppBuild } from './app-build.ts';
import { willPublishAgain } from './ordered-records.ts';
import { PublishRefused, publishSite } from './publish-site.ts';
import { testAppBuild } from './test-app-build.ts';
import { buildWhole, type Newsroom, newsroomIn, siteScratch } from './test-newsroom.ts';

let root: string;
let content: string;
let room: Newsroom;
let live: string;
let app: AppBuild;
// One built site for both tests: the second asks for nothing the first changes.
beforeAll(async () => {
  root = await siteScratch('qari-refuse-');
  content = path.join(root, 'content');
  room = await newsroomIn(content, 5, 6);
  live = path.join(root, 'live');
  app = await buildWhole(content, live);
}, 120_000);
afterAll(() => rm(root, { recursive: true, force: true }));

/** A story file calling tag `oil` «بترول», where the newsroom's stories say «نفط». */
const oilCalledOtherwise = (fields: Record<string, unknown>) =>
  JSON.stringify({
    schemaVersion: 1,
    publishedAt: '2026-11-30T10:00:00Z',
    tags: [{ id: 'oil', name: 'بترول' }],
    body: [{ type: 'paragraph', content: ['نص'] }],
    ...fields,
  });

/** Every file under `dir` with its bytes and mtime, the state included. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), (await readFile(file)).toString('base64'));
  }
  return files;
}

describe('a publish that must not happen', { timeout: 120_000 }, () => {
  it('leaves dist/ untouched when a changed file is invalid, naming every problem', async () => {
    const before = await snapshot(live);

    // A story in a section that does not exist, without a headline, calling a tag by
    // another name than the published stories do; another that links to a story that is
    // being deleted.
    const [first, second] = [...room.stories.keys()] as [string, string];
    await writeFile(
      path.join(content, 'articles', 'new-one.json'),
      oilCalledOtherwise({ id: 'new-one', section: 'nowhere' }),
    );
    const linking = { ...(room.stories.get(second) as object), related: [first] };
    await writeFile(path.join(content, 'articles', `${second}.json`), JSON.stringify(linking));
    await rm(path.join(content, 'articles', `${first}.json`));

    const result = await publishSite(app, { full: false });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.problems.map(formatProblem);
    expect(lines).toEqual(
      expect.arrayContaining([
        'articles/new-one.json: headline: required field is missing',
        'articles/new-one.json: section: unknown section "nowhere"',
        `articles/${second}.json: related[0]: unknown story id "${first}"`,
      ]),
    );
    expect(lines.filter((line) => line.includes('tag "oil"'))).toEqual([
      expect.stringMatching(
        /^articles\/new-one\.json: tags\[0\]\.name: tag "oil" is named "بترول" here but "نفط" in articles\/.+\.json$/,
      ),
    ]);
    // The same lines a build of the folder prints.
    expect(lines).toEqual((await loadContent(content)).problems.map(formatProblem));
    expect(await snapshot(live)).toEqual(before);
  });

  it('stops a full build at a story saved after the check, naming its file', async () => {
    const folder = path.join(root, 'saved-meanwhile');
    const saving = await newsroomIn(folder, 9, 4);
    const { content: checked } = await checkContent(folder);
    if (!checked) throw new Error('invalid corpus');
    const [id] = [...saving.stories.keys()] as [string];
    const edited = { ...(saving.stories.get(id) as object), headline: 'عنوان حفظه محرر للتو' };
    await writeFile(path.join(folder, 'articles', `${id}.json`), JSON.stringify(edited));
    const out = path.join(root, 'saved-meanwhile-dist');
    await expect(
      publishSite(await testAppBuild(folder, out), { full: true, content: checked }),
    ).rejects.toThrow(`articles/${id}.json changed while the build ran`);
  });

  it('names a tag called otherwise than the published stories in a process that publishes again', async () => {
    // Under --watch the published stories' tags come from the order the process keeps,
    // not from a look at every story: the same line either way.
    const folder = path.join(root, 'watching');
    const watching = await newsroomIn(folder, 6, 7);
    const out = path.join(root, 'watching-dist');
    const site = await buildWhole(folder, out);
    const [id] = [...watching.stories.keys()] as [string];
    const edited = { ...(watching.stories.get(id) as object), headline: 'عنوان جديد للقصة' };
    await writeFile(path.join(folder, 'articles', `${id}.json`), JSON.stringify(edited));
    expect((await publishSite(site, { full: false })).ok).toBe(true);
    const before = await snapshot(out);
    await writeFile(
      path.join(folder, 'articles', 'renamed-tag.json'),
      oilCalledOtherwise({ id: 'renamed-tag', headline: 'قصة بوسم باسم آخر', section: 'world' }),
    );
    const touched = new Set(['articles/renamed-tag.json']);
    const result = await publishSite(site, { full: false, touched });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^articles\/renamed-tag\.json: tags\[0\]\.name: tag "oil" is named "بترول" here but "نفط" in articles\/.+\.json$/,
      ),
    ]);
    expect(await snapshot(out)).toEqual(before);
  });

  it('refuses to delete a story a published one names, in a process that publishes again', async () => {
    // Under --watch the stories naming a deleted one come from the references the process
    // keeps, not from a look at every story: the same line either way.
    willPublishAgain();
    onTestFinished(() => willPublishAgain(false));
    const folder = path.join(root, 'deleting');
    const deleting = await newsroomIn(folder, 8, 7);
    const out = path.join(root, 'deleting-dist');
    const site = await buildWhole(folder, out);
    const [named, naming] = [...deleting.stories.keys()] as [string, string];
    const linking = { ...(deleting.stories.get(naming) as object), related: [named] };
    await writeFile(path.join(folder, 'articles', `${naming}.json`), JSON.stringify(linking));
    expect((await publishSite(site, { full: false })).ok).toBe(true);
    const before = await snapshot(out);
    await rm(path.join(folder, 'articles', `${named}.json`));
    const touched = new Set([`articles/${named}.json`]);
    const result = await publishSite(site, { full: false, touched });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatProblem)).toContain(
      `articles/${naming}.json: related[0]: unknown story id "${named}"`,
    );
    expect(await snapshot(out)).toEqual(before);
  });

  it('asks for a build when dist/ holds no site, or another app build', async () => {
    const empty = await testAppBuild(content, path.join(root, 'empty'));
    await expect(publishSite(empty, { full: false })).rejects.toThrow(/run `npm run build` first/);
    await expect(
      publishSite({ ...app, siteUrl: 'https://other.test' }, { full: false }),
    ).rejects.toThrow(PublishRefused);
  });
});
