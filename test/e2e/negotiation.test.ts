// A negotiation in Chromium: each side sees the other, their typing and the value move live;
// field errors, reload, offline edits, clause changes, and an observer who can edit nothing.
import { rmSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer } from '../integration/helpers/server';
import type { StartedServer } from '../integration/helpers/server';
import { launchBrowser, newContext, saveScreenshot } from './helpers/browser';
import { buildClient } from './helpers/client-build';
import { createNegotiationRoom } from './helpers/room-fixture';
import type { NegotiationRoom } from './helpers/room-fixture';
import { RoomPage } from './pages/RoomPage';

const wait = { timeout: 15_000, interval: 100 };
const cspShare = 'Value sharing: Kestrel Mobile share (%)';
const insurerShare = 'Value sharing: Aldermoor Health Insurance share (%)';

describe('a negotiation between the CSP and the insurer', () => {
  let clientDir: string;
  let server: StartedServer;
  let browser: Browser;
  let room: NegotiationRoom;
  let contextA: BrowserContext;
  let contextB: BrowserContext;
  let a: RoomPage;
  let b: RoomPage;
  let initialCspAllocation: string | null = null;

  beforeAll(async () => {
    clientDir = buildClient();
    server = await startServer({ clientDir });
    room = await createNegotiationRoom(server.url);
    browser = await launchBrowser();
    contextA = await newContext(browser);
    contextB = await newContext(browser);
    a = new RoomPage(await contextA.newPage());
    b = new RoomPage(await contextB.newPage());
    await a.open(room.links.csp);
    await b.open(room.links.insurer);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (clientDir) rmSync(clientDir, { recursive: true, force: true });
  });

  it('keeps the token but takes it out of the visible address', async () => {
    expect(a.page.url()).toBe(`${server.url}/rooms/${room.roomId}`);
    expect(
      await a.page.evaluate((key) => localStorage.getItem(key), `parley.token.${room.roomId}`),
    ).toBeTruthy();
  });

  it('shows each negotiator the other one in the room', async () => {
    await vi.waitFor(async () => {
      expect(await a.avatar('Ben Aldermoor').count()).toBe(1);
      expect(await b.avatar('Ada Kestrel').count()).toBe(1);
    }, wait);
    expect(await b.avatar('Ada Kestrel').getAttribute('aria-label')).toContain('Kestrel Mobile');
    await vi.waitFor(async () => expect(await b.allocationCell('csp').count()).toBe(1), wait);
    initialCspAllocation = await b.allocationCell('csp').getAttribute('title');
    await vi.waitFor(
      async () => expect(await a.connectionState().textContent()).toBe('Online'),
      wait,
    );
    await saveScreenshot(a.page, 'room-overview');
  });

  it('never scrolls the page sideways, wide parameter tables scroll in their own box', async () => {
    for (const width of [1280, 1440]) {
      await a.page.setViewportSize({ width, height: 900 });
      await vi.waitFor(async () => expect(await a.sidewaysOverflow()).toBeLessThanOrEqual(0), wait);
      const kpis = a.page.getByRole('table', { name: 'Outcome-based payments: KPIs' });
      const box = kpis.locator('xpath=ancestor::div[contains(@class,"table-scroll")][1]');
      // The table is wider than the clause column, so its own box scrolls instead of the page.
      expect(await box.evaluate((node) => node.scrollWidth > node.clientWidth)).toBe(true);
      await kpis.scrollIntoViewIfNeeded();
      await saveScreenshot(a.page, `room-params-${width}`);
    }
    await a.page.setViewportSize({ width: 1440, height: 900 });
  });

  it('shows a share that no longer sums to 100 at the share fields', async () => {
    await a.setParam(cspShare, '30');
    await vi.waitFor(async () => {
      expect(await a.param(cspShare).getAttribute('aria-invalid')).toBe('true');
      const group = a.clause('Value sharing').locator('.param-group .field-error');
      expect(await group.first().textContent()).toMatch(/sums to 110 %.*exactly 100 %/);
    }, wait);
    const describedBy = (await a.param(cspShare).getAttribute('aria-describedby')) ?? '';
    const description = await a.page.evaluate(
      (ids) =>
        ids
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      describedBy,
    );
    expect(description).toMatch(/exactly 100 %/);
    await a.clause('Value sharing').scrollIntoViewIfNeeded();
    await saveScreenshot(a.page, 'field-error');
  });

  it('shows text that is not an amount as an error at that field, without writing it', async () => {
    const label = 'Revenue streams: Monitoring subscriptions unit price (EUR)';
    await a.param(label).click();
    await a.param(label).fill('9 euros');
    await vi.waitFor(async () => {
      expect(await a.fieldErrorsFor(label).first().textContent()).toMatch(/Enter an amount/);
    }, wait);
    expect(await a.param(label).getAttribute('aria-invalid')).toBe('true');
    await a.param(label).fill('9');
    await a.param(label).press('Tab');
    await vi.waitFor(async () => expect(await a.fieldErrorsFor(label).count()).toBe(0), wait);
  });

  it("updates the insurer's value panel when the CSP negotiator moves a share", async () => {
    // The CSP's share is at 30 % and the split at 110 %: the insurer sees why there is no result.
    await vi.waitFor(async () => {
      expect(await b.param(cspShare).inputValue()).toBe('30');
      expect(await b.page.locator('.value-blocked').textContent()).toMatch(/needs 1 fix/);
    }, wait);
    await a.setParam(insurerShare, '30');
    await vi.waitFor(async () => {
      expect(await b.param(cspShare).inputValue()).toBe('30');
      expect(await b.param(insurerShare).inputValue()).toBe('30');
      const after = await b.allocationCell('csp').getAttribute('title');
      expect(after).toBeTruthy();
      expect(after).not.toBe(initialCspAllocation);
    }, wait);
    await vi.waitFor(
      async () => expect(await a.saveStatus().textContent()).toBe('All changes saved'),
      wait,
    );
    await b.page.locator('.value-panel').scrollIntoViewIfNeeded();
    await saveScreenshot(b.page, 'value-panel-after-share-change');
  });

  it("shows the CSP's typing and caret to the insurer", async () => {
    await a.typeInClause('Term', ' Either party may propose a review.');
    await vi.waitFor(async () => {
      expect(await b.clauseText('Term').textContent()).toContain(
        'Either party may propose a review.',
      );
      expect(await b.caretLabel('Ada Kestrel').count()).toBe(1);
    }, wait);
    await b.clause('Term').scrollIntoViewIfNeeded();
    await saveScreenshot(b.page, 'remote-caret');
  });

  it('shows parameter chips in the text with the live value', async () => {
    const chips = () => b.clause('Term').locator('.param-chip');
    const before = await chips().count();
    await a.clauseText('Term').click();
    await a.page.keyboard.press('Control+End');
    await a.page.getByLabel('Insert a parameter value (Term)').selectOption('durationMonths');
    await vi.waitFor(async () => expect(await chips().count()).toBe(before + 1), wait);
    await a.setParam('Term: Duration (months)', '24');
    await vi.waitFor(async () => {
      const texts = await chips().allTextContents();
      expect(texts.filter((t) => t === '24').length).toBeGreaterThanOrEqual(2);
      expect(texts).not.toContain('18');
    }, wait);
  });

  it('keeps the state across a reload', async () => {
    await vi.waitFor(
      async () => expect(await a.saveStatus().textContent()).toBe('All changes saved'),
      wait,
    );
    await a.page.reload();
    await a.waitReady();
    expect(await a.clauseText('Term').textContent()).toContain(
      'Either party may propose a review.',
    );
    expect(await a.param(cspShare).inputValue()).toBe('30');
    expect(a.page.url()).toBe(`${server.url}/rooms/${room.roomId}`);
  });

  it('delivers edits made offline once the connection returns', async () => {
    await contextA.setOffline(true);
    await vi.waitFor(
      async () => expect(await a.connectionState().textContent()).toBe('Offline'),
      wait,
    );
    await a.typeInClause('Scope of the programme', ' Written while offline.');
    await vi.waitFor(
      async () => expect(await a.saveStatus().textContent()).toBe('Unsaved edits on this device'),
      wait,
    );
    await saveScreenshot(a.page, 'offline');
    expect(await b.clauseText('Scope of the programme').textContent()).not.toContain(
      'Written while offline.',
    );
    await contextA.setOffline(false);
    await vi.waitFor(async () => {
      expect(await b.clauseText('Scope of the programme').textContent()).toContain(
        'Written while offline.',
      );
    }, wait);
    await vi.waitFor(async () => {
      expect(await a.connectionState().textContent()).toBe('Online');
      expect(await a.saveStatus().textContent()).toBe('All changes saved');
    }, wait);
  });

  it('lets a negotiator add, reorder and remove clauses, and the other side follows', async () => {
    const outline = a.page.getByRole('navigation', { name: 'Clauses' });
    await outline.getByLabel('Add a clause').selectOption({ label: 'Custom clause' });
    await outline.getByRole('button', { name: 'Add', exact: true }).click();
    await vi.waitFor(async () => expect(await b.clause('Custom clause').count()).toBe(1), wait);
    const titles = async () =>
      b.page
        .locator('section.clause-block:not(.assumptions) .clause-title')
        .evaluateAll((nodes) =>
          nodes.map(
            (n) =>
              (n.querySelector('input') as HTMLInputElement | null)?.value ?? n.textContent ?? '',
          ),
        );
    expect((await titles()).at(-1)).toBe('Custom clause');
    await outline.getByRole('button', { name: 'Move Custom clause up' }).click();
    await vi.waitFor(async () => expect((await titles()).at(-2)).toBe('Custom clause'), wait);
    await outline.getByRole('button', { name: 'Remove Custom clause' }).click();
    await outline.getByRole('button', { name: 'Confirm removing Custom clause' }).click();
    await vi.waitFor(async () => expect(await b.clause('Custom clause').count()).toBe(0), wait);
  });

  it('lets an observer see everything and edit nothing', async () => {
    const context = await newContext(browser);
    const observer = new RoomPage(await context.newPage());
    await observer.open(room.links.observer);
    await saveScreenshot(observer.page, 'observer');
    expect(await observer.clauseText('Term').textContent()).toContain(
      'Either party may propose a review.',
    );
    expect(await observer.param(cspShare).inputValue()).toBe('30');
    expect(await observer.totalsTable().count()).toBe(1);
    expect(await observer.editableControls().count()).toBe(0);
    expect(await observer.page.getByRole('button', { name: 'Invite' }).count()).toBe(0);
    await observer.clauseText('Term').click();
    await observer.page.keyboard.type('observer was here');
    await observer.param(cspShare).click({ force: true });
    await observer.page.keyboard.type('99');
    expect(await observer.clauseText('Term').textContent()).not.toContain('observer was here');
    expect(await observer.param(cspShare).inputValue()).toBe('30');
    await context.close();
  });
});
