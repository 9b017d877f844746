import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer } from '../integration/helpers/server';
import type { StartedServer } from '../integration/helpers/server';
import { launchBrowser, newContext, saveReadmeShot, saveScreenshot } from './helpers/browser';
import { buildClient } from './helpers/client-build';
import { createTelematicsRoom } from './helpers/telematics-room';
import type { TelematicsRoom } from './helpers/telematics-room';
import { MediationRoom } from './pages/mediationRoom';

const wait = { timeout: 15_000, interval: 100 };
const floor = 'Minimum guarantee: Lanternfish Mobility Apps floor per period (EUR)';
const cap = 'Cap: Meridian Connect cap per period (EUR)';
const sharing = 'Value sharing by Shapley value';

describe('editing the numbers and the text together', () => {
  let clientDir: string;
  let server: StartedServer;
  let browser: Browser;
  let room: TelematicsRoom;
  /** Ada Kestrel, negotiator for Meridian Connect (the operator). */
  let ada: MediationRoom;
  /** Cyrus Lantern, negotiator for Lanternfish Mobility Apps. */
  let cyrus: MediationRoom;
  /** Mina Ortega, the mediator, who joins later. */
  let mediator: MediationRoom;

  beforeAll(async () => {
    clientDir = buildClient();
    server = await startServer({ clientDir });
    room = await createTelematicsRoom(server.url);
    browser = await launchBrowser();
    ada = new MediationRoom(await (await newContext(browser)).newPage());
    cyrus = new MediationRoom(await (await newContext(browser)).newPage());
    await ada.open(room.links.csp);
    await cyrus.open(room.links.app);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (clientDir) rmSync(clientDir, { recursive: true, force: true });
  });

  it('never shows the other side a number half typed: 350000 at 60 ms per key arrives whole', async () => {
    await vi.waitFor(
      async () => expect(await cyrus.param(floor).inputValue()).toBe('20,000'),
      wait,
    );
    await cyrus.recordValuesOf(floor);
    await ada.typeIntoParam(floor, '350000', 60);
    // Ada's field is still focused: the value goes out once her typing pauses.
    await vi.waitFor(
      async () => expect(await cyrus.param(floor).inputValue()).toBe('350,000'),
      wait,
    );
    expect(await cyrus.seenValues()).toEqual(['20,000', '350,000']);
    await ada.param(floor).press('Tab');
  });

  it('never saves text that is not a number, and says so at the field', async () => {
    await ada.typeIntoParam(floor, '35abc', 30);
    await ada.param(floor).press('Tab');
    await vi.waitFor(async () => {
      expect(await ada.fieldErrorsFor(floor).first().textContent()).toMatch(
        /Enter an amount.*not saved/,
      );
      expect(await ada.param(floor).getAttribute('aria-invalid')).toBe('true');
    }, wait);
    // Long past the pause that would have saved a number, the other side still has the old one.
    await ada.page.waitForTimeout(1500);
    expect(await cyrus.param(floor).inputValue()).toBe('350,000');
    await ada.param(floor).click();
    await ada.param(floor).press('Escape');
    expect(await ada.param(floor).inputValue()).toBe('350,000');
    await ada.param(floor).press('Tab');
    await vi.waitFor(async () => expect(await ada.fieldErrorsFor(floor).count()).toBe(0), wait);
  });

  it('refuses a value outside the limits of the term sheet at the field', async () => {
    const share = `${sharing}: Meridian Connect share (%)`;
    await ada
      .clause(sharing)
      .getByText(/Fixed split: not used/)
      .click();
    await ada.typeIntoParam(share, '140', 0);
    await ada.param(share).press('Enter');
    await vi.waitFor(async () => {
      expect(await ada.fieldErrorsFor(share).first().textContent()).toMatch(
        /from 0 % to 100 %.*not saved/,
      );
    }, wait);
    await ada.param(share).press('Escape');
    await ada.param(share).press('Tab');
  });

  it('takes back this member’s own change with undo and brings it back with redo', async () => {
    await ada.setParam(floor, '400000');
    await vi.waitFor(
      async () => expect(await cyrus.param(floor).inputValue()).toBe('400,000'),
      wait,
    );
    await ada.undo();
    await vi.waitFor(async () => {
      expect(await ada.param(floor).inputValue()).toBe('350,000');
      expect(await cyrus.param(floor).inputValue()).toBe('350,000');
    }, wait);
    await ada.redo();
    await vi.waitFor(
      async () => expect(await cyrus.param(floor).inputValue()).toBe('400,000'),
      wait,
    );
    // Ctrl+Z in the field itself, once nothing typed there is waiting to be saved.
    await ada.param(floor).click();
    await ada.param(floor).press('Control+z');
    await vi.waitFor(
      async () => expect(await cyrus.param(floor).inputValue()).toBe('350,000'),
      wait,
    );
    await ada.param(floor).press('Tab');
  });

  it('undoes typing in the clause text, for everyone, and never someone else’s edit', async () => {
    await cyrus.typeInClause('Term', ' Cyrus wrote this.');
    await vi.waitFor(
      async () => expect(await ada.clauseText('Term').textContent()).toContain('Cyrus wrote this.'),
      wait,
    );
    await ada.typeInClause('Term', ' Ada wrote this.');
    await vi.waitFor(
      async () => expect(await cyrus.clauseText('Term').textContent()).toContain('Ada wrote this.'),
      wait,
    );
    await ada.page.keyboard.press('Control+z');
    await vi.waitFor(async () => {
      const text = (await cyrus.clauseText('Term').textContent()) ?? '';
      expect(text).not.toContain('Ada wrote this.');
      expect(text).toContain('Cyrus wrote this.');
    }, wait);
  });

  it('flashes a value someone else changed, saying who and what it was', async () => {
    await ada.setParam(cap, '360000');
    await vi.waitFor(async () => {
      expect(await cyrus.param(cap).inputValue()).toBe('360,000');
      expect(await cyrus.paramField(cap).getAttribute('class')).toMatch(/is-flashing/);
      expect(await cyrus.changeNote(cap).textContent()).toBe(
        'Changed by Ada Kestrel (Meridian Connect), was €350,000.00',
      );
    }, wait);
    const tooltip = await cyrus.paramField(cap).locator('.input-affix').getAttribute('title');
    expect(tooltip).toBe('Changed by Ada Kestrel (Meridian Connect), was €350,000.00');
    const described = await cyrus.param(cap).getAttribute('aria-describedby');
    expect(described).toMatch(/-changed/);
    await cyrus.clause('Cap').scrollIntoViewIfNeeded();
    await saveScreenshot(cyrus.page, 'changed-by-highlight');
    await saveReadmeShot(
      cyrus.page,
      cyrus.clause('Cap').locator('.params'),
      'changed-by-highlight',
    );
    // The one who made the change sees no mark on it.
    expect(await ada.changeNote(cap).count()).toBe(0);
  });

  it('shows the unused fixed split of a Shapley clause as such, without an error', async () => {
    const clause = cyrus.clause(sharing);
    await expect
      .poll(() => clause.getByText(/Fixed split: not used by the Shapley value method/).count())
      .toBe(1);
    expect(await clause.locator('.split-total.is-off').count()).toBe(0);
    expect(await clause.textContent()).not.toContain('must be 100 %');
  });

  it('keeps a clause title within the server’s limit, and says so at the field', async () => {
    const title = ada.page.getByRole('textbox', { name: 'Confidentiality: clause title' });
    expect(await title.getAttribute('maxlength')).toBe('300');
    await title.fill('C'.repeat(350));
    await vi.waitFor(async () => {
      const titleNow = ada.page.locator('input.title-input').filter({ hasText: '' });
      expect(
        (
          await titleNow.evaluateAll((n) => n.map((i) => (i as HTMLInputElement).value.length))
        ).includes(300),
      ).toBe(true);
      expect(await ada.page.getByText('A clause title holds at most 300 characters.').count()).toBe(
        1,
      );
    }, wait);
    // The calculator still works for everyone.
    await vi.waitFor(async () => expect(await cyrus.allocationCell('csp').count()).toBe(1), wait);
    const long = ada.page.getByRole('textbox', { name: `${'C'.repeat(300)}: clause title` });
    await long.fill('Confidentiality');
    await vi.waitFor(
      async () => expect(await cyrus.clause('Confidentiality').count()).toBe(1),
      wait,
    );
  });

  it('opens a clause’s comments where they can be seen', async () => {
    await ada.page.evaluate(() => window.scrollTo(0, 0));
    const toggle = ada.clause('Outcome payments').getByRole('button', {
      name: /^Comments on Outcome payments/,
    });
    await toggle.click();
    const panel = ada.page.getByRole('region', { name: 'Comments on Outcome payments' });
    await vi.waitFor(async () => {
      const box = await panel.boundingBox();
      const viewport = ada.page.viewportSize()!;
      expect(box).not.toBeNull();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y).toBeLessThan(viewport.height - 40);
    }, wait);
    await toggle.click();
  });

  it('offers no Remove for a locked clause, and Lock comes back off', async () => {
    mediator = new MediationRoom(await (await newContext(browser)).newPage());
    await mediator.open(room.links.mediator);
    const outline = ada.outline();
    expect(await outline.getByRole('button', { name: 'Remove Exit' }).count()).toBe(1);
    await mediator.page.getByRole('button', { name: 'Lock Exit' }).click();
    await vi.waitFor(async () => {
      expect(await ada.clause('Exit').getByTestId('lock-badge').count()).toBe(1);
      expect(await outline.getByRole('button', { name: 'Remove Exit' }).count()).toBe(0);
      expect(await outline.getByText('Exit is locked').count()).toBe(1);
    }, wait);
    await mediator.page.getByRole('button', { name: 'Unlock Exit' }).click();
    await vi.waitFor(
      async () =>
        expect(await outline.getByRole('button', { name: 'Remove Exit' }).count()).toBe(1),
      wait,
    );
  });

  it('rings the bell for someone joining, a proposal awaiting the party, and a caucus message', async () => {
    // The mediator joined in the test before; Cyrus heard of it.
    await cyrus.openNotifications();
    await vi.waitFor(async () => {
      const items = await cyrus.notificationItems().allTextContents();
      expect(items.some((t) => t.includes('Mina Ortega joined the room'))).toBe(true);
    }, wait);
    await cyrus.page.keyboard.press('Escape');

    // Ada proposes a new cap and a new text; Cyrus's party decides on it.
    await ada.clause('Cap').getByRole('button', { name: 'Propose a change' }).click();
    const form = ada.proposalForm('Cap');
    const proposed = form.getByLabel('Proposal for Cap: Meridian Connect cap per period (EUR)', {
      exact: true,
    });
    await proposed.fill('380000');
    await proposed.press('Tab');
    await form.getByRole('checkbox', { name: 'Also propose a new clause text' }).check();
    const text = form.getByLabel('Proposed text (Markdown)');
    const current = await text.inputValue();
    expect(current).toContain('{{param:caps.csp}}');
    await text.fill(current.replace('wholesale connectivity tariff', 'retail connectivity tariff'));
    await form.getByLabel('Rationale').fill('The tariff we quote is the retail one.');
    await form.locator('.impact-table').waitFor();
    await form.getByRole('button', { name: 'Send proposal' }).click();
    await form.waitFor({ state: 'detached' });

    const card = cyrus.proposals('Cap').first();
    await vi.waitFor(async () => {
      expect(await card.locator('.redline-ins').allTextContents()).toContain('retail');
      expect(await card.locator('.redline-del').allTextContents()).toContain('wholesale');
    }, wait);
    const redline = (await card.locator('.redline').textContent()) ?? '';
    expect(redline).not.toContain('{{');
    expect(redline).toContain('€360,000.00');
    expect(redline).toContain('€380,000.00');
    await card.scrollIntoViewIfNeeded();
    await saveScreenshot(cyrus.page, 'proposal-redline');
    await saveReadmeShot(cyrus.page, card.locator('.proposal-changes'), 'proposal-redline');

    await cyrus.openNotifications();
    await vi.waitFor(async () => {
      const items = await cyrus.notificationItems().allTextContents();
      expect(
        items.some((t) =>
          t.includes('Ada Kestrel proposed a change to Cap; your party’s decision is awaited'),
        ),
      ).toBe(true);
      expect(await cyrus.bell().getAttribute('aria-label')).toMatch(/unread/);
    }, wait);
    await cyrus.page.keyboard.press('Escape');

    await mediator.sendCaucus(
      'Could Lanternfish live with a lower floor?',
      'Lanternfish Mobility Apps',
    );
    await cyrus.openNotifications();
    await vi.waitFor(async () => {
      const items = await cyrus.notificationItems().allTextContents();
      expect(items.some((t) => /wrote in the caucus: “Could Lanternfish live/.test(t))).toBe(true);
    }, wait);
    await cyrus
      .notificationItems()
      .filter({ hasText: 'wrote in the caucus' })
      .getByRole('button')
      .click();
    await vi.waitFor(async () => expect(await cyrus.panel().isVisible()).toBe(true), wait);
    await cyrus.closePanel();
    await mediator.closePanel();
  });

  it('never shows an internal id, a raw path or a doubled unit to a person', async () => {
    await ada.page.getByRole('button', { name: /^Mediation/ }).click();
    await ada.panel().waitFor();
    for (const page of [ada, cyrus, mediator]) {
      const texts = await page.readableTexts();
      const offending = texts.filter((t) =>
        [
          /\{\{\s*param:/, // a chip left as Markdown
          /%\s*%/, // "40 % %"
          /›\s*#\d/, // "streams › #1"
          /\bc-[a-z]+(?:-[a-z0-9]+)*\b/, // a clause id such as c-term
          /\b(?:streams|costs|fixed|tiers|kpis|triggers|lines|floors|caps|split|contribution|beneficiaries)\.[\w.]+/,
          /=\s*(?:carmaker|csp|insurer|app)\b/, // "triggers.0.party = app"
          /\(minor units\)/,
        ].some((pattern) => pattern.test(t)),
      );
      expect(offending).toEqual([]);
    }
    await ada.closePanel();
  });
});
