/**
 * `npx tsx scripts/screenshot.ts URL OUT.png [--phone] [--dark]`: a screenshot of
 * a page in headless Chromium (Debian's /usr/bin/chromium), for looking at
 * what a reader sees.
 */
import { launchChromium } from '../tests/helpers/browser.js';

const [url, out] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!url || !out) {
  process.stderr.write('usage: tsx scripts/screenshot.ts URL OUT.png [--phone] [--dark] [--full]\n');
  process.exit(2);
}
const phone = process.argv.includes('--phone');
const browser = await launchChromium();
try {
  const page = await browser.newPage({
    viewport: phone ? { width: 390, height: 844 } : { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    colorScheme: process.argv.includes('--dark') ? 'dark' : 'light',
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.screenshot({ path: out, fullPage: process.argv.includes('--full') });
} finally {
  await browser.close();
}
