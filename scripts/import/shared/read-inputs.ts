// Inputs are files, folders (their feed and JSON files, sorted) or http(s) URLs; each is
// read whole under a size cap and decoded as its XML declaration or BOM says.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from './draft.ts';
import { type FetchLimits, fetchCapped } from './fetch-capped.ts';

export type InputDoc = {
  /** How the report names it: the path or URL as given (a folder's files under it). */
  name: string;
  text: string;
  /** The address it came from, to resolve relative links; absent for files. */
  url?: string;
};
export type InputFailure = { name: string; message: string };

const INPUT_FILE = /\.(xml|rss|atom|rdf|json)$/i;

/** Text from bytes: a BOM, else the XML declaration's encoding (e.g. windows-1256), else UTF-8. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  if (!declared) return new TextDecoder('utf-8').decode(bytes);
  try {
    return new TextDecoder(declared).decode(bytes);
  } catch {
    throw new InputError(`unknown character encoding "${declared}"`);
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isFile() && INPUT_FILE.test(entry.name)) found.push(full);
    }
  }
  return found.sort();
}

async function readFileCapped(file: string, maxBytes: number): Promise<Uint8Array> {
  const { size } = await stat(file);
  if (size > maxBytes) {
    throw new InputError(`${size} bytes is over the ${maxBytes} byte limit (--max-input-mb)`);
  }
  return readFile(file);
}

export async function readInputs(
  inputs: readonly string[],
  limits: FetchLimits,
): Promise<{ docs: InputDoc[]; failures: InputFailure[] }> {
  const docs: InputDoc[] = [];
  const failures: InputFailure[] = [];
  const attempt = async (name: string, read: () => Promise<InputDoc>) => {
    try {
      docs.push(await read());
    } catch (error) {
      const message =
        error instanceof InputError
          ? error.message
          : (error as NodeJS.ErrnoException).code === 'ENOENT'
            ? 'no such file or folder'
            : (error as Error).message;
      failures.push({ name, message });
    }
  };
  for (const input of inputs) {
    if (/^https?:\/\//i.test(input)) {
      await attempt(input, async () => {
        const fetched = await fetchCapped(input, limits);
        return { name: input, text: decodeText(fetched.bytes), url: fetched.url };
      });
      continue;
    }
    let isDir = false;
    try {
      isDir = (await stat(input)).isDirectory();
    } catch {
      failures.push({ name: input, message: 'no such file or folder' });
      continue;
    }
    const files = isDir ? await filesUnder(input) : [input];
    if (isDir && files.length === 0)
      failures.push({
        name: input,
        message: 'folder holds no .xml, .rss, .atom, .rdf or .json file',
      });
    for (const file of files) {
      await attempt(file, async () => ({
        name: file,
        text: decodeText(await readFileCapped(file, limits.maxBytes)),
      }));
    }
  }
  return { docs, failures };
}
