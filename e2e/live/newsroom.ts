// The newsroom, as an open page sees it: what the next publish changes in the static
// API. Today it is simulated at the network edge (page.route over the real server's
// answers): a flow calls publish / update / withdraw / breaking, and the page's next
// requests see the change. The flows use only this interface, so they can be switched
// to the real `npm run publish` (write the story into QARI_CONTENT_DIR, run it) without
// changing a step.
import type { Page, Route } from '@playwright/test';
import { apiPaths } from '../../src/content/api-paths.ts';
import type {
  FrontPayload,
  ListHead,
  LivePayload,
  StoryPayload,
  Teaser,
} from '../../src/content/api-schema.ts';
import type { Article } from '../../src/content/article-schema.ts';
import { teaserOf } from '../../src/content/teaser.ts';

type Change = {
  front?: (front: FrontPayload) => FrontPayload;
  head?: (head: ListHead) => ListHead;
  live?: LivePayload;
};

export class SimulatedNewsroom {
  private readonly stories = new Map<string, StoryPayload>();
  private readonly withdrawn = new Set<string>();
  private readonly changes: Change[] = [];
  private installed = false;

  constructor(private readonly page: Page) {}

  /** Publishes a story: new in its section, on the front page, and (if breaking) in live.json. */
  async publish(story: StoryPayload): Promise<Teaser> {
    const teaser = teaserOf(story);
    this.stories.set(story.article.id, story);
    this.changes.push({
      front: (front) => publishOnFront(front, teaser),
      head: (head) =>
        head.kind === 'section' && head.id === story.article.section
          ? { ...head, items: [teaser, ...head.items], total: head.total + 1 }
          : head,
      ...(story.article.breaking ? { live: { breaking: teaser } } : {}),
    });
    await this.install();
    return teaser;
  }

  /** Publishes a new version of a story already published. */
  async update(story: StoryPayload): Promise<void> {
    this.stories.set(story.article.id, story);
    await this.install();
  }

  /** Withdraws a story: its JSON and its page answer 404, and it leaves every list. */
  async withdraw(id: string): Promise<void> {
    this.withdrawn.add(id);
    const keep = (teasers: Teaser[]) => teasers.filter((t) => t.id !== id);
    this.changes.push({
      front: (front) => ({
        lead: front.lead?.id === id ? null : front.lead,
        latest: keep(front.latest),
        rails: front.rails.map((rail) => ({ ...rail, items: keep(rail.items) })),
      }),
      head: (head) => {
        const items = keep(head.items);
        return { ...head, items, total: head.total - (head.items.length - items.length) };
      },
    });
    await this.install();
  }

  private async install(): Promise<void> {
    if (this.installed) return;
    this.installed = true;
    const json = (route: Route, body: unknown, status = 200) =>
      route.fulfill({
        status,
        contentType: 'application/json',
        headers: { 'cache-control': 'no-cache' },
        body: JSON.stringify(body),
      });
    await this.page.context().route(/\/api\/.*\.json(\?.*)?$/, async (route) => {
      const path = new URL(route.request().url()).pathname;
      const storyId = /^\/api\/articles\/([^/]+)\.json$/.exec(path)?.[1];
      if (storyId) {
        const id = decodeURIComponent(storyId);
        if (this.withdrawn.has(id)) return json(route, { error: 'not found' }, 404);
        const story = this.stories.get(id);
        return story ? json(route, story) : route.fallback();
      }
      if (path === apiPaths.live()) {
        const live = this.changes.findLast((c) => c.live)?.live;
        return live ? json(route, live) : route.fallback();
      }
      const isFront = path === apiPaths.front();
      const isHead = /^\/api\/(sections|tags)\/[^/]+\/head\.json$/.test(path);
      if (!isFront && !isHead) return route.fallback();
      const response = await route.fetch({ headers: { 'cache-control': 'no-cache' } });
      let body: unknown = await response.json();
      for (const change of this.changes) {
        if (isFront && change.front) body = change.front(body as FrontPayload);
        if (isHead && change.head) body = change.head(body as ListHead);
      }
      return json(route, body);
    });
    // A withdrawn story's page is a 404, as the server says once its files are gone.
    await this.page.context().route(/\/article\/[^/?]+$/, async (route) => {
      const id = decodeURIComponent(new URL(route.request().url()).pathname.split('/')[2] ?? '');
      if (!this.withdrawn.has(id) || route.request().resourceType() !== 'document')
        return route.fallback();
      const shell = await route.fetch({ url: new URL('/index.html', route.request().url()).href });
      return route.fulfill({ response: shell, status: 404 });
    });
  }
}

/**
 * The front page after a publish, as the build lays it out (buildFront): a new story with
 * a photo leads unless a breaking story does; the rest are the latest, newest first.
 */
function publishOnFront(front: FrontPayload, teaser: Teaser): FrontPayload {
  const leads = Boolean(teaser.breaking || (teaser.image && !front.lead?.breaking));
  const latest = leads
    ? [...(front.lead ? [front.lead] : []), ...front.latest]
    : [teaser, ...front.latest];
  return {
    ...front,
    lead: leads ? teaser : front.lead,
    latest: latest.slice(0, front.latest.length),
  };
}

/** A story as the newsroom writes it now: a copy of `base` under a new id and headline. */
export function freshStory(
  base: StoryPayload,
  id: string,
  headline: string,
  article: Partial<Article> = {},
): StoryPayload {
  const { updatedAt: _published, ...rest } = base.article;
  return {
    ...base,
    article: { ...rest, id, headline, publishedAt: new Date().toISOString(), ...article },
  };
}
