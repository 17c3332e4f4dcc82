// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// A flow's folder is its tag, so `--grep @rtl` runs rtl/ (e2e/README.md, «Tags»).
// production/ is the one exception: its flows need nginx and are tagged @nginx.
const E2E = join(import.meta.dirname);
const TAG_OF: Record<string, string> = { production: '@nginx' };

function specs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith('__') ? [] : specs(path);
    return entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('e2e folders and tags', () => {
  const files = specs(E2E);

  it('finds the flows', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((file) => [relative(E2E, file)]))('%s carries its folder tag', (file) => {
    const folder = file.split('/')[0] ?? '';
    const tag = TAG_OF[folder] ?? `@${folder}`;
    expect(file, 'a flow lives in a folder of e2e/, not at its root').toContain('/');
    expect(
      readFileSync(join(E2E, file), 'utf8'),
      `add { tag: '${tag}' } to its describe`,
    ).toContain(`'${tag}'`);
  });
});
