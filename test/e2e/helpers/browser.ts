// Chromium for the browser tests: how it is launched, a desktop-sized page with clipboard rights,
// and where screenshots go.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
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

/**
 * A picture for the README: a clip around one element (or the whole window), written where
 * `readmeScreenshotDir` says, so it lands in docs/screenshots only when asked for.
 */
export async function saveReadmeShot(
  page: Page,
  element: Locator | null,
  name: string,
): Promise<string> {
  const dir = readmeScreenshotDir();
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
  const box = element ? await element.boundingBox() : null;
  const clip = box
    ? {
        x: Math.max(0, box.x - 12),
        y: Math.max(0, box.y - 12),
        width: Math.min(box.width + 24, viewport.width),
        height: Math.min(box.height + 24, viewport.height),
      }
    : { x: 0, y: 0, width: viewport.width, height: viewport.height };
  await page.screenshot({ path, clip });
  return path;
}
