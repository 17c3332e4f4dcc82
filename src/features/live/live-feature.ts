// What the app loads when an open page starts checking for news (src/app/layout/
// use-live-feature.ts): one chunk, outside the first view.
export { FrontNewStories } from './components/front-new-stories.tsx';
export { ListNewStories } from './components/list-new-stories.tsx';
export { LiveLayer } from './components/live-layer.tsx';
