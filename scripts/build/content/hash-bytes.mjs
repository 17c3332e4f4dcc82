// The stamp of a content file's bytes (SHA-256, hex): how a publish tells a changed
// file from one only touched. Plain JavaScript, for the read-ahead thread too.
import { createHash } from 'node:crypto';

/** @param {Uint8Array} bytes */
export const hashBytes = (bytes) => createHash('sha256').update(bytes).digest('hex');
