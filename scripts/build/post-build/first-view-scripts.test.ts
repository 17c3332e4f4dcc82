import { describe, expect, it } from 'vitest';
import type { Manifest } from '../prerender/route-assets.ts';
import { FIRST_VIEW_STEPS, firstViewScripts } from './first-view-scripts.ts';

/** A manifest with every listed module, each importing a shared chunk. */
function manifest(): Manifest {
  const entries: Manifest = {
    'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_framework.js'] },
    '_framework.js': { file: 'assets/framework.js' },
    '_shared.js': { file: 'assets/shared.js', imports: ['_framework.js'] },
    'src/app/routes/search-route.tsx': { file: 'assets/search.js' },
  };
  for (const [i, step] of FIRST_VIEW_STEPS.entries()) {
    if (step.module === 'index.html') continue;
    entries[step.module] = {
      file: `assets/step-${i}.js`,
      imports: ['index.html', '_shared.js'],
      dynamicImports: ['src/app/routes/search-route.tsx'],
    };
  }
  return entries;
}

describe('the scripts of a first story view', () => {
  it('follows static imports once each, in order, and no dynamic import not listed', () => {
    const groups = firstViewScripts(manifest());
    const files = groups.flatMap((g) => g.files);
    expect(groups[0]?.files).toEqual(['assets/index.js', 'assets/framework.js']);
    expect(groups[1]?.files).toEqual(['assets/step-1.js', 'assets/shared.js']);
    expect(new Set(files).size).toBe(files.length);
    expect(files).not.toContain('assets/search.js');
    for (const group of groups) expect(group.why).not.toBe('');
  });

  it('fails when a listed module is gone from the build', () => {
    const stale = manifest();
    delete stale['src/app/routes/story-route.tsx'];
    expect(() => firstViewScripts(stale)).toThrow(/story-route\.tsx is not in Vite's manifest/);
  });
});
