// What a build leaves in dist/.qari/ for the next publish: every story's record (with
// its related picks), the photos' renditions, the sections, and which app build the
// pages were made with. nginx never serves dot-folders (deploy/site.conf).
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Rendition } from '#content/api-schema.ts';
import type { Section } from '#content/article-schema.ts';
import type { StoryRecord } from './story-record.ts';

export const STATE_VERSION = 1;
export const STATE_DIR = '.qari';

export type PublishedStory = StoryRecord & {
  /** The related stories its page shows («قصص قد تهمك»). */
  picks: string[];
};

/** A local photo: its file as last read, its size, and its renditions' URLs. */
export type MediaRecord = {
  file: { hash: string; size: number; mtimeMs: number };
  width: number;
  height: number;
  rendition: Rendition;
};

export type SiteState = {
  version: typeof STATE_VERSION;
  siteUrl: string;
  /** Which build of the app the pages were made with (its HTML template and manifest). */
  appBuild: string;
  sections: Section[];
  stories: Record<string, PublishedStory>;
  media: Record<string, MediaRecord>;
};

export const statePath = (outDir: string) => path.join(outDir, STATE_DIR, 'state.json');

export async function readState(outDir: string): Promise<SiteState | null> {
  try {
    const state = JSON.parse(await readFile(statePath(outDir), 'utf8')) as SiteState;
    return state.version === STATE_VERSION ? state : null;
  } catch {
    return null;
  }
}

/** Written last, and atomically: a publish killed before this point is redone whole next time. */
export async function writeState(outDir: string, state: SiteState): Promise<void> {
  const file = statePath(outDir);
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(state));
  await rename(temp, file);
}
