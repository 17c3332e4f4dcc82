// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { listKeysOf, listsOf } from './story-lists.ts';

const story = (id: string, section: string, tags: string[] = []) => ({
  id,
  section,
  tags: tags.map((t) => ({ id: t, name: t })),
});

describe('listKeysOf', () => {
  it("names a story's section list, then its tags' lists", () => {
    expect(listKeysOf(story('a', 'world', ['oil', 'gas']))).toEqual([
      'section:world',
      'tag:oil',
      'tag:gas',
    ]);
  });
});

describe('listsOf', () => {
  it('lists stories by tag and section in the given (newest-first) order', () => {
    const all = [
      story('a', 'economy', ['oil', 'gas']),
      story('b', 'world', ['oil']),
      story('c', 'world'),
    ];
    const ids = (key: string) =>
      listsOf(all)
        .get(key)
        ?.map((x) => x.id);
    expect(ids('tag:oil')).toEqual(['a', 'b']);
    expect(ids('tag:gas')).toEqual(['a']);
    expect(ids('section:world')).toEqual(['b', 'c']);
    expect([...listsOf(all).keys()].sort()).toEqual([
      'section:economy',
      'section:world',
      'tag:gas',
      'tag:oil',
    ]);
  });
});
