// The production nginx (deploy/serve-nginx.sh) for the benchmarks: started on the port
// in PORT (or --port), serving QARI_DIST or dist/, and stopped whatever happens.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export type NginxServer = { base: string; stop: () => Promise<void> };

/** `--port <n>`, else PORT, else the given default. */
export function benchPort(args: readonly string[], fallback: number): number {
  const i = args.indexOf('--port');
  const value = i >= 0 ? args[i + 1] : process.env.PORT;
  const port = Number(value ?? fallback);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`Not a port: ${value}`);
  return port;
}

/** Starts nginx on 127.0.0.1:port and resolves once it answers. */
export function startNginx(port: number): Promise<NginxServer> {
  const child: ChildProcess = spawn('bash', [path.resolve('deploy/serve-nginx.sh')], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk;
      if (out.includes('Qari on nginx:')) resolve({ base: `http://127.0.0.1:${port}`, stop });
    });
    child.once('exit', (code) => reject(new Error(`serve-nginx.sh exited with ${code}`)));
    child.once('error', reject);
  });
}
