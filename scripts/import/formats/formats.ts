// The formats `npm run import` reads, by the name the command takes.
import type { FormatMapping } from '../shared/draft.ts';
import { ans } from './ans/map-ans.ts';
import { feed } from './feed/map-feed.ts';
import { optimo } from './optimo/map-optimo.ts';
import { wordpress } from './wordpress/map-wordpress.ts';

export const FORMATS: Record<'feed' | 'wordpress' | 'ans' | 'optimo', FormatMapping> = {
  feed,
  wordpress,
  ans,
  optimo,
};
export type Format = keyof typeof FORMATS;
