// Fails in one line when no Chromium can be found for the end-to-end tests.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

if (!existsSync('/usr/bin/chromium') && !existsSync(chromium.executablePath())) {
  console.error(
    'No Chromium found: install one with `apt-get install chromium` (Debian) or `npx playwright install chromium`.',
  );
  process.exit(1);
}
