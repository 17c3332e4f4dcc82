// The prerender uses its query clients and route handlers again, page after page: no
// page may show or carry another's data, whether rendered before it or beside it.
import { describe, expect, it } from 'vitest';
import { appPaths } from '#content/app-paths.ts';
import { storyPayload } from '#test/factories.ts';
import { pageSeeds, renderPage } from './entry-server.tsx';

const sections = pageSeeds.sections([{ id: 'world', name: 'العالم' }]);
const first = storyPayload({ article: { id: 'first-story', headline: 'العنوان الأول للقصة' } });
const second = storyPayload({ article: { id: 'second-story', headline: 'عنوان القصة الثانية' } });
const render = (payload: typeof first) =>
  renderPage(appPaths.story(payload.article.id), [sections, pageSeeds.story(payload)]);
const storyKeys = (state: Awaited<ReturnType<typeof render>>['state']) =>
  state.queries
    .map((query) => JSON.stringify(query.queryKey))
    .filter((key) => key.includes('story'));

describe('renderPage', () => {
  it('renders each page from its own data only, one after another', async () => {
    const a = await render(first);
    const b = await render(second);
    expect(a.html).toContain(first.article.headline);
    expect(b.html).toContain(second.article.headline);
    expect(b.html).not.toContain(first.article.headline);
    expect(storyKeys(b.state)).toEqual([JSON.stringify(pageSeeds.story(second).queryKey)]);
  });

  it('renders pages side by side without mixing them', async () => {
    const [a, b] = await Promise.all([render(first), render(second)]);
    expect(a.html).not.toContain(second.article.headline);
    expect(b.html).not.toContain(first.article.headline);
    expect(storyKeys(a.state)).toEqual([JSON.stringify(pageSeeds.story(first).queryKey)]);
    expect(storyKeys(b.state)).toEqual([JSON.stringify(pageSeeds.story(second).queryKey)]);
  });

  it('gives the same page the same bytes the second time', async () => {
    const once = await render(first);
    await render(second);
    const again = await render(first);
    expect(again.html).toBe(once.html);
    expect(again.state).toEqual(once.state);
  });
});
