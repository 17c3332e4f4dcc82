// One Lighthouse run (mobile: slow 4G and a 4× slower CPU, Lighthouse's defaults) in
// Debian's Chromium, reduced to the figures the bench prints. The throttling is either
// simulated from an unthrottled load ('simulate', Lighthouse's default) or applied to
// the browser while it loads ('devtools').
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export type ThrottlingMethod = 'simulate' | 'devtools';

export type LighthouseFigures = {
  fcp: number;
  lcp: number;
  cls: number;
  tbt: number;
  scores: { performance: number; accessibility: number; bestPractices: number; seo: number };
  bytes: { script: number; stylesheet: number; font: number; document: number; image: number };
};

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export async function runLighthouse(
  url: string,
  throttlingMethod: ThrottlingMethod,
): Promise<LighthouseFigures> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      throttlingMethod,
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { audits, categories, runtimeError } = result.lhr;
    // A failed run (the page did not load, no paint was seen) has no figures to report.
    if (runtimeError) throw new Error(`${runtimeError.code}: ${runtimeError.message}`);
    const lcp = audits['largest-contentful-paint']?.numericValue;
    const fcp = audits['first-contentful-paint']?.numericValue;
    if (typeof lcp !== 'number' || typeof fcp !== 'number')
      throw new Error(`no FCP or LCP measured for ${url}`);
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    const summary =
      (
        audits['resource-summary']?.details as {
          items?: { resourceType: string; transferSize: number }[];
        }
      )?.items ?? [];
    const bytes = (type: string) =>
      summary.find((item) => item.resourceType === type)?.transferSize ?? 0;
    return {
      fcp,
      lcp,
      cls: audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
      tbt: audits['total-blocking-time']?.numericValue ?? Number.NaN,
      scores: {
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
      },
      bytes: {
        script: bytes('script'),
        stylesheet: bytes('stylesheet'),
        font: bytes('font'),
        document: bytes('document'),
        image: bytes('image'),
      },
    };
  } finally {
    await chrome.kill();
  }
}
