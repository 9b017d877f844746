// Chromium for the browser tests: how it is launched, a desktop-sized page with clipboard rights,
// and where screenshots go.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { repoRoot } from '../../integration/helpers/server';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const screenshotDir = join(repoRoot, 'test-results', 'screenshots');

/**
 * Where the README's pictures go: docs/screenshots/ only when asked for with
 * PARLEY_DOCS_SCREENSHOTS=1, so that an ordinary test run leaves the checkout untouched.
 */
export function readmeScreenshotDir(): string {
  return process.env.PARLEY_DOCS_SCREENSHOTS === '1'
    ? join(repoRoot, 'docs', 'screenshots')
    : screenshotDir;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
}

/** Saves a screenshot as a test artifact under test-results/screenshots/. */
export async function saveScreenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? false });
  return path;
}
