// Fetches JSON from the static API and checks it against a schema before any
// component sees it: bad data becomes a typed error, never a crash.
import * as v from 'valibot';
import { InvalidContentError, NotFoundError, UnavailableError } from './errors.ts';

export async function fetchJson<TSchema extends v.GenericSchema>(
  url: string,
  schema: TSchema,
  signal?: AbortSignal,
): Promise<v.InferOutput<TSchema>> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new UnavailableError(`Network error for ${url}`);
  }
  if (response.status === 404) throw new NotFoundError(`Not found: ${url}`);
  if (!response.ok)
    throw new UnavailableError(`HTTP ${response.status} for ${url}`, response.status);
  // A static host's SPA fallback answers unknown JSON paths with index.html.
  if (!(response.headers.get('content-type') ?? '').includes('json')) {
    throw new NotFoundError(`Not JSON (treated as missing): ${url}`);
  }
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    throw new InvalidContentError(`Malformed JSON from ${url}`);
  }
  const result = v.safeParse(schema, data);
  if (!result.success) {
    console.error(`Invalid content from ${url}`, v.flatten(result.issues));
    throw new InvalidContentError(`Invalid content from ${url}`);
  }
  return result.output;
}
