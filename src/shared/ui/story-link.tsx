import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useStoryPrefetch } from './use-story-prefetch.ts';

type Props = { id: string; children: ReactNode; className?: string };

export const storyPath = (id: string) => `/article/${encodeURIComponent(id)}`;

/** A link to a story that prefetches the story's JSON on hover, focus or touch. */
export function StoryLink({ id, children, className }: Props) {
  const prefetch = useStoryPrefetch(id);
  return (
    <Link to={storyPath(id)} className={className} {...prefetch}>
      {children}
    </Link>
  );
}
