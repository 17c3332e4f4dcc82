// Vite's builds run in a child Node process, one after the other: the parent keeps its
// core for its own work meanwhile (the content check), and what Vite held, most of it
// outside the JavaScript heap, is the system's again when the child ends.
import { spawn } from 'node:child_process';
import type { InlineConfig } from 'vite';

const CHILD_SOURCE = `import { build } from 'vite';
for (const config of JSON.parse(process.argv[1])) await build(config);`;

export type ViteApart = {
  /** Settles when every build has ended: rejects when one failed (its errors are on stderr). */
  done: Promise<void>;
  /** Ends the builds now and waits for the child to be gone (the content is invalid). */
  stop(): Promise<void>;
};

/** Runs `vite build` with each configuration in turn (plain JSON: no plugins, no functions). */
export function viteBuildsApart(configs: readonly InlineConfig[]): ViteApart {
  const child = spawn(
    process.execPath,
    ['--input-type=module', '-e', CHILD_SOURCE, JSON.stringify(configs)],
    { stdio: 'inherit' },
  );
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`vite build ended with ${signal ?? `exit code ${code}`}`));
    });
  });
  // A stopped build's end is expected: not an unhandled rejection.
  done.catch(() => {});
  return {
    done,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exited;
    },
  };
}
