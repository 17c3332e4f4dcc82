// @vitest-environment node
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WriteThread } from './write-thread.ts';

const folder = () => mkdtemp(path.join(os.tmpdir(), 'qari-write-thread-'));

describe('WriteThread', () => {
  it('writes every file whole, in folders it makes, and says so once each is written', async () => {
    const dir = await folder();
    const wrote: string[] = [];
    const thread = new WriteThread((file) => wrote.push(file));
    const names = Array.from({ length: 150 }, (_, i) => `api/n${i % 3}/f${i}.json`);
    for (const [i, name] of names.entries()) {
      await thread.write(
        path.join(dir, name),
        name,
        i % 2 ? `نص ${i}` : new TextEncoder().encode(`b${i}`),
      );
    }
    await thread.close();
    expect(wrote).toEqual(names);
    expect(await readFile(path.join(dir, names[149] as string), 'utf8')).toBe('نص 149');
    expect(await readFile(path.join(dir, names[148] as string), 'utf8')).toBe('b148');
  });

  it('fails the write or the close after a file cannot be written, naming it', async () => {
    const dir = await folder();
    await writeFile(path.join(dir, 'a-file'), 'x');
    const thread = new WriteThread(() => {});
    await thread.write(path.join(dir, 'a-file', 'inside.json'), 'a-file/inside.json', '{}');
    await expect(thread.close()).rejects.toThrow(/write thread: .*a-file/);
  });

  it('fails the close, not the process, when whoever is told of a file throws', async () => {
    const dir = await folder();
    const thread = new WriteThread(() => {
      throw new Error('added twice');
    });
    await thread.write(path.join(dir, 'a.json'), 'a.json', '{}');
    await expect(thread.close()).rejects.toThrow('added twice');
  });
});
