// `npm run bench:taps [-- --visits 10 --port 8091]`: does a reader's first tap count?
// Serves dist/ with the production nginx (PORT or --port) and makes fresh visits to a
// story page and to the front page in Chromium on a 390 px phone, under slow 4G (150 ms,
// 1.6 Mbit/s) and a 4× slower CPU (Chrome DevTools Protocol), tapping «حفظ» (the story)
// or the lead card's «حفظ: …» as soon as it shows. A tap counts when the story ends up
// saved (in IndexedDB, read apart from the app) with the button pressed. Prints the taps
// that counted, how many came before the app was ready, and medians (with their
// range) of: tap to button shown pressed, the button shown (first paint) to the app
// ready, and the button shown to the tap.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from '@playwright/test';
import type { FrontPayload } from '#content/api-schema.ts';
import { isBookmarkStored } from '../../e2e/fixtures/bookmark-storage.ts';
import { throttleLikeASlowPhone } from '../../e2e/fixtures/throttling.ts';
import { benchStories, newPhoneContext } from './bench-pages.ts';
import { benchPort, startNginx } from './nginx-server.ts';
import { spread } from './stats.ts';

const args = process.argv.slice(2);
const visitsArg = args.indexOf('--visits');
const VISITS = Number(visitsArg >= 0 ? args[visitsArg + 1] : 10);
const PORT = benchPort(args, 8091);
const dist = path.resolve(process.env.QARI_DIST ?? 'dist');

// In the page, before any of its own scripts: when the page first painted (the button
// is in that paint), when the tap came, when the button first showed pressed after it,
// and when the app marked itself ready.
const RECORDER = `(() => {
  const marks = (window.__tapBench = { shown: 0, tap: 0, pressed: 0, ready: 0 });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') marks.shown = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  addEventListener('click', (e) => { if (!marks.tap) marks.tap = e.timeStamp; }, { capture: true });
  new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target;
      if (r.attributeName === 'data-ready' && el === document.documentElement && !marks.ready) marks.ready = performance.now();
      if (r.attributeName === 'aria-pressed' && marks.tap && !marks.pressed && el.getAttribute('aria-pressed') === 'true') marks.pressed = performance.now();
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready', 'aria-pressed'] });
})();`;

type Marks = { shown: number; tap: number; pressed: number; ready: number };
type Visit = { counted: boolean; marks: Marks };

async function visit(
  browser: import('@playwright/test').Browser,
  url: string,
  buttonName: string,
  id: string,
): Promise<Visit> {
  const context = await newPhoneContext(browser);
  try {
    const page = await context.newPage();
    await throttleLikeASlowPhone(page);
    await page.addInitScript(RECORDER);
    await page.goto(url, { waitUntil: 'commit' });
    const button = page.getByRole('button', { name: buttonName, exact: true }).first();
    // As soon as it shows: a touch where it is (no wait for it to be still, as tap() does).
    await button.waitFor({ state: 'visible', timeout: 60_000 });
    const box = await button.boundingBox();
    if (!box) throw new Error(`${buttonName} has no box`);
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await page.locator('html[data-ready]').waitFor({ state: 'attached', timeout: 60_000 });
    // Once the app runs, the tap has had its chance: give storage a moment to finish.
    let counted = false;
    for (let i = 0; i < 20 && !counted; i++) {
      counted =
        (await button.getAttribute('aria-pressed')) === 'true' &&
        (await isBookmarkStored(page, id));
      if (!counted) await page.evaluate(() => new Promise((r) => setTimeout(r, 250)));
    }
    const marks = (await page.evaluate('window.__tapBench')) as Marks;
    return { counted, marks };
  } finally {
    await context.close();
  }
}

const front = JSON.parse(
  await readFile(path.join(dist, 'api', 'front.json'), 'utf8'),
) as FrontPayload;
const { story, lead } = benchStories(front);

const server = await startNginx(PORT);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
});
try {
  const targets = [
    { name: 'story «حفظ»', url: `${server.base}/article/${story.id}`, button: 'حفظ', id: story.id },
    {
      name: 'front card «حفظ: …»',
      url: `${server.base}/`,
      button: `حفظ: ${lead.headline}`,
      id: lead.id,
    },
  ];
  console.log(
    `Fresh visits at 390 px, slow 4G (150 ms, 1.6 Mbit/s) and 4× CPU, ${VISITS} a page, interleaved; tap as soon as the button shows.\n`,
  );
  const results = new Map(targets.map((t) => [t.name, [] as Visit[]]));
  for (let i = 0; i < VISITS; i++) {
    for (const target of targets) {
      results.get(target.name)?.push(await visit(browser, target.url, target.button, target.id));
    }
  }
  const ms = (n: number) => `${Math.round(n)} ms`;
  for (const [name, visits] of results) {
    const counted = visits.filter((v) => v.counted).length;
    const pressed = visits.filter((v) => v.marks.pressed).map((v) => v.marks.pressed - v.marks.tap);
    console.log(
      `${name.padEnd(22)} taps counted ${counted} of ${visits.length}` +
        ` · tap → shown pressed ${spread(pressed, ms)}` +
        ` · button shown → app ready ${spread(
          visits.map((v) => v.marks.ready - v.marks.shown),
          ms,
        )}` +
        ` · shown → tapped ${spread(
          visits.map((v) => v.marks.tap - v.marks.shown),
          ms,
        )}` +
        ` · taps before the app was ready ${visits.filter((v) => v.marks.tap < v.marks.ready).length}`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
}
