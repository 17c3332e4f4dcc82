// @vitest-environment node
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeFiles } from './route-files.ts';
import { routeModules } from './route-modules.ts';

describe('routeModules', () => {
  it('has a file for every route module, and no other', () => {
    expect(Object.keys(routeFiles).sort()).toEqual(Object.keys(routeModules).sort());
  });

  it.each(Object.entries(routeModules))(
    '%s: its file in routeFiles is the module `load` imports',
    async (name, route) => {
      const file = routeFiles[name as keyof typeof routeFiles];
      expect(existsSync(file)).toBe(true);
      const loaded = await route.load();
      const byFile = await import(/* @vite-ignore */ path.resolve(file));
      expect(loaded).toBe(byFile);
    },
  );

  it('gives a second load the promise of the first (a preload), so the router waits for no new import', () => {
    expect(routeModules.story.load()).toBe(routeModules.story.load());
  });
});
