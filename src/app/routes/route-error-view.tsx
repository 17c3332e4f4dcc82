import { useRouteError } from 'react-router';
import { ErrorView } from '#shared/ui/error-view.tsx';

/** Last line of defence: anything a page throws shows a message, never a blank screen. */
export function RouteErrorView() {
  const error = useRouteError();
  console.error(error);
  return (
    <main id="main" className="page">
      <ErrorView error={error} onRetry={() => window.location.reload()} />
    </main>
  );
}
