// Fetches an input or a photo over http(s) with a timeout and a size cap, and says
// plainly what went wrong (no network, a status, too big, too slow).
import { InputError } from './draft.ts';

export type Fetched = { bytes: Buffer; contentType: string; url: string };
export type FetchLimits = { maxBytes: number; timeoutMs: number };

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? '';
  if (['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'ECONNREFUSED', 'EHOSTUNREACH'].includes(code)) {
    return `could not reach the host (${code}): is the network there?`;
  }
  return cause?.message ?? (error as Error).message;
}

export async function fetchCapped(url: string, limits: FetchLimits): Promise<Fetched> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new InputError(`only http: and https: addresses can be fetched, not ${parsed.protocol}`);
  }
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let response: Response;
  try {
    response = await fetch(parsed, {
      signal,
      redirect: 'follow',
      headers: { 'user-agent': 'qari-import' },
    });
  } catch (error) {
    if (signal.aborted) throw new InputError(`no answer within ${limits.timeoutMs / 1000} s`);
    throw new InputError(networkReason(error));
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new InputError(`the server answered HTTP ${response.status}`);
  }
  const declared = Number(response.headers.get('content-length'));
  if (declared > limits.maxBytes) {
    await response.body?.cancel();
    throw new InputError(`${mb(declared)} is over the ${mb(limits.maxBytes)} limit`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    const reader = response.body?.getReader();
    for (let next = await reader?.read(); next && !next.done; next = await reader?.read()) {
      const chunk = next.value;
      size += chunk.byteLength;
      if (size > limits.maxBytes) {
        await reader?.cancel().catch(() => {});
        throw new InputError(`over the ${mb(limits.maxBytes)} limit`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (signal.aborted)
      throw new InputError(`no complete answer within ${limits.timeoutMs / 1000} s`);
    throw new InputError(networkReason(error));
  }
  return {
    bytes: Buffer.concat(chunks),
    contentType: response.headers.get('content-type') ?? '',
    url: response.url || parsed.href,
  };
}
