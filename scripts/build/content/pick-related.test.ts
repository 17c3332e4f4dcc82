// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Article } from '#content/article-schema.ts';
import { seededRandom } from '../../dev/generate-content.ts';
import { newestFirst } from '../site/story-record.ts';
import { pickRelated, RELATED_COUNT } from './pick-related.ts';
import { listsOf } from './story-lists.ts';

type Story = Article & { published: number };

function article(
  id: string,
  day: number,
  section: string,
  tags: string[] = [],
  related?: string[],
): Story {
  const publishedAt = `2026-01-${String(day).padStart(2, '0')}T10:00:00Z`;
  return {
    schemaVersion: 1,
    id,
    lang: 'ar',
    headline: id,
    section,
    publishedAt,
    published: Date.parse(publishedAt),
    tags: tags.map((t) => ({ id: t, name: t })),
    body: [{ type: 'heading', text: id }],
    ...(related ? { related } : {}),
  };
}

function pick(target: Story, others: Story[]): string[] {
  const all = [target, ...others].sort(newestFirst);
  return pickRelated(target, listsOf(all));
}

describe('pickRelated', () => {
  it('keeps an explicit related list as written', () => {
    const me = article('me', 1, 'world', ['oil'], ['z-old', 'a-new']);
    const others = [article('a-new', 9, 'world', ['oil']), article('z-old', 2, 'sport')];
    expect(pick(me, others)).toEqual(['z-old', 'a-new']);
  });

  it('ranks shared tags above the same section, and two shared tags above one', () => {
    const me = article('me', 28, 'world', ['oil', 'gas']);
    const others = [
      article('same-section', 20, 'world'),
      article('one-tag', 10, 'economy', ['oil']),
      article('two-tags', 5, 'economy', ['gas', 'oil']),
      article('tag-and-section', 3, 'world', ['gas']),
      article('unrelated', 25, 'sport', ['football']),
    ];
    // tag-and-section scores 2 + 1 and beats one-tag (2) although it is older.
    expect(pick(me, others)).toEqual(['two-tags', 'tag-and-section', 'one-tag', 'same-section']);
  });

  it('looks only at stories published before it', () => {
    const me = article('me', 10, 'world', ['oil']);
    const others = [article('later', 20, 'world', ['oil']), article('earlier', 5, 'world')];
    expect(pick(me, others)).toEqual(['earlier']);
    expect(pick(article('first', 1, 'world', ['oil']), others)).toEqual([]);
  });

  it('puts the newest first among equals', () => {
    const me = article('me', 15, 'world');
    const others = [3, 9, 1, 7].map((day) => article(`s${day}`, day, 'world'));
    expect(pick(me, others)).toEqual(['s9', 's7', 's3', 's1']);
  });

  it('never picks the story itself and leaves out stories with nothing in common', () => {
    const me = article('me', 28, 'world', ['oil']);
    const others = [article('other', 2, 'world'), article('far', 3, 'sport', ['tennis'])];
    expect(pick(me, others)).toEqual(['other']);
    expect(pick(article('alone', 1, 'culture', ['art']), others)).toEqual([]);
  });

  it('returns at most four', () => {
    expect(RELATED_COUNT).toBe(4);
    const me = article('me', 28, 'world', ['oil']);
    const others = Array.from({ length: 10 }, (_, i) => article(`s${i}`, i + 1, 'world', ['oil']));
    const picked = pick(me, others);
    expect(picked).toEqual(['s9', 's8', 's7', 's6']);
  });
});

describe('pickRelated on a larger corpus', () => {
  it('agrees with scoring every candidate and sorting them all', () => {
    const random = seededRandom(7);
    const tagPool = ['a', 'b', 'c', 'd', 'e', 'f'];
    const all = Array.from({ length: 600 }, (_, i) =>
      article(
        `s${i}`,
        1 + Math.floor(random() * 28),
        ['x', 'y', 'z'][Math.floor(random() * 3)] as string,
        tagPool.filter(() => random() < 0.3),
      ),
    ).sort(newestFirst);
    const lists = listsOf(all);
    // Reference: the plain definition, limited like pickRelated to the 200 earlier stories
    // of each list, ranked by place in the newest-first order.
    const rank = (story: Story) => all.indexOf(story);
    const reference = (me: Story) => {
      const scores = new Map<Story, number>();
      const add = (list: Story[] = [], weight: number) => {
        for (const other of list.filter((o) => rank(o) > rank(me)).slice(0, 200))
          scores.set(other, (scores.get(other) ?? 0) + weight);
      };
      for (const tag of me.tags ?? []) add(lists.get(`tag:${tag.id}`), 2);
      add(lists.get(`section:${me.section}`), 1);
      return [...scores]
        .sort(([a, sa], [b, sb]) => sb - sa || rank(a) - rank(b))
        .slice(0, 4)
        .map(([story]) => story.id);
    };
    for (const me of all) expect(pickRelated(me, lists)).toEqual(reference(me));
  });
});
