// What can go wrong when the app fetches content, as distinct error types so a
// view can say the right thing: not found, unreachable, or not what we expected.
export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

/**
 * The server answered with an error status, something else answered in its place (a
 * captive portal's page, a proxy's), or the network failed: worth a retry.
 */
export class UnavailableError extends Error {
  override name = 'UnavailableError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** No answer at all: the request never reached a server (offline, or the connection dropped). */
export class NetworkError extends UnavailableError {
  override name = 'NetworkError';
}

/** No answer within the time fetchJson allows: worth a retry, by the reader's hand. */
export class TimeoutError extends UnavailableError {
  override name = 'TimeoutError';
}

/** The server answered, but not with content we can show. */
export class InvalidContentError extends Error {
  override name = 'InvalidContentError';
}

export function isNotFound(error: unknown): error is NotFoundError {
  return error instanceof NotFoundError;
}
