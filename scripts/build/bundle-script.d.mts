/** The bundle of `entry` (a path, relative to the working directory or absolute), made if stale. */
export function bundledScript(entry: string): Promise<string>;
