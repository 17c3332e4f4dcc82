// @vitest-environment node
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeFiles } from './route-files.ts';
import { loadRoute } from './route-modules.ts';

describe('loadRoute', () => {
  it('has a file for every route, and no other', () => {
    expect(Object.keys(routeFiles).sort()).toEqual(Object.keys(loadRoute).sort());
  });

  it.each(Object.entries(loadRoute))(
    '%s: its file in routeFiles is the module it imports',
    async (name, load) => {
      const file = routeFiles[name as keyof typeof routeFiles];
      expect(existsSync(file)).toBe(true);
      const loaded = await load();
      const byFile = await import(/* @vite-ignore */ path.resolve(file));
      expect(loaded).toBe(byFile);
    },
  );

  it('gives a second load the promise of the first (a preload), so the router waits for no new import', () => {
    expect(loadRoute.story()).toBe(loadRoute.story());
  });
});
