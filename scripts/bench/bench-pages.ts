// What the benches measure, decided once: the story (the first of the front page's
// stories with a photo), the front page's lead, and a fresh phone to open them in.
import type { Browser, BrowserContext } from '@playwright/test';
import type { FrontPayload, Teaser } from '#content/api-schema.ts';

export function benchStories(front: FrontPayload): { story: Teaser; lead: Teaser } {
  const story =
    [front.lead, ...front.latest].find((t) => t?.image) ?? front.lead ?? front.latest[0];
  const lead = front.lead ?? front.latest[0];
  if (!story || !lead) throw new Error('The corpus has no stories to measure.');
  return { story, lead };
}

/** A 390 px phone (3× pixels, touch), nothing cached, no service worker: a first visit. */
export function newPhoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    locale: 'ar',
    serviceWorkers: 'block',
  });
}
