/**
 * Headless Chromium for tests: Debian's package at /usr/bin/chromium (or
 * `CHROMIUM_PATH`), driven by playwright-core without any browser download.
 */
import { chromium, type Browser } from 'playwright-core';
import { existsSync } from 'node:fs';

/** Flags that keep Chromium quiet on a machine with no network but loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium executable, or null when none is installed. */
export function chromiumPath(): string | null {
  const p = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  return existsSync(p) ? p : null;
}

/** Launches headless Chromium. Throws with a fix when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium is not installed at /usr/bin/chromium. Install it with `apt-get install -y chromium` (`.ci/run` does), or set CHROMIUM_PATH.');
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}
