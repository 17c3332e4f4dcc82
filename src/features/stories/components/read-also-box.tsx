import { useId } from 'react';
import type { Teaser } from '#content/api-schema.ts';
import type { ReadAlsoLink } from '#content/article-schema.ts';
import { isSafeHref } from '#content/safe-href.ts';
import { IsolatedText } from '#shared/ui/isolated-text.tsx';
import { StoryLink } from '#shared/ui/story-link.tsx';

type Props = { items: readonly ReadAlsoLink[]; teasers: Record<string, Teaser> };

/** The inline «اقرأ أيضاً» box: links to stories here by id, or elsewhere by URL. */
export function ReadAlsoBox({ items, teasers }: Props) {
  const titleId = useId();
  const links = items.flatMap((item) => {
    if ('id' in item) {
      const teaser = teasers[item.id];
      if (!teaser) return [];
      return [
        <li key={`id:${item.id}`}>
          <StoryLink id={item.id}>
            <IsolatedText text={teaser.headline} />
          </StoryLink>
        </li>,
      ];
    }
    if (!isSafeHref(item.url)) return [];
    return [
      <li key={`url:${item.url}`}>
        <a href={item.url} target="_blank" rel="noopener noreferrer">
          <IsolatedText text={item.title} />
          <span className="visually-hidden"> (رابط خارجي)</span>
        </a>
      </li>,
    ];
  });
  if (links.length === 0) return null;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of links, not form controls: fieldset would be wrong
    <section className="read-also" role="group" aria-labelledby={titleId}>
      <h2 id={titleId} className="read-also__title">
        اقرأ أيضاً
      </h2>
      <ul className="read-also__list">{links}</ul>
    </section>
  );
}
