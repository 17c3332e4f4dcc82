/** The SHA-256 of a content file's bytes, in hex. */
export function hashBytes(bytes: Uint8Array): string;
