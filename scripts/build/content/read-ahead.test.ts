// @vitest-environment node
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type FileRead, READ_AHEAD_FROM, readAhead } from './read-ahead.ts';
import { hashBytes, readContentFile } from './read-content-file.mjs';

async function folder(count: number): Promise<{ dir: string; files: string[] }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'qari-read-ahead-'));
  await mkdir(path.join(dir, 'articles'));
  const files = Array.from({ length: count }, (_, i) => `articles/s${i}.json`);
  // Every tenth file a long one: over the limit of 1,000 bytes below.
  await Promise.all(
    files.map((file, i) =>
      writeFile(path.join(dir, file), i % 10 === 9 ? 'خ'.repeat(600) : `{"n":${i},"t":"نص"}`),
    ),
  );
  return { dir, files };
}

const all = async (reads: AsyncIterable<FileRead>) => {
  const out: FileRead[] = [];
  for await (const read of reads) out.push(read);
  return out;
};

describe('readAhead', () => {
  it('gives each file once, in order, as this thread reads it, from a thread past the window', async () => {
    // More files than the thread may read ahead (256): it waits for this one, and goes on.
    const { dir, files } = await folder(READ_AHEAD_FROM + 300);
    const asked = [...files.slice(0, 5), 'articles/gone.json', ...files.slice(5)];
    const reads = await all(readAhead(dir, asked, 1000));
    expect(reads.map((r) => r.file)).toEqual(asked);
    expect(reads[5]).toEqual({ file: 'articles/gone.json', missing: true });
    for (const [i, read] of reads.entries()) {
      const { mtimeMs: _, ...now } = readContentFile(dir, asked[i] as string, 1000) as FileRead & {
        mtimeMs?: number;
      };
      expect(read).toMatchObject(now);
    }
    const first = reads[0] as FileRead & { text: string; hash: string };
    expect(first.text).toBe('{"n":0,"t":"نص"}');
    expect(first.hash).toBe(hashBytes(Buffer.from(first.text)));
    expect(reads[10]).toMatchObject({ file: files[9], size: 1200, text: null });
  });

  it('reads a few files on this thread', async () => {
    const { dir, files } = await folder(12);
    const reads = await all(readAhead(dir, files, 1000));
    expect(reads.map((r) => r.file)).toEqual(files);
    expect(reads[9]).toMatchObject({ text: null, size: 1200 });
  });
});
