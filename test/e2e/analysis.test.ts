// Decision support in Chromium: the tornado, break-even and risk charts render for every template,
// a volatility typed into the assumptions widens the risk, and the mediator turns a fair-settlement
// suggestion into a proposal the parties then see, while the parties never see the suggestion.
import { rmSync } from 'node:fs';
import { templateIds, templates } from '@parley/shared/templates';
import type { TermSheet } from '@parley/shared/termsheet';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appoint, createRoom, invite, request, seatParties } from '../integration/helpers/api';
import { startServer } from '../integration/helpers/server';
import type { StartedServer } from '../integration/helpers/server';
import { launchBrowser, newContext, saveReadmeShot, saveScreenshot } from './helpers/browser';
import { buildClient } from './helpers/client-build';
import { seriousViolations } from './pages/a11y';
import { AnalysisPanel } from './pages/AnalysisPanel';
import { MediationRoom } from './pages/mediationRoom';

const wait = { timeout: 20_000, interval: 150 };

let clientDir: string;
let server: StartedServer;
let browser: Browser;

beforeAll(async () => {
  clientDir = buildClient();
  server = await startServer({ clientDir });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (clientDir) rmSync(clientDir, { recursive: true, force: true });
});

async function openAsOrganizer(
  templateId: string,
): Promise<{ page: Page; analysis: AnalysisPanel }> {
  const room = await createRoom(server.url, {
    title: `Analysis ${templateId}`,
    template: templateId,
  });
  const page = await (await newContext(browser)).newPage();
  const roomPage = new MediationRoom(page);
  await roomPage.open(`${server.url}/rooms/${room.roomId}#token=${room.organizerToken}`);
  const analysis = new AnalysisPanel(page);
  await analysis.open();
  return { page, analysis };
}

describe('analysis charts for every template', () => {
  for (const id of templateIds) {
    it(`draws the tornado, break-even and risk for ${id}`, async () => {
      const { page, analysis } = await openAsOrganizer(id);
      const parties = templates[id].parties;
      await vi.waitFor(async () => {
        expect(await analysis.tornadoBars().count()).toBeGreaterThanOrEqual(10);
        expect(await analysis.tornadoTableRows().count()).toBe(10);
        expect(await analysis.breakEvenRows().count()).toBe(parties.length);
        expect(await analysis.riskRange().locator('g.risk-row').count()).toBe(parties.length);
        expect(await analysis.riskHistogram().locator('rect.hist-bar').count()).toBe(20);
      }, wait);
      // Break-even reads as a multiple of the volumes, or never/always.
      for (const party of parties) {
        expect(await analysis.breakEvenCell(party.id, 1).textContent()).toMatch(
          /^(never|always|(profit|loss) from .+×.*)$/,
        );
      }
      // The browser's analyses run in a worker of their own, which lives only while the tab is open.
      expect(page.workers()).toHaveLength(1);
      // Without volatility every path is the scenario as written: the range is a point.
      const cells = await analysis.riskCells(parties[0]!.id).allTextContents();
      expect(cells[1]).toBe(cells[3]);
      await saveScreenshot(page, `analysis-${id}`);
      if (id === 'mhealth')
        await saveReadmeShot(page, page.locator('.value-panel'), 'analysis-tornado');
      await page.getByRole('tab', { name: 'Figures' }).click();
      await vi.waitFor(() => expect(page.workers()).toHaveLength(0), wait);
      await page.context().close();
    });
  }

  it('widens the risk once a driver is given a volatility, and weights by probability', async () => {
    const { page, analysis } = await openAsOrganizer('mhealth');
    const roomPage = new MediationRoom(page);
    await roomPage.setParam('Assumptions: members volatility per period (%) (scenario 2)', '15');
    await vi.waitFor(async () => {
      const [, p5, , p95] = await analysis.riskCells('csp').allTextContents();
      expect(p5).not.toBe(p95);
    }, wait);
    expect(await analysis.root().textContent()).toContain('members (15 % a month)');

    expect(await analysis.weightedChart().count()).toBe(0);
    for (const [scenario, pct] of [
      [1, '25'],
      [2, '50'],
      [3, '25'],
    ] as const) {
      await roomPage.setParam(`Assumptions: scenario ${scenario} probability (%)`, pct);
    }
    await vi.waitFor(async () => {
      expect(await analysis.weightedChart().locator('g[data-party]').count()).toBe(4);
      expect(await analysis.riskProgress().count()).toBe(0);
      const [, p5, , p95] = await analysis.riskCells('csp').allTextContents();
      expect(p5).not.toBe(p95);
    }, wait);
    await analysis.root().locator('[data-block="monte-carlo"]').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'analysis-risk');
    // Charts, tables and controls of the tab pass the accessibility checks the room passes.
    expect(await seriousViolations(page, '.value-panel')).toEqual([]);
    await saveReadmeShot(page, page.locator('.value-panel'), 'analysis-risk');
    await page.context().close();
  });

  it('shows what a party leaving does to everyone', async () => {
    const { page, analysis } = await openAsOrganizer('telematics');
    await analysis
      .root()
      .getByLabel('Leaving party')
      .selectOption({ label: 'Lanternfish Mobility Apps' });
    await analysis
      .root()
      .getByLabel(/^Gives notice in/)
      .fill('4');
    await vi.waitFor(async () => {
      expect(await analysis.separationRow('app').textContent()).toContain('(leaves)');
      expect(
        await analysis.separationRow('csp').locator('td[data-measure="after-exit"]').textContent(),
      ).not.toBe('—');
      expect(await analysis.root().getByTestId('separation-summary').textContent()).toMatch(
        /serves .* notice, settles at the end of quarter/,
      );
    }, wait);
    await page.context().close();
  });
});

/** Two parties splitting a subscription pool by fixed shares, no legacy deal. */
function pilotSheet(): TermSheet {
  const base = structuredClone(templates.mhealth) as TermSheet;
  const clause = (id: string) => base.clauses.find((c) => c.id === id)!;
  return {
    ...base,
    title: 'Connected clinic pilot',
    parties: base.parties.filter((p) => p.id === 'insurer' || p.id === 'csp'),
    assumptions: {
      periods: 12,
      periodUnit: 'month',
      discountRatePct: 0,
      scenarios: [{ id: 'base', name: 'Base', drivers: { members: 5000 } }],
    },
    clauses: [
      {
        ...clause('c-revenue'),
        title: 'Revenue',
        text: 'A subscription of {{param:streams.0.unitPrice}} per member per month.',
        params: {
          streams: [
            {
              id: 'subs',
              name: 'Subscriptions',
              driver: 'members',
              unitPrice: 900,
              requires: ['insurer', 'csp'],
            },
          ],
        },
      },
      {
        ...clause('c-sharing'),
        title: 'Value sharing',
        text: 'The pool is shared by **fixed shares**.',
        params: { costRecovery: false, method: 'fixed', fixed: { insurer: 70, csp: 30 } },
      },
    ] as TermSheet['clauses'],
  } as TermSheet;
}

describe('the fair settlement', () => {
  it('becomes a proposal the parties see, made by the mediator in one click', async () => {
    const room = await createRoom(server.url, { title: 'Pilot', termsheet: pilotSheet() });
    const organizers = await seatParties(server.url, room.roomId, room.organizerToken);
    const mediator = await appoint(server.url, room.roomId, organizers, {
      name: 'Mina Ortega',
      role: 'mediator',
    });
    const csp = await invite(server.url, room.roomId, organizers.csp!, {
      name: 'Ada Kestrel',
      role: 'negotiator',
      party: 'csp',
    });
    // Each side records a walk-away value on the CSP's share and shares it with the mediator; the
    // insurer's second one it keeps to itself.
    const position = async (
      token: string,
      bound: 'min' | 'max',
      value: number,
      shared: boolean,
    ) => {
      const key = { clauseId: 'c-sharing', param: 'fixed.csp', bound };
      const set = await request(server.url, 'PUT', `/api/rooms/${room.roomId}/positions`, {
        token,
        body: { ...key, value },
      });
      expect(set.status).toBe(200);
      if (shared) {
        const share = await request(
          server.url,
          'POST',
          `/api/rooms/${room.roomId}/positions/share`,
          {
            token,
            body: { ...key, shared: true },
          },
        );
        expect(share.status).toBe(200);
      }
    };
    await position(organizers.csp!, 'min', 35, true);
    await position(organizers.insurer!, 'max', 42, true);
    await position(organizers.insurer!, 'min', 20, false);

    const link = (token: string) => `${server.url}/rooms/${room.roomId}#token=${token}`;
    const mediatorRoom = new MediationRoom(await (await newContext(browser)).newPage());
    const cspRoom = new MediationRoom(await (await newContext(browser)).newPage());
    await mediatorRoom.open(link(mediator.token));
    await cspRoom.open(link(csp.token));

    const cspAnalysis = new AnalysisPanel(cspRoom.page);
    await cspAnalysis.open();
    expect(await cspAnalysis.settlement().count()).toBe(0);

    const analysis = new AnalysisPanel(mediatorRoom.page);
    await analysis.open();
    await analysis.suggestSettlement();
    await vi.waitFor(async () => {
      expect(await analysis.suggestedValues().allTextContents()).toEqual(['42 %', '58 %']);
    }, wait);
    expect(await analysis.settlement().textContent()).toContain('Every party gains');
    await saveScreenshot(mediatorRoom.page, 'analysis-settlement');
    await saveReadmeShot(mediatorRoom.page, analysis.settlement(), 'analysis-settlement');
    // Nothing of it reached the CSP's page before the mediator proposed it.
    expect(await cspRoom.proposals('Value sharing').count()).toBe(0);

    await analysis.proposeSettlement();
    await vi.waitFor(async () => {
      const card = cspRoom.proposals('Value sharing').first();
      expect(await card.getByTestId('proposal-status').textContent()).toBe('Open');
      expect(await card.textContent()).toContain('Fair settlement');
      expect(await cspRoom.impactCell(card, 'csp', 'allocation').textContent()).toMatch(/^\+/);
    }, wait);
    await mediatorRoom.page.context().close();
    await cspRoom.page.context().close();
  });
});
