// `npm run bench:transfer [-- --runs 3 --port 8091]`: what a first story view costs a
// reader in bytes. Serves dist/ with the production nginx (PORT or --port), opens the
// bench's story in a fresh Chromium at 390 px (a phone, 3× pixels) with and without the
// data saver («موفّر البيانات», set as a reader would have it stored), waits until the
// network has been idle for 2 s, taps nothing, and prints the bytes on the wire
// (headers included) by kind. The service worker is kept out: its background precache
// is reported by the build.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import type { FrontPayload } from '#content/api-schema.ts';
import { benchStories, newPhoneContext } from './bench-pages.ts';
import { benchPort, startNginx } from './nginx-server.ts';
import { median } from './stats.ts';

const args = process.argv.slice(2);
const runsArg = args.indexOf('--runs');
const RUNS = Number(runsArg >= 0 ? args[runsArg + 1] : 3);
const PORT = benchPort(args, 8091);
const dist = path.resolve(process.env.QARI_DIST ?? 'dist');
const KINDS = ['Document', 'Stylesheet', 'Script', 'Font', 'Image', 'Fetch', 'Other'] as const;
type Kind = (typeof KINDS)[number];

async function firstView(browser: Browser, url: string, saver: boolean) {
  const context = await newPhoneContext(browser);
  try {
    const page = await context.newPage();
    if (saver) {
      await page.addInitScript(() =>
        localStorage.setItem('qari:preferences', JSON.stringify({ v: 1, dataSaver: 'on' })),
      );
    }
    const cdp = await context.newCDPSession(page);
    const kinds = new Map<string, Kind>();
    const bytes = new Map<Kind, number>(KINDS.map((k) => [k, 0]));
    const files = new Map<Kind, string[]>(KINDS.map((k) => [k, []]));
    let lastActivity = Date.now();
    cdp.on('Network.responseReceived', (event) => {
      const kind = (KINDS as readonly string[]).includes(event.type)
        ? (event.type as Kind)
        : event.type === 'XHR'
          ? 'Fetch'
          : 'Other';
      kinds.set(event.requestId, kind);
      files.get(kind)?.push(new URL(event.response.url).pathname.split('/').pop() ?? '');
      lastActivity = Date.now();
    });
    cdp.on('Network.loadingFinished', (event) => {
      const kind = kinds.get(event.requestId) ?? 'Other';
      bytes.set(kind, (bytes.get(kind) ?? 0) + event.encodedDataLength);
      lastActivity = Date.now();
    });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(url, { waitUntil: 'load' });
    while (Date.now() - lastActivity < 2000) await new Promise((r) => setTimeout(r, 250));
    return { bytes, files };
  } finally {
    await context.close();
  }
}

const front = JSON.parse(
  await readFile(path.join(dist, 'api', 'front.json'), 'utf8'),
) as FrontPayload;
const { story } = benchStories(front);
const server = await startNginx(PORT);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
});
try {
  const url = `${server.base}/article/${story.id}`;
  console.log(
    `First view of ${url} at 390 px, no tap, until the network is idle (median of ${RUNS}):\n`,
  );
  const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
  for (const saver of [false, true]) {
    const runs: Awaited<ReturnType<typeof firstView>>[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await firstView(browser, url, saver));
    const byKind = KINDS.map((k) => [k, median(runs.map((r) => r.bytes.get(k) ?? 0))] as const);
    const total = median(runs.map((r) => [...r.bytes.values()].reduce((a, b) => a + b, 0)));
    console.log(
      `data saver ${saver ? 'on ' : 'off'}: ${kb(total)} — ${byKind
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${k} ${kb(n)}`)
        .join(', ')}`,
    );
    const last = runs.at(-1);
    for (const kind of ['Script', 'Font', 'Image'] as const) {
      const names = last?.files.get(kind) ?? [];
      if (names.length) console.log(`  ${kind}: ${names.join(' ')}`);
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
