import { useSyncExternalStore } from 'react';
import {
  DEFAULT_PREFERENCES,
  getPreferences,
  type Preferences,
  subscribePreferences,
} from '#shared/storage/preferences-store.ts';

const serverPreferences = () => DEFAULT_PREFERENCES;

/** The reader's preferences, re-rendering on a change here or in another tab. */
export function usePreferences(): Preferences {
  return useSyncExternalStore(subscribePreferences, getPreferences, serverPreferences);
}
