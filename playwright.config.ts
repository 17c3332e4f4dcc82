import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  type BrowserType,
  defineConfig,
  devices,
  firefox,
  type Project,
  webkit,
} from '@playwright/test';

/**
 * The testers' suite (e2e/README.md). By default it serves the production build in
 * dist/ itself (`npm run build` first); PLAYWRIGHT_BASE_URL points it at any running
 * build instead. Every environment variable read here is listed in the guide.
 */
const externalBaseUrl = process.env.PLAYWRIGHT_BASE_URL;
const port = process.env.QARI_E2E_PORT ?? '4173';
const baseURL = externalBaseUrl ?? `http://127.0.0.1:${port}`;
const onCI = Boolean(process.env.CI);
/** `npm run test:nginx` writes its reports beside the default run's, not over them. */
const run = process.env.QARI_NGINX ? 'nginx' : 'e2e';
/** The config is read again in every worker: say things and probe ports once. */
const firstRead = !process.env.QARI_E2E_CONFIG_READ;
process.env.QARI_E2E_CONFIG_READ = '1';

const shared = { locale: 'ar', timezoneId: 'Asia/Riyadh' };
const desktopSize = { viewport: { width: 1280, height: 800 } };
const debianChromium = existsSync('/usr/bin/chromium')
  ? { launchOptions: { executablePath: '/usr/bin/chromium' } }
  : {};

/**
 * The phone project runs the flows where a phone differs from a desktop: RTL layout at
 * 390 px, screenshots, ARIA structure, the tester flows, @smoke, and @phone (a touch or
 * narrow-screen flow of another folder: reading a story and a list, the light-scheme
 * accessibility scans of the front page and a story). Storage, search, preferences,
 * failures, offline logic and the ARIA structure (one snapshot for every project) are the
 * same code on both: their flows run on desktop only, unless QARI_PHONE_ALL=1
 * (e2e/README.md, «Projects»).
 */
const PHONE_TAGS = /@smoke|@phone|@rtl|@visual/;

/**
 * What a run leaves out unless QARI_E2E_ALL=1 (`npm run test:e2e:all`): the @long flows
 * (a 20 MB import, 1,000 saves from two tabs: minutes each), and, when the server is not
 * nginx, the @nginx flows (the header checks would skip themselves; the first-tap flows
 * run in `npm run test:nginx`, against the server readers get). CI must finish in 15
 * minutes on 2 cores (e2e/README.md, «Projects»).
 */
const everything = Boolean(process.env.QARI_E2E_ALL);
const leftOut = everything ? [] : ['@long', ...(process.env.QARI_NGINX ? [] : ['@nginx'])];

const chromiumProjects: Project[] = [
  {
    name: 'desktop',
    use: { ...devices['Desktop Chrome'], ...desktopSize, ...shared, ...debianChromium },
  },
  {
    name: 'phone',
    grep: process.env.QARI_PHONE_ALL || everything ? undefined : PHONE_TAGS,
    use: {
      ...devices['Desktop Chrome'],
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      ...shared,
      ...debianChromium,
    },
  },
];

/**
 * Firefox and WebKit at desktop size, when Playwright's builds of them are installed
 * (`npx playwright install firefox webkit`). Screenshots are compared per browser and
 * only Chromium's baselines are kept, so @visual runs on Chromium only.
 */
const otherBrowsers: { name: string; type: BrowserType; use: Project['use'] }[] = [
  { name: 'firefox', type: firefox, use: { ...devices['Desktop Firefox'], ...desktopSize } },
  { name: 'webkit', type: webkit, use: { ...devices['Desktop Safari'], ...desktopSize } },
];
const installed = (type: BrowserType) => {
  try {
    return existsSync(type.executablePath());
  } catch {
    return false; // a browser Playwright has no build of for this system
  }
};
const otherProjects: Project[] = otherBrowsers
  .filter((browser) => installed(browser.type))
  .map((browser) => ({
    name: browser.name,
    grepInvert: invert([...leftOut, '@visual']),
    use: { ...browser.use, ...shared },
  }));
const missing = otherBrowsers.filter((browser) => !installed(browser.type)).map((b) => b.name);

/**
 * `--browser=firefox` is Playwright's switch for configs without projects; here it
 * runs that browser at desktop size, as the `firefox` project would (Chromium: as
 * `desktop`, screenshots aside). Workers do not see the command line, so the choice
 * travels to them in QARI_E2E_BROWSER.
 */
const browserFlag =
  process.env.QARI_E2E_BROWSER ??
  /--browser[= ](\w+)/.exec(process.argv.join(' '))?.[1]?.toLowerCase();
if (browserFlag) process.env.QARI_E2E_BROWSER = browserFlag;
if (browserFlag === 'all') {
  stop(
    '--browser=all: here each browser is a project. Without --browser the suite runs every installed one (desktop, phone, and firefox, webkit once installed); --project=firefox picks one.',
  );
}
if (browserFlag && missing.includes(browserFlag)) {
  stop(
    `${browserFlag} is not installed here: \`npx playwright install ${browserFlag}\` on a machine that can download browsers. Without --browser the suite runs on Chromium (projects desktop and phone).`,
  );
}
if (firstRead && !browserFlag && missing.length > 0) {
  console.log(
    `Projects ${missing.join(' and ')} skipped: not installed (npx playwright install ${missing.join(' ')}).`,
  );
}
/** With --browser, Playwright makes the one project; it takes this top-level `use`. */
const browserFlagUse: Project['use'] = browserFlag
  ? [...chromiumProjects, ...otherProjects].find(
      (p) => p.name === (browserFlag === 'chromium' ? 'desktop' : browserFlag),
    )?.use
  : undefined;

if (firstRead && !externalBaseUrl && !process.argv.includes('--list') && portAnswers(port)) {
  stop(
    `Something already listens on port ${port}, and the suite would test whatever it serves. Stop it, use another port (QARI_E2E_PORT=<port> npm run test:e2e), or test that server on purpose (PLAYWRIGHT_BASE_URL=http://127.0.0.1:${port} npm run test:e2e).`,
  );
}

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  forbidOnly: onCI,
  retries: onCI ? 1 : 0,
  // Three on two cores: much of a flow is waiting (page loads, the app starting, the
  // network), so a third browser uses time the other two leave idle.
  workers: 3,
  // Flows that save, reload and open a second browser make five or six page loads: on a
  // busy 2-core machine each can take seconds.
  timeout: 45_000,
  expect: {
    timeout: 7_000,
    toHaveScreenshot: { maxDiffPixelRatio: 0.01 },
    // One ARIA snapshot for every project: the structure does not change with the screen.
    toMatchAriaSnapshot: { pathTemplate: '{testDir}/__snapshots__/{testFilePath}/{arg}{ext}' },
  },
  reporter: [
    ['list'],
    [
      'html',
      { open: 'never', outputFolder: `playwright-report${run === 'nginx' ? '-nginx' : ''}` },
    ],
    // Durations per project and tag: npm run test:e2e:durations
    ['json', { outputFile: `reports/${run}.json` }],
    ...(onCI ? [['junit', { outputFile: `reports/junit-${run}.xml` }] as const] : []),
  ],
  snapshotPathTemplate: '{testDir}/__screenshots__/{testFilePath}/{arg}-{projectName}{ext}',
  // Baselines are named after the suite's projects, which --browser does not use.
  grepInvert: invert([...leftOut, ...(browserFlag ? ['@visual'] : [])]),
  use: {
    ...browserFlagUse,
    baseURL,
    // Network faults are made with page.route, which cannot see requests a service
    // worker makes; the offline flows allow the worker explicitly.
    serviceWorkers: 'block',
    // A failure keeps its trace (open it from the report); CI records one on the retry.
    trace: onCI ? 'on-first-retry' : 'retain-on-failure',
    screenshot: 'only-on-failure',
    video: process.env.PW_VIDEO === '1' ? 'retain-on-failure' : 'off',
  },
  projects: browserFlag ? undefined : [...chromiumProjects, ...otherProjects],
  webServer: externalBaseUrl
    ? undefined
    : {
        command: `node scripts/dev/serve-dist.mjs ${port}`,
        url: `${baseURL}/api/sections.json`,
        // Checked above with a message that says what to do.
        reuseExistingServer: false,
        timeout: 180_000,
      },
});

/** A pattern matching any of the tags, or nothing to leave out. */
function invert(tags: string[]): RegExp | undefined {
  return tags.length > 0 ? new RegExp(tags.join('|')) : undefined;
}

/** Ends the run with one line that says what to do (an Error would add a stack trace). */
function stop(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Whether something accepts connections on the port (a synchronous probe, once). */
function portAnswers(portNumber: string): boolean {
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `require('node:net').connect(${Number(portNumber)}, '127.0.0.1')
        .on('connect', () => process.exit(0)).on('error', () => process.exit(1))`,
    ],
    { timeout: 10_000 },
  );
  return probe.status === 0;
}
