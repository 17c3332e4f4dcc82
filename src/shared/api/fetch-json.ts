// Fetches JSON from the static API and checks it against a schema before any
// component sees it: bad data becomes a typed error, never a crash. The schema and the
// check are imported as the request goes out (see content-schemas.ts), so they cost the
// first view nothing and a fetch no extra wait.
import type * as v from 'valibot';
import {
  InvalidContentError,
  NetworkError,
  NotFoundError,
  TimeoutError,
  UnavailableError,
} from './errors.ts';

/**
 * How long a request may take, headers and body, before the reader is shown the failure
 * and «إعادة المحاولة» instead of a skeleton. The largest file the app fetches is about
 * 30 KB compressed, a few seconds even on a slow 3G link; past 10 s a reader has stopped
 * waiting (and the service worker has already answered from its cache after 4 s when it
 * had a copy). See docs/robustness.md.
 */
export const FETCH_TIMEOUT_MS = 10_000;

/**
 * `cache: 'no-cache'` is for checks of what may have changed (live pages): the browser
 * then asks the server every time, conditionally (If-None-Match / If-Modified-Since),
 * and reuses its copy only on a 304.
 */
export async function fetchJson<TSchema extends v.GenericSchema>(
  url: string,
  loadSchema: () => Promise<TSchema>,
  signal?: AbortSignal,
  cache?: RequestCache,
): Promise<v.InferOutput<TSchema>> {
  const checker = Promise.all([import('./check-content.ts'), loadSchema()]);
  // Awaited below; a failed fetch must not leave this promise's failure unhandled.
  checker.catch(() => undefined);
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), FETCH_TIMEOUT_MS);
  const cancel = () => deadline.abort();
  signal?.addEventListener('abort', cancel);
  /** What a failure to get an answer means: the caller's cancellation, our deadline, or the network. */
  const failure = (error: unknown, otherwise: Error) => {
    if (signal?.aborted) return error;
    if (deadline.signal.aborted) return new TimeoutError(`No answer in time from ${url}`);
    return otherwise;
  };
  let data: unknown;
  try {
    if (signal?.aborted) deadline.abort();
    let response: Response;
    try {
      response = await fetch(url, {
        signal: deadline.signal,
        cache,
        headers: { accept: 'application/json' },
      });
    } catch (error) {
      throw failure(error, new NetworkError(`Network error for ${url}`));
    }
    if (response.status === 404) throw new NotFoundError(`Not found: ${url}`);
    if (!response.ok)
      throw new UnavailableError(`HTTP ${response.status} for ${url}`, response.status);
    // Our server answers JSON, 404s included. Anything else came from something in
    // between (a captive portal's login page, a proxy): a failure to retry, not "missing".
    const type = response.headers.get('content-type') ?? '';
    if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
      throw new UnavailableError(`Not JSON (${type || 'no content type'}) from ${url}`);
    }
    try {
      data = await response.json();
    } catch (error) {
      throw failure(error, new InvalidContentError(`Malformed JSON from ${url}`));
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', cancel);
  }
  const [{ checkContent }, schema] = await checker;
  const checked = checkContent(schema, data);
  if (!checked.ok) {
    console.error(`Invalid content from ${url}`, checked.problems);
    throw new InvalidContentError(`Invalid content from ${url}`);
  }
  return checked.value;
}
