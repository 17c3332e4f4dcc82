import { useQuery } from '@tanstack/react-query';
import { storyQuery } from '#shared/api/story-query.ts';
import { useStoryIds } from '#shared/lib/use-story-ids.ts';
import { withdrawnStories } from '#shared/storage/story-id-store.ts';
import { PageNotice } from './page-notice.tsx';
import { StoryUpdateNotice } from './story-update-notice.tsx';

type Props = { id: string };

/**
 * On a story's page: «لم تعد هذه القصة منشورة» once it is found withdrawn (the reader
 * keeps the copy they have), else «حُدِّثت هذه القصة» when it is updated.
 */
export function StoryNotices({ id }: Props) {
  // The version the page shows, read from the cache (this never fetches).
  const { data: shown } = useQuery({ ...storyQuery(id), enabled: false });
  const withdrawn = useStoryIds(withdrawnStories).includes(id);
  if (!shown) return null;
  if (withdrawn) return <PageNotice>لم تعد هذه القصة منشورة</PageNotice>;
  return <StoryUpdateNotice shown={shown} />;
}
