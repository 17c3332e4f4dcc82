// Time from clicking a story link to the new headline painted, in the page's own clock:
// the click event's timestamp to the end of the first frame that shows the headline. An
// animation frame callback runs before that frame's style, layout and paint, so the
// clock stops in the task right after it (a message to itself), once the frame is drawn:
// stopped in the callback, work put off past the click would look free.
import { chromium, type Page } from '@playwright/test';

export type NavigationTimes = { warm: number[]; cold: number[] };

/** One move: click → the new headline painted; `warm` hovers the link first (JSON and code prefetched). */
export async function timeClick(page: Page, headline: string, warm: boolean): Promise<number> {
  const link = page.getByRole('main').getByRole('link', { name: headline, exact: true }).first();
  await link.scrollIntoViewIfNeeded();
  if (warm) {
    const id = ((await link.getAttribute('href')) ?? '').split('/').pop() ?? '';
    const fetched = page.waitForResponse((r) => r.url().endsWith(`/api/articles/${id}.json`));
    await link.hover();
    await fetched;
  }
  // A string, not a function: tsx would wrap a function's helpers in names the page lacks.
  const painted = page.evaluate(`new Promise((resolve) => {
    const expected = ${JSON.stringify(headline)};
    let clickedAt = 0;
    addEventListener('click', (event) => { clickedAt = event.timeStamp; }, { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (clickedAt && document.querySelector('h1')?.textContent?.trim() === expected) {
        observer.disconnect();
        requestAnimationFrame(() => {
          const after = new MessageChannel();
          after.port1.onmessage = () => resolve(performance.now() - clickedAt);
          after.port2.postMessage(0);
        });
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  })`) as Promise<number>;
  await link.click();
  return painted;
}

export async function measureNavigation(
  baseUrl: string,
  headlines: string[],
): Promise<NavigationTimes> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  });
  const times: NavigationTimes = { warm: [], cold: [] };
  try {
    for (const [kind, warm] of [
      ['warm', true],
      ['cold', false],
    ] as const) {
      for (const headline of headlines) {
        // A fresh context each time: nothing cached, in memory or on disk.
        const context = await browser.newContext({
          viewport: { width: 1280, height: 800 },
          serviceWorkers: 'block',
        });
        const page = await context.newPage();
        await page.goto(baseUrl, { waitUntil: 'networkidle' });
        times[kind].push(await timeClick(page, headline, warm));
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return times;
}
