// Runs a bench's child process under GNU time, for its own wall clock and peak memory.
import { spawn } from 'node:child_process';

const TIME = '/usr/bin/time';
const MiB = 1024;

export type Timed = { code: number; out: string; err: string; seconds: number; peakMiB: number };

/** Runs a command under GNU time: its wall clock and its peak resident memory. */
export function timed(args: string[], env: NodeJS.ProcessEnv): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(TIME, ['-v', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
      resolve({
        code: code ?? 1,
        out,
        err,
        seconds: (performance.now() - started) / 1000,
        peakMiB: rss ? Number(rss[1]) / MiB : Number.NaN,
      });
    });
  });
}
