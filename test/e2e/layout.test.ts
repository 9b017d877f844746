import { rmSync } from 'node:fs';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer } from '../integration/helpers/server';
import type { StartedServer } from '../integration/helpers/server';
import { launchBrowser, newContext, saveReadmeShot, saveScreenshot } from './helpers/browser';
import { buildClient } from './helpers/client-build';
import { createTelematicsRoom } from './helpers/telematics-room';
import type { TelematicsRoom } from './helpers/telematics-room';
import { seriousViolations } from './pages/a11y';
import { LobbyPage } from './pages/LobbyPage';
import { MediationRoom } from './pages/mediationRoom';

const wait = { timeout: 15_000, interval: 100 };
const longTitle =
  'Connected car bundle for the northern launch markets, with usage-based insurance and in-car apps';

/** Whether a box lies inside the window's width. */
async function onScreen(locator: Locator, width: number): Promise<boolean> {
  const box = await locator.boundingBox();
  return box !== null && box.x >= 0 && box.x + box.width <= width + 0.5;
}

/** How far a table reaches past its own box (0: it fits). */
async function overflow(table: Locator): Promise<number> {
  return table.evaluate((node) => node.scrollWidth - (node.parentElement?.clientWidth ?? 0));
}

describe('the room at every width, in print and in the dark', () => {
  let clientDir: string;
  let server: StartedServer;
  let browser: Browser;
  let room: TelematicsRoom;
  let ada: MediationRoom;

  beforeAll(async () => {
    clientDir = buildClient();
    server = await startServer({ clientDir });
    room = await createTelematicsRoom(server.url, longTitle);
    browser = await launchBrowser();
    ada = new MediationRoom(await (await newContext(browser)).newPage());
    await ada.open(room.links.csp);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (clientDir) rmSync(clientDir, { recursive: true, force: true });
  });

  it('keeps every header control on screen and the page from scrolling sideways at 390, 1280 and 1440 px', async () => {
    for (const width of [390, 1280, 1440]) {
      await ada.page.setViewportSize({ width, height: 844 });
      await vi.waitFor(
        async () => expect(await ada.sidewaysOverflow()).toBeLessThanOrEqual(0),
        wait,
      );
      const controls = ada.headerControls();
      const count = await controls.count();
      expect(count).toBeGreaterThan(8);
      for (let i = 0; i < count; i += 1) {
        const control = controls.nth(i);
        if (!(await control.isVisible())) continue;
        expect(
          await onScreen(control, width),
          `${await control.getAttribute('aria-label')} at ${width} px`,
        ).toBe(true);
      }
      // A long title is cut on screen but readable whole on hover.
      expect(await ada.page.getByRole('heading', { level: 1 }).getAttribute('title')).toBe(
        longTitle,
      );
      await saveScreenshot(ada.page, `layout-${width}`);
      if (width === 390) await saveReadmeShot(ada.page, null, 'phone');
    }
  });

  it('switches Clauses, Value, Comments and Mediation with a bottom bar at 390 px', async () => {
    await ada.page.setViewportSize({ width: 390, height: 844 });
    await ada.paneTab('Value').click();
    await vi.waitFor(async () => {
      expect(await ada.valuePanel().isVisible()).toBe(true);
      expect(await ada.page.locator('main#clauses').isVisible()).toBe(false);
      // The value panel is at the top, not thousands of pixels down.
      expect((await ada.valuePanel().boundingBox())!.y).toBeLessThan(400);
    }, wait);
    await saveScreenshot(ada.page, 'layout-390-value');
    await ada.paneTab('Mediation').click();
    await vi.waitFor(async () => {
      expect(await ada.mediationPanel().isVisible()).toBe(true);
      expect(await onScreen(ada.mediationPanel(), 390)).toBe(true);
    }, wait);
    await saveScreenshot(ada.page, 'layout-390-mediation');
    await ada.paneTab('Comments').click();
    await vi.waitFor(async () => {
      expect(await ada.mediationPanel().count()).toBe(0);
      expect(
        await ada.page
          .getByRole('dialog', { name: /comments/i })
          .first()
          .isVisible(),
      ).toBe(true);
    }, wait);
    await ada.paneTab('Clauses').click();
    await vi.waitFor(async () => {
      expect(await ada.page.locator('main#clauses').isVisible()).toBe(true);
      expect(await ada.valuePanel().isVisible()).toBe(false);
    }, wait);
    // The outline is a list to open above the clauses.
    await ada.outline().getByRole('button', { name: 'Go to a clause' }).click();
    await ada.outline().getByRole('button', { name: /^Exit/ }).click();
    await vi.waitFor(async () => {
      const box = await ada.clause('Exit').boundingBox();
      expect(box!.y).toBeLessThan(844);
      expect(box!.y + 40).toBeGreaterThan(0);
    }, wait);
    expect(await ada.sidewaysOverflow()).toBeLessThanOrEqual(0);
  });

  it('fits the totals of four parties and the sign-off matrix, mediation beside the value panel', async () => {
    for (const width of [1280, 1440]) {
      await ada.page.setViewportSize({ width, height: 900 });
      await ada.page.evaluate(() => window.scrollTo(0, 0));
      await ada.openPanel('Sign-off');
      await vi.waitFor(async () => {
        expect(await ada.valuePanel().isVisible()).toBe(true);
        expect(await ada.mediationPanel().isVisible()).toBe(true);
      }, wait);
      const value = (await ada.valuePanel().boundingBox())!;
      const mediation = (await ada.mediationPanel().boundingBox())!;
      expect(mediation.x).toBeGreaterThanOrEqual(value.x + value.width - 0.5);
      expect(mediation.x + mediation.width).toBeLessThanOrEqual(width + 0.5);
      expect(await overflow(ada.totalsTable())).toBeLessThanOrEqual(0);
      expect(await overflow(ada.page.locator('table.signoff-matrix'))).toBeLessThanOrEqual(0);
      expect(await ada.totalsTable().locator('thead th[data-party]').count()).toBe(4);
      expect(await ada.sidewaysOverflow()).toBeLessThanOrEqual(0);
      await saveScreenshot(ada.page, `layout-${width}-mediation`);
      if (width === 1440) await saveReadmeShot(ada.page, null, 'mediation-beside-value');
      await ada.closePanel();
      expect(await overflow(ada.totalsTable())).toBeLessThanOrEqual(0);
    }
  });

  it('prints the term sheet as a clean document', async () => {
    await ada.page.setViewportSize({ width: 1280, height: 900 });
    await ada.page.emulateMedia({ media: 'print' });
    expect(await ada.outline().isVisible()).toBe(false);
    expect(await ada.valuePanel().isVisible()).toBe(false);
    expect(await ada.headerButton(/^Notifications/).isVisible()).toBe(false);
    expect(await ada.clauseText('Exit').isVisible()).toBe(true);
    const pdf = await ada.page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Fourteen clauses of text run to several pages.
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThan(2);
    await ada.page.emulateMedia({ media: 'screen' });
  });

  it('follows the system’s dark mode', async () => {
    const luminance = () =>
      ada.page.evaluate(() => {
        const [r, g, b] = (getComputedStyle(document.body).backgroundColor.match(/\d+/g) ?? [])
          .slice(0, 3)
          .map(Number);
        return (0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0)) / 255;
      });
    expect(await luminance()).toBeGreaterThan(0.8);
    await ada.page.emulateMedia({ colorScheme: 'dark' });
    expect(await luminance()).toBeLessThan(0.2);
    await saveScreenshot(ada.page, 'dark-mode');
    await ada.page.emulateMedia({ colorScheme: 'light' });
  });

  it('finds words in clause titles and text, and lists the keyboard shortcuts on "?"', async () => {
    await ada.page.locator('body').click({ position: { x: 5, y: 300 } });
    await ada.page.keyboard.press('Control+f');
    await vi.waitFor(async () => {
      expect(await ada.searchBox().isVisible()).toBe(true);
      expect(await ada.searchBox().evaluate((n) => n === document.activeElement)).toBe(true);
    }, wait);
    await ada.searchBox().fill('emergency call');
    await vi.waitFor(
      async () => expect(await ada.searchCount().textContent()).toMatch(/^1 of \d+$/),
      wait,
    );
    await ada.searchBox().press('Enter');
    const current = ada.page.locator('.sheet-search-result.is-current');
    expect(await current.textContent()).toMatch(/emergency call/i);
    await ada.searchBox().fill('Outcome pay');
    await vi.waitFor(
      async () => expect(await current.textContent()).toMatch(/Outcome payments \(title\)/),
      wait,
    );
    await ada.searchBox().press('Escape');
    expect(await ada.searchBox().count()).toBe(0);

    await ada.page.locator('body').click({ position: { x: 5, y: 300 } });
    await ada.page.keyboard.press('Shift+?');
    await vi.waitFor(async () => expect(await ada.shortcutsDialog().isVisible()).toBe(true), wait);
    expect(await ada.shortcutsDialog().textContent()).toContain('Undo your last change');
    await ada.page.keyboard.press('Escape');
    await vi.waitFor(async () => expect(await ada.shortcutsDialog().count()).toBe(0), wait);
  });

  it('lists the rooms opened in this browser in the lobby', async () => {
    const lobby = new LobbyPage(await ada.page.context().newPage());
    await lobby.open(server.url);
    const recent = lobby.page.getByRole('region', { name: 'Recently opened in this browser' });
    await vi.waitFor(async () => expect(await recent.textContent()).toContain(longTitle), wait);
    await recent.getByRole('link', { name: new RegExp(longTitle.slice(0, 30)) }).click();
    await new MediationRoom(lobby.page).waitReady();
    await lobby.page.close();
  });

  it('has no serious accessibility violations on the lobby and the room', async () => {
    const page = await ada.page.context().newPage();
    const lobby = new LobbyPage(page);
    await lobby.open(server.url);
    expect(await seriousViolations(page)).toEqual([]);
    await ada.page.setViewportSize({ width: 1440, height: 900 });
    expect(await seriousViolations(ada.page)).toEqual([]);
    await ada.openPanel('Sign-off');
    expect(await seriousViolations(ada.page)).toEqual([]);
    await ada.closePanel();
    await ada.page.emulateMedia({ colorScheme: 'dark' });
    // Colours change with a short transition; axe reads them once it is over.
    await ada.page.waitForTimeout(600);
    expect(await seriousViolations(ada.page)).toEqual([]);
    await ada.page.emulateMedia({ colorScheme: 'light' });
    await ada.page.setViewportSize({ width: 390, height: 844 });
    expect(await seriousViolations(ada.page)).toEqual([]);
    await page.close();
  });
});
