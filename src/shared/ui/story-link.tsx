import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { appPaths } from '#content/app-paths.ts';
import { useStoryPrefetch } from './use-story-prefetch.ts';

type Props = { id: string; children: ReactNode; className?: string };

/** A link to a story that prefetches the story's JSON on hover, focus or touch. */
export function StoryLink({ id, children, className }: Props) {
  const prefetch = useStoryPrefetch(id);
  return (
    <Link to={appPaths.story(id)} className={className} {...prefetch}>
      {children}
    </Link>
  );
}
