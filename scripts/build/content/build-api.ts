// The static API of a checked corpus, in memory: what a full build writes into
// dist/api/, made by the same plan a publish uses (scripts/build/site/site-plan.ts).
import { apiPaths } from '#content/api-paths.ts';
import type { Rendition } from '#content/api-schema.ts';
import type { Article, Section } from '#content/article-schema.ts';
import { type ApiFile, listFiles, listPageMarker } from '../site/list-files.ts';
import { planSite } from '../site/site-plan.ts';
import { storyFrame, withArticle } from '../site/story-payload.ts';
import { storyRecord } from '../site/story-record.ts';
import type { Corpus } from './load-content.ts';

export { buildFront, LATEST_COUNT, RAIL_COUNT } from '../site/front-page.ts';
export { buildLive } from '../site/live-payload.ts';
export type { ApiFile };
export { listFiles as listPages, listPageMarker };

export function newestFirst(a: Article, b: Article): number {
  return Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || a.id.localeCompare(b.id);
}

const NO_FILE = { hash: '', size: 0, mtimeMs: 0 };

export function* buildApi(corpus: Corpus, renditions: Map<string, Rendition>): Generator<ApiFile> {
  const records = new Map(corpus.articles.map((a) => [a.id, storyRecord(a, NO_FILE)]));
  const plan = planSite({
    sections: corpus.sections,
    sectionsBefore: null,
    before: null,
    after: records,
    changed: new Set(records.keys()),
    removed: [],
    renditions,
    changedMedia: new Set(),
  });
  const sections = new Map(corpus.sections.map((s) => [s.id, s]));
  const articles = new Map(corpus.articles.map((a) => [a.id, a]));
  yield { path: apiPaths.sections(), payload: corpus.sections };
  yield { path: apiPaths.front(), payload: plan.front };
  yield { path: apiPaths.live(), payload: plan.live };
  for (const story of plan.stories) {
    const article = articles.get(story.id) as Article;
    const section = sections.get(story.section) as Section;
    yield {
      path: apiPaths.story(story.id),
      payload: withArticle(
        article,
        storyFrame(story, section, renditions, story.picks, plan.teaser),
      ),
    };
  }
  for (const file of plan.listFiles) yield file;
}
