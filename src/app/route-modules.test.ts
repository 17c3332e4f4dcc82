// @vitest-environment node
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeModules } from './route-modules.ts';

describe('routeModules', () => {
  it.each(Object.entries(routeModules))(
    '%s: `file` is the module `load` imports',
    async (_, route) => {
      expect(existsSync(route.file)).toBe(true);
      const loaded = await route.load();
      const byFile = await import(/* @vite-ignore */ path.resolve(route.file));
      expect(loaded).toBe(byFile);
    },
  );
});
