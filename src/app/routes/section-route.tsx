import { ListRoute } from './list-route.tsx';

export function SectionRoute() {
  return <ListRoute kind="section" />;
}
