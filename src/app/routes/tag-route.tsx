import { ListRoute } from './list-route.tsx';

export function TagRoute() {
  return <ListRoute kind="tag" />;
}
