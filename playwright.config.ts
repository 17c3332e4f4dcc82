import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * The testers' suite. By default it serves the production build in dist/ itself
 * (`npm run build` first); PLAYWRIGHT_BASE_URL points it at any running build instead.
 */
const externalBaseUrl = process.env.PLAYWRIGHT_BASE_URL;
const port = process.env.QARI_E2E_PORT ?? '4173';
const baseURL = externalBaseUrl ?? `http://127.0.0.1:${port}`;
const systemChromium = '/usr/bin/chromium';

const shared = {
  locale: 'ar',
  timezoneId: 'Asia/Riyadh',
  launchOptions: existsSync(systemChromium) ? { executablePath: systemChromium } : {},
};

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 7_000, toHaveScreenshot: { maxDiffPixelRatio: 0.01 } },
  reporter: [['list'], ['html', { open: 'never' }]],
  snapshotPathTemplate: '{testDir}/__screenshots__/{testFilePath}/{arg}-{projectName}{ext}',
  use: {
    baseURL,
    // Network faults are made with page.route, which cannot see requests a service
    // worker makes; the offline flows allow the worker explicitly.
    serviceWorkers: 'block',
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    video: process.env.PW_VIDEO === '1' ? 'retain-on-failure' : 'off',
  },
  projects: [
    {
      name: 'desktop',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, ...shared },
    },
    {
      name: 'phone',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        ...shared,
      },
    },
  ],
  webServer: externalBaseUrl
    ? undefined
    : {
        command: `node scripts/dev/serve-dist.mjs ${port}`,
        url: `${baseURL}/api/sections.json`,
        reuseExistingServer: !process.env.CI,
        timeout: 180_000,
      },
});
