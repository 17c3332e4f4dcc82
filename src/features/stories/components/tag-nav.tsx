import { useId } from 'react';
import { Link } from 'react-router';
import { appPaths } from '#content/app-paths.ts';
import type { Tag } from '#content/article-schema.ts';

type Props = { tags: readonly Tag[] | undefined };

/** «تصنيفات»: the story's tags, each a link to the tag's page. */
export function TagNav({ tags }: Props) {
  const titleId = useId();
  if (!tags?.length) return null;
  return (
    <nav className="tag-nav" aria-labelledby={titleId}>
      <h2 id={titleId} className="tag-nav__title">
        تصنيفات
      </h2>
      <ul className="tag-nav__list">
        {tags.map((tag) => (
          <li key={tag.id}>
            <Link to={appPaths.tag(tag.id)} className="tag-nav__link">
              {tag.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
