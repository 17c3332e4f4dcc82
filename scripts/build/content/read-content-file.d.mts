/**
 * A file as read: its text, the hash of its bytes, size and mtime; `text: null` over the
 * size limit; missing; or opened and then not read (a folder by that name, an I/O error).
 */
export type FileRead =
  | { file: string; size: number; mtimeMs: number; text: string; hash: string }
  | { file: string; size: number; mtimeMs: number; text: null }
  | { file: string; missing: true }
  | { file: string; unreadable: string };

/** The SHA-256 of a content file's bytes, in hex. */
export function hashBytes(bytes: Uint8Array): string;

/** The story files of a content folder, by name (`<id>.json`), sorted; throws without `articles/`. */
export function storyFileNames(dir: string): string[];

/** Reads `file` (relative to `dir`) whole; `text: null` over `maxBytes`. */
export function readContentFile(dir: string, file: string, maxBytes: number): FileRead;
