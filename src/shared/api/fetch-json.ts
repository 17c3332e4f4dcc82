// Fetches JSON from the static API and checks it against a schema before any
// component sees it: bad data becomes a typed error, never a crash. The schema and the
// check are imported as the request goes out (see content-schemas.ts), so they cost the
// first view nothing and a fetch no extra wait.
import type * as v from 'valibot';
import { InvalidContentError, NotFoundError, UnavailableError } from './errors.ts';

/**
 * `cache: 'no-cache'` is for checks of what may have changed (live pages): the browser
 * then asks the server every time, conditionally (If-None-Match / If-Modified-Since),
 * and reuses its copy only on a 304; the service worker sends such requests to the
 * network only (vite.config.ts).
 */
export async function fetchJson<TSchema extends v.GenericSchema>(
  url: string,
  loadSchema: () => Promise<TSchema>,
  signal?: AbortSignal,
  cache: RequestCache = 'default',
): Promise<v.InferOutput<TSchema>> {
  const checker = Promise.all([import('./check-content.ts'), loadSchema()]);
  // Awaited below; a failed fetch must not leave this promise's failure unhandled.
  checker.catch(() => undefined);
  let response: Response;
  try {
    response = await fetch(url, { signal, cache, headers: { accept: 'application/json' } });
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
  const [{ checkContent }, schema] = await checker;
  const checked = checkContent(schema, data);
  if (!checked.ok) {
    console.error(`Invalid content from ${url}`, checked.problems);
    throw new InvalidContentError(`Invalid content from ${url}`);
  }
  return checked.value;
}
