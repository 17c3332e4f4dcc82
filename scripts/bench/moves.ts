// Warm story-to-story moves, first and second in a page, of several served builds,
// interleaved round by round (a shared machine drifts): each round opens the front page
// of each build in a fresh context, moves to a story (the first move: the story route's
// code and the web fonts used for the first time), goes back, moves to another.
//
//   npx tsx scripts/bench/moves.ts before=http://127.0.0.1:4211/ after=http://127.0.0.1:4212/ [--rounds 9]
//
// Each build is served apart (e.g. `QARI_DIST=/tmp/x/dist PORT=4211 npm run serve:nginx`).
import { chromium } from '@playwright/test';
import type { FrontPayload } from '#content/api-schema.ts';
import { timeClick } from './navigation-timing.ts';
import { spread } from './stats.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--rounds');
const rounds = at >= 0 ? Number(args[at + 1]) : 9;
const builds = args
  .filter((a) => a.includes('='))
  .map((a) => {
    const [name = '', url = ''] = a.split('=');
    return { name, url, first: [] as number[], second: [] as number[] };
  });
if (builds.length === 0) throw new Error('Name the builds: name=http://host:port/ …');

const front = (await (
  await fetch(new URL('/api/front.json', builds[0]?.url))
).json()) as FrontPayload;
const headlines = front.latest.slice(0, 8).map((t) => t.headline);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
});
try {
  for (let round = 0; round < rounds; round++) {
    // Alternate the order, so neither build always runs right after the other.
    for (const build of round % 2 ? [...builds].reverse() : builds) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        serviceWorkers: 'block',
      });
      const page = await context.newPage();
      await page.goto(build.url, { waitUntil: 'networkidle' });
      const [a = '', b = ''] = [round, round + 1].map((i) => headlines[i % headlines.length]);
      build.first.push(await timeClick(page, a, true));
      await page.goBack();
      build.second.push(await timeClick(page, b, true));
      await context.close();
    }
  }
} finally {
  await browser.close();
}
const ms = (n: number) => n.toFixed(1);
for (const { name, first, second } of builds) {
  console.log(
    `${name}: first move ${spread(first, ms)} ms, second ${spread(second, ms)} ms (${rounds} each)`,
  );
}
