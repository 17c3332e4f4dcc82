import { NotFoundView } from '#shared/ui/not-found-view.tsx';

export function NotFoundRoute() {
  return <NotFoundView />;
}
