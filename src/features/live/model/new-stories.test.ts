import { describe, expect, it } from 'vitest';
import type { FrontPayload } from '#content/api-schema.ts';
import { countLabel } from '#shared/lib/count-label.ts';
import { teaser } from '#test/factories.ts';
import { frontStoryIds, listStoryIds, NEW_STORY_FORMS, newStoryIds } from './new-stories.ts';

const t = (id: string) => teaser({ id });

describe('frontStoryIds', () => {
  it('lists the lead, the latest and the rails top to bottom, each story once', () => {
    const front: FrontPayload = {
      lead: t('a'),
      latest: [t('b'), t('c')],
      rails: [
        { section: { id: 'world', name: 'العالم' }, items: [t('c'), t('d')] },
        { section: { id: 'sport', name: 'رياضة' }, items: [t('e')] },
      ],
    };
    expect(frontStoryIds(front)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(frontStoryIds({ lead: null, latest: [], rails: [] })).toEqual([]);
  });
});

describe('newStoryIds', () => {
  it('gives the stories the network has and the page does not, in the network order', () => {
    expect(newStoryIds(['n2', 'n1', 'a', 'b'], ['a', 'b', 'c'])).toEqual(['n2', 'n1']);
  });

  it('gives nothing when the page shows all of them, or stories dropped off the list', () => {
    expect(newStoryIds(['a', 'b'], ['a', 'b', 'c'])).toEqual([]);
    expect(newStoryIds([], ['a'])).toEqual([]);
  });

  it('reads a list page', () => {
    expect(listStoryIds({ items: [t('x'), t('y')] })).toEqual(['x', 'y']);
  });
});

describe('NEW_STORY_FORMS', () => {
  it('counts new stories by the Arabic plural rules', () => {
    const label = (n: number) => countLabel(n, NEW_STORY_FORMS, 'latn');
    expect(label(1)).toBe('قصة جديدة');
    expect(label(2)).toBe('قصتان جديدتان');
    expect(label(3)).toBe('3 قصص جديدة');
    expect(label(11)).toBe('11 قصة جديدة');
    expect(label(100)).toBe('100 قصة جديدة');
    expect(countLabel(3, NEW_STORY_FORMS, 'arab')).toBe('٣ قصص جديدة');
  });
});
