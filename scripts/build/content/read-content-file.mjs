// One content file read whole: its text, the hash of its bytes, its size and mtime, or
// why not; and the story files of a folder. Plain JavaScript, so that the threads (the
// check's read-ahead, read-ahead.ts; a publish's sweep, story-file-sweep.ts) and the main
// thread read and list files the same way.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The stamp of a content file's bytes (SHA-256, hex): how a publish tells a changed file from one only touched. */
export const hashBytes = (/** @type {Uint8Array} */ bytes) =>
  createHash('sha256').update(bytes).digest('hex');

/**
 * The story files of a content folder, by name (`<id>.json`), sorted; throws when it
 * has no `articles/` folder.
 * @param {string} dir
 * @returns {string[]}
 */
export const storyFileNames = (dir) =>
  readdirSync(path.join(dir, 'articles'))
    .filter((name) => name.endsWith('.json'))
    .sort();

/**
 * @param {string} dir
 * @param {string} file relative to `dir`
 * @param {number} maxBytes
 * @returns {import('./read-content-file.d.mts').FileRead}
 */
export function readContentFile(dir, file, maxBytes) {
  let fd;
  try {
    fd = openSync(path.join(dir, file), 'r');
  } catch {
    return { file, missing: true };
  }
  try {
    const { size, mtimeMs } = fstatSync(fd);
    if (size > maxBytes) return { file, size, mtimeMs, text: null };
    const bytes = readFileSync(fd);
    return {
      file,
      size: bytes.length,
      mtimeMs,
      text: bytes.toString('utf8'),
      hash: hashBytes(bytes),
    };
  } catch (error) {
    return { file, unreadable: /** @type {NodeJS.ErrnoException} */ (error).code ?? String(error) };
  } finally {
    closeSync(fd);
  }
}
