// `npm run bench:load [-- --duration 10 --connections 50]`: serves dist/ with nginx
// (deploy/serve-nginx.sh) on a free loopback port, puts a bounded load with autocannon on
// one story page and one story JSON (the front page's lead story), prints requests per
// second, latency p50/p99, throughput and errors for each, and stops nginx. Exits 1 on any
// error, timeout or non-2xx answer. QARI_DIST=/other/dist benches another build.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';

type Histogram = { average: number; p50: number; p99: number; max: number };
type Result = {
  requests: Histogram & { total: number };
  latency: Histogram;
  throughput: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  statusCodeStats: Record<string, { count: number }>;
  duration: number;
};
type Options = {
  url: string;
  connections: number;
  pipelining: number;
  duration: number;
  headers?: Record<string, string>;
};
type Instance = {
  on: (event: 'reqError', listener: (error: NodeJS.ErrnoException) => void) => void;
};
// autocannon ships no types; this is the part of its API used here.
const autocannon = createRequire(import.meta.url)('autocannon') as (
  options: Options,
  done: (error: Error | null, result: Result) => void,
) => Instance;

/** One autocannon run, with the kinds of request errors it met (ECONNRESET ×2 …). */
function load(options: Options): Promise<{ result: Result; errorKinds: Map<string, number> }> {
  return new Promise((resolve, reject) => {
    const errorKinds = new Map<string, number>();
    const instance = autocannon(options, (error, result) => {
      if (error) reject(error);
      else resolve({ result, errorKinds });
    });
    instance.on('reqError', (error) => {
      const kind = error.code ?? error.message;
      errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
    });
  });
}

const HOST = '127.0.0.1';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    pipelining: { type: 'string', default: '1' },
    port: { type: 'string' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const pipelining = Number(values.pipelining);

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, HOST, () => server.close(() => resolve(true)));
  });
}

async function freePort(): Promise<number> {
  if (values.port) return Number(values.port);
  for (let port = 8080; port <= 8180; port++) if (await portFree(port)) return port;
  throw new Error('No free port in 8080-8180.');
}

/** Starts deploy/serve-nginx.sh and resolves once it prints its URL. */
function startNginx(port: number): Promise<ChildProcess> {
  const child = spawn('bash', [path.resolve('deploy/serve-nginx.sh')], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk;
      process.stdout.write(chunk);
      if (out.includes('Qari on nginx:')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`serve-nginx.sh exited with ${code}`)));
    child.once('error', reject);
  });
}

function stopNginx(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
const mbps = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB/s`;

async function main(): Promise<number> {
  const dist = path.resolve(process.env.QARI_DIST ?? 'dist');
  const front = JSON.parse(await readFile(path.join(dist, 'api/front.json'), 'utf8')) as {
    lead: { id: string };
  };
  const id = encodeURIComponent(front.lead.id);
  const targets = [
    { name: 'story page', path: `/article/${id}` },
    { name: 'story JSON', path: `/api/articles/${id}.json` },
  ];

  const port = await freePort();
  const nginx = await startNginx(port);
  const stop = () => void stopNginx(nginx).then(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  let failed = false;
  const rows: Record<string, Record<string, string | number>> = {};
  try {
    for (const target of targets) {
      const url = `http://${HOST}:${port}${target.path}`;
      console.log(`\n${target.name}: ${url} — ${duration} s, ${connections} connections`);
      const { result, errorKinds } = await load({
        url,
        connections,
        pipelining,
        duration,
        // What a browser sends: the server answers with the precompressed file.
        headers: { 'accept-encoding': 'br, gzip' },
      });
      const bad = result.errors + result.timeouts + result.non2xx;
      if (bad > 0) failed = true;
      rows[target.name] = {
        'req/s (mean)': Math.round(result.requests.average),
        'latency p50': ms(result.latency.p50),
        'latency p99': ms(result.latency.p99),
        'latency max': ms(result.latency.max),
        throughput: mbps(result.throughput.average),
        requests: result.requests.total,
        errors: [result.errors, ...[...errorKinds].map(([kind, n]) => `${kind}×${n}`)].join(' '),
        timeouts: result.timeouts,
        'non-2xx': result.non2xx,
        statuses: Object.entries(result.statusCodeStats)
          .map(([code, { count }]) => `${code}×${count}`)
          .join(' '),
      };
    }
  } finally {
    await stopNginx(nginx);
  }
  console.log();
  console.table(rows);
  if (failed) {
    console.error('bench:load: errors, timeouts or non-2xx answers (see the table).');
    return 1;
  }
  return 0;
}

process.exitCode = await main();
