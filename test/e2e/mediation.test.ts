// A mediation in Chromium: caucus, proposals and counters, sign-offs and their voiding,
// locks, agenda and disputes, positions, single-text mode, and edits refused in locked clauses.
import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { templates } from '@parley/shared/templates';
import type { TermSheet } from '@parley/shared/termsheet';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  consent,
  createInvitation,
  createRoom,
  request,
  seatParties,
} from '../integration/helpers/api';
import { repoRoot, startServer } from '../integration/helpers/server';
import type { StartedServer } from '../integration/helpers/server';
import { launchBrowser, newContext, readmeScreenshotDir, saveScreenshot } from './helpers/browser';
import { buildClient } from './helpers/client-build';
import { MediationRoom } from './pages/mediationRoom';

const wait = { timeout: 15_000, interval: 100 };
const caucusSecret = 'Between us: could Kestrel live with a 45 % share?';

/** A small imported term sheet: two parties, three clauses, so that signing everything is short. */
function pilotTermSheet(): TermSheet {
  const base = structuredClone(templates.mhealth) as TermSheet;
  const clause = (id: string) => base.clauses.find((c) => c.id === id)!;
  return {
    ...base,
    title: 'Connected clinic pilot',
    parties: base.parties.filter((p) => p.id === 'insurer' || p.id === 'csp'),
    assumptions: {
      periods: 12,
      periodUnit: 'month',
      discountRatePct: 8,
      scenarios: [
        { id: 'base', name: 'Base', drivers: { members: { start: 5000, growthPct: 3 } } },
        { id: 'low', name: 'Low enrolment', drivers: { members: 3000 } },
      ],
    },
    clauses: [
      {
        ...clause('c-revenue'),
        title: 'Revenue',
        text: 'A monitoring subscription of {{param:streams.0.unitPrice}} per member per month.',
        params: {
          streams: [
            {
              id: 'subs',
              name: 'Monitoring subscriptions',
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
        params: { costRecovery: false, method: 'fixed', fixed: { insurer: 60, csp: 40 } },
      },
      { ...clause('c-term'), title: 'Term' },
    ] as TermSheet['clauses'],
  } as TermSheet;
}

describe('a mediated session between the CSP and its partner', () => {
  let clientDir: string;
  let server: StartedServer;
  let browser: Browser;
  let roomId: string;
  let organizerToken: string;
  let mediator: MediationRoom;
  let csp: MediationRoom;
  let partner: MediationRoom;

  beforeAll(async () => {
    clientDir = buildClient();
    server = await startServer({ clientDir });
    const room = await createRoom(server.url, {
      title: 'Connected clinic pilot',
      termsheet: pilotTermSheet(),
    });
    roomId = room.roomId;
    organizerToken = room.organizerToken;
    // Links nobody opened yet; the CSP's organizer is seated over the API and consents to the
    // mediator the insurer's organizer proposes.
    const organizers = await seatParties(server.url, roomId, organizerToken);
    const link = async (
      by: string,
      name: string,
      role: 'mediator' | 'negotiator',
      party?: string,
    ) => {
      const created = await createInvitation(server.url, roomId, by, {
        name,
        role,
        ...(party ? { party } : {}),
      });
      return { id: created.id, url: `${server.url}/rooms/${roomId}#token=${created.token}` };
    };
    const mediatorLink = await link(organizerToken, 'Mina Ortega', 'mediator');
    await consent(server.url, roomId, organizers.csp!, mediatorLink.id);
    const links = {
      mediator: mediatorLink.url,
      csp: (await link(organizers.csp!, 'Ada Kestrel', 'negotiator', 'csp')).url,
      partner: (await link(organizerToken, 'Ben Aldermoor', 'negotiator', 'insurer')).url,
    };
    browser = await launchBrowser();
    mediator = new MediationRoom(await (await newContext(browser)).newPage());
    csp = new MediationRoom(await (await newContext(browser)).newPage());
    partner = new MediationRoom(await (await newContext(browser)).newPage());
    await mediator.open(links.mediator);
    await csp.open(links.csp);
    await partner.open(links.partner);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (clientDir) rmSync(clientDir, { recursive: true, force: true });
  });

  it('keeps a caucus between the mediator and the CSP away from the partner', async () => {
    await partner.openPanel('Caucus');
    await mediator.sendCaucus(caucusSecret, 'Kestrel Mobile');
    await csp.openPanel('Caucus');
    await vi.waitFor(
      async () =>
        expect(await csp.caucusMessages().allTextContents()).toEqual([
          expect.stringContaining(caucusSecret),
        ]),
      wait,
    );
    await csp.sendCaucus('Only if the price stays where it is.');
    await vi.waitFor(async () => {
      const texts = await mediator.caucusMessages().allTextContents();
      expect(texts.some((t) => t.includes('Only if the price stays'))).toBe(true);
    }, wait);
    await saveScreenshot(mediator.page, 'mediation-caucus');
    // The partner's own caucus is empty and nothing of the CSP's conversation reached its page.
    expect(await partner.caucusMessages().count()).toBe(0);
    expect(await partner.page.content()).not.toContain('could Kestrel live');
    expect(await partner.page.content()).not.toContain('Only if the price stays');
    for (const page of [mediator, csp, partner]) await page.closePanel();
  });

  it('shows a proposal and its value impact to everyone before anyone decides', async () => {
    await csp.propose(
      'Value sharing',
      { 'Kestrel Mobile share (%)': '45', 'Aldermoor Health Insurance share (%)': '55' },
      'Kestrel carries the connectivity cost of every member.',
    );
    for (const room of [mediator, csp, partner]) {
      await vi.waitFor(async () => {
        const card = room.proposals('Value sharing').first();
        expect(await card.getByTestId('proposal-status').textContent()).toBe('Open');
        expect(await room.impactCell(card, 'csp', 'allocation').textContent()).toMatch(/^\+/);
        expect(await room.impactCell(card, 'insurer', 'allocation').textContent()).toMatch(/^−/);
      }, wait);
    }
    // The mediator and the proposer's own party cannot decide for the partner.
    const accept = /^Accept proposal by Ada Kestrel/;
    expect(await mediator.page.getByRole('button', { name: accept }).count()).toBe(0);
    expect(await csp.page.getByRole('button', { name: accept }).count()).toBe(0);
    const card = partner.proposals('Value sharing').first();
    await card.scrollIntoViewIfNeeded();
    await saveScreenshot(partner.page, 'mediation-proposal');
    await saveDocsShot(partner, card, 'mediation-proposal');
  });

  it('applies the proposal in every client once the partner accepts', async () => {
    await partner.page.getByRole('button', { name: /^Accept proposal by Ada Kestrel/ }).click();
    for (const room of [mediator, csp, partner]) {
      await vi.waitFor(async () => {
        expect(await room.param('Value sharing: Kestrel Mobile share (%)').inputValue()).toBe('45');
        expect(
          await room.param('Value sharing: Aldermoor Health Insurance share (%)').inputValue(),
        ).toBe('55');
      }, wait);
    }
    await vi.waitFor(async () => {
      await csp
        .clause('Value sharing')
        .getByRole('button', { name: /earlier proposal/ })
        .click();
      expect(
        await csp.proposals('Value sharing').first().getByTestId('proposal-status').textContent(),
      ).toBe('Applied');
    }, wait);
  });

  it('lets the partner counter, and applies the counter once the CSP accepts it', async () => {
    await csp.propose(
      'Value sharing',
      { 'Kestrel Mobile share (%)': '50', 'Aldermoor Health Insurance share (%)': '50' },
      'An even split for an even effort.',
    );
    const counter = partner.page.getByRole('button', { name: /^Counter proposal by Ada Kestrel/ });
    await counter.click();
    const form = partner.page.getByRole('form', { name: 'Counter-proposal for Value sharing' });
    // The counter starts from the proposal it answers.
    expect(
      await form
        .getByLabel('Proposal for Value sharing: Kestrel Mobile share (%)', { exact: true })
        .inputValue(),
    ).toBe('50');
    for (const [label, value] of [
      ['Kestrel Mobile share (%)', '47'],
      ['Aldermoor Health Insurance share (%)', '53'],
    ] as const) {
      const input = form.getByLabel(`Proposal for Value sharing: ${label}`, { exact: true });
      await input.fill(value);
      await input.press('Tab');
    }
    await form.getByLabel('Rationale').fill('We meet you halfway.');
    await form.locator('.impact-table').waitFor();
    await form.getByRole('button', { name: 'Send counter-proposal' }).click();
    await csp.page.getByRole('button', { name: /^Accept proposal by Ben Aldermoor/ }).click();
    for (const room of [mediator, csp, partner]) {
      await vi.waitFor(async () => {
        expect(await room.param('Value sharing: Kestrel Mobile share (%)').inputValue()).toBe('47');
      }, wait);
    }
  });

  it('reaches agreement when both parties sign off every clause', async () => {
    for (const clause of ['Revenue', 'Value sharing', 'Term']) {
      await csp.signOff(clause);
      await partner.signOff(clause);
    }
    for (const room of [mediator, csp, partner]) {
      await vi.waitFor(async () => {
        expect(await room.agreedBanner().isVisible()).toBe(true);
        expect(await room.signOffChip('Term', 'csp').getAttribute('data-state')).toBe('valid');
        expect(await room.signOffChip('Term', 'insurer').getAttribute('data-state')).toBe('valid');
      }, wait);
    }
    await mediator.openPanel('Sign-off');
    await vi.waitFor(async () => {
      expect(await mediator.page.getByTestId('agreement-status').textContent()).toMatch(/^Agreed/);
    }, wait);
    const download = mediator.page.waitForEvent('download');
    await mediator.panel().getByRole('button', { name: 'Download the agreed term sheet' }).click();
    expect((await download).suggestedFilename()).toBe(`agreement-${roomId}.json`);
    const exported = await request<{ agreed: boolean; signatures: unknown[] }>(
      server.url,
      'GET',
      `/api/rooms/${roomId}/agreement`,
      { token: organizerToken },
    );
    expect(exported.body.agreed).toBe(true);
    expect(exported.body.signatures).toHaveLength(6);
    await mediator.page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(mediator.page, 'mediation-agreed');
    await saveDocsShot(mediator, null, 'mediation-agreed');
  });

  it('freezes the agreed sheet until an organizer or the mediator reopens it', async () => {
    await mediator.closePanel();
    for (const room of [csp, partner]) {
      await vi.waitFor(async () => {
        expect(await room.frozenNote().isVisible()).toBe(true);
        expect(await room.param('Term: Duration (months)').isEditable()).toBe(false);
        expect(await room.clauseText('Term').getAttribute('contenteditable')).toBe('false');
      }, wait);
      // Only an organizer or the mediator may reopen it.
      expect(
        await room.agreedBanner().getByRole('button', { name: 'Reopen for changes' }).count(),
      ).toBe(0);
    }
    // Asked first; keeping it frozen changes nothing.
    await mediator.agreedBanner().getByRole('button', { name: 'Reopen for changes' }).click();
    const confirm = mediator.page.getByTestId('reopen-confirm');
    expect(await confirm.textContent()).toMatch(/Everyone in the room is told/);
    await confirm.getByRole('button', { name: 'Keep it frozen' }).click();
    expect(await mediator.frozenNote().isVisible()).toBe(true);
    await mediator.reopen();
    for (const room of [csp, partner]) {
      await vi.waitFor(async () => {
        expect(await room.frozenNote().count()).toBe(0);
        expect(await room.param('Term: Duration (months)').isEditable()).toBe(true);
        expect(await room.notices().last().textContent()).toMatch(/was reopened/);
      }, wait);
    }
  });

  it('asks before an edit voids sign-offs, naming whose, then voids them and tells that party', async () => {
    await csp.setParam('Term: Duration (months)', '24');
    const confirm = csp.voidConfirm();
    await confirm.waitFor();
    expect(await confirm.getByRole('heading').textContent()).toBe('This edit voids 2 sign-offs');
    expect(await confirm.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/^Kestrel.* on “Term”, signed by Ada Kestrel$/),
      expect.stringMatching(/^Aldermoor.* on “Term”, signed by Ben Aldermoor$/),
    ]);
    // Keeping the sign-offs keeps the value.
    await confirm.getByRole('button', { name: 'Keep the sign-offs' }).click();
    await vi.waitFor(async () => {
      expect(await csp.param('Term: Duration (months)').inputValue()).not.toBe('24');
      expect(await csp.signOffChip('Term', 'csp').getAttribute('data-state')).toBe('valid');
    }, wait);
    await csp.setParam('Term: Duration (months)', '24');
    await confirm.getByRole('button', { name: 'Edit and void 2 sign-offs' }).click();
    await vi.waitFor(async () => {
      expect(await partner.param('Term: Duration (months)').inputValue()).toBe('24');
      expect(await csp.signOffChip('Term', 'csp').getAttribute('data-state')).toBe('voided');
      expect(await partner.notices().last().textContent()).toMatch(/sign-off on "Term" was voided/);
      expect(await mediator.agreedBanner().count()).toBe(0);
    }, wait);
  });

  it('asks before typing in a signed clause, and keeps its text when the member declines', async () => {
    // Changing the term moved no figure: the sign-offs on Revenue still hold.
    expect(await csp.signOffChip('Revenue', 'csp').getAttribute('data-state')).toBe('valid');
    const before = await csp.clauseText('Revenue').textContent();
    await csp.typeInClause('Revenue', ' Billed monthly.');
    const confirm = csp.voidConfirm();
    await confirm.waitFor();
    expect(await confirm.getByRole('heading').textContent()).toBe('This edit voids 2 sign-offs');
    await confirm.getByRole('button', { name: 'Keep the sign-offs' }).click();
    expect(await csp.clauseText('Revenue').textContent()).toBe(before);
    expect(await partner.clauseText('Revenue').textContent()).not.toContain('Billed monthly');
    expect(await csp.signOffChip('Revenue', 'insurer').getAttribute('data-state')).toBe('valid');
  });

  it('will not send a proposal that breaks the sheet, and says why', async () => {
    await partner.clause('Value sharing').getByRole('button', { name: 'Propose a change' }).click();
    const form = partner.proposalForm('Value sharing');
    const share = form.getByLabel('Proposal for Value sharing: Kestrel Mobile share (%)', {
      exact: true,
    });
    await share.fill('70');
    await share.press('Tab');
    await form.getByLabel('Rationale').fill('More for Kestrel.');
    await vi.waitFor(async () => {
      expect(await form.locator('.proposal-blockers').textContent()).toMatch(
        /would break the term sheet, so it cannot be sent/,
      );
      expect(await form.getByRole('button', { name: 'Send proposal' }).isDisabled()).toBe(true);
    }, wait);
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  it('lets a party ask for a break, heard by the mediator and the own party only', async () => {
    await partner.page.getByRole('button', { name: 'Ask for a break' }).click();
    const dialog = partner.page.getByRole('dialog', { name: 'Ask for a break' });
    await dialog.getByLabel('How long').selectOption({ label: '10 minutes' });
    await dialog.getByLabel('Why (optional)').fill('We need to call our CFO.');
    await dialog.getByRole('button', { name: 'Ask for the break' }).click();
    await vi.waitFor(async () => {
      expect(await mediator.notices().last().textContent()).toMatch(
        /Aldermoor.* asks for a 10-minute break \(Ben Aldermoor\): “We need to call our CFO\.”/,
      );
      expect(await partner.notices().last().textContent()).toMatch(
        /Ben Aldermoor asked for a 10-minute break for your party/,
      );
    }, wait);
    expect(await csp.notices().allTextContents()).not.toContainEqual(
      expect.stringContaining('break'),
    );
  });

  it('makes a locked clause read-only for the parties, with a lock badge', async () => {
    await mediator.page.getByRole('button', { name: 'Lock Term' }).click();
    await vi.waitFor(async () => {
      expect(await partner.clause('Term').getByTestId('lock-badge').isVisible()).toBe(true);
      expect(await partner.param('Term: Duration (months)').getAttribute('readonly')).toBe('');
      expect(await partner.clauseText('Term').getAttribute('contenteditable')).toBe('false');
      expect(await csp.param('Term: Duration (months)').getAttribute('readonly')).toBe('');
    }, wait);
    await partner.clause('Term').scrollIntoViewIfNeeded();
    await saveScreenshot(partner.page, 'mediation-locked');
    await mediator.page.getByRole('button', { name: 'Unlock Term' }).click();
    await vi.waitFor(async () => {
      expect(await partner.param('Term: Duration (months)').getAttribute('readonly')).toBeNull();
      expect(await partner.clauseText('Term').getAttribute('contenteditable')).toBe('true');
    }, wait);
  });

  it('highlights the current agenda item for everyone and queues disputes for the mediator', async () => {
    await mediator.page.getByRole('button', { name: 'Discuss Value sharing now' }).click();
    await vi.waitFor(async () => {
      const item = partner.page.locator('.outline-item', { hasText: 'Value sharing' });
      expect(await item.getAttribute('class')).toContain('is-agenda-current');
      expect(await partner.clause('Value sharing').getAttribute('class')).toContain(
        'is-agenda-current',
      );
    }, wait);
    const term = partner.clause('Term');
    await term.getByRole('button', { name: 'Mark as disputed' }).click();
    await term.getByLabel('Our position on Term').fill('Eighteen months is too short to recoup.');
    await term.getByRole('button', { name: 'Record the dispute' }).click();
    await mediator.openPanel('Disputes');
    await vi.waitFor(async () => {
      const queue = mediator.panel().getByRole('list', { name: 'Dispute queue' });
      expect(await queue.textContent()).toContain('Eighteen months is too short');
    }, wait);
    await mediator.panel().getByRole('button', { name: 'Resolve' }).click();
    await vi.waitFor(
      async () => expect(await partner.clause('Term').locator('.dispute-item').count()).toBe(0),
      wait,
    );
  });

  it('tells the mediator whether walk-away values overlap without telling the other party', async () => {
    const setWalkAway = async (room: MediationRoom, bound: 'min' | 'max', value: string) => {
      const clause = room.clause('Value sharing');
      await clause.getByRole('button', { name: 'Our walk-away values' }).click();
      const label = 'Value sharing: Fixed split · Kestrel Mobile walk-away';
      await clause.getByLabel(`${label} bound`).selectOption(bound);
      await clause.getByLabel(`${label} value (%)`).fill(value);
      await clause
        .getByRole('button', { name: 'Set our walk-away on Fixed split · Kestrel Mobile' })
        .click();
      await vi.waitFor(
        async () => expect(await clause.getByTestId('walkaway-held').count()).toBe(1),
        wait,
      );
      await clause.getByRole('button', { name: 'Share with the mediator' }).click();
    };
    await setWalkAway(csp, 'min', '41');
    await setWalkAway(partner, 'max', '48');
    await mediator.openPanel('Positions');
    await vi.waitFor(async () => {
      const text = await mediator.panel().textContent();
      expect(text).toContain('Overlap');
      expect(text).not.toContain('No overlap');
      // The shared bounds carry the parameter's unit.
      expect(text).toContain('at least 41 %');
      expect(text).toContain('at most 48 %');
    }, wait);
    await mediator
      .panel()
      .getByRole('button', { name: /^Publish the overlap on Value sharing/ })
      .click();
    await partner.openPanel('Positions');
    await vi.waitFor(async () => {
      expect(await partner.panel().textContent()).toContain('overlap: yes');
    }, wait);
    expect(await partner.page.content()).not.toContain('41 %');
    expect(await csp.page.content()).not.toContain('48 %');
    await saveScreenshot(mediator.page, 'mediation-positions');
    await partner.closePanel();
  });

  it('lets only the mediator edit in single-text mode, and parties vote on drafts', async () => {
    await mediator.openPanel('Agenda');
    await mediator.panel().getByRole('switch', { name: 'Single-text mode' }).click();
    await vi.waitFor(async () => {
      expect(await csp.page.getByTestId('mediation-mode').textContent()).toMatch(/Single-text/);
      expect(await csp.param('Term: Duration (months)').getAttribute('readonly')).toBe('');
      expect(await mediator.param('Term: Duration (months)').getAttribute('readonly')).toBeNull();
    }, wait);
    await mediator.panel().getByLabel('Note for the new draft').fill('Shares at 45/55');
    await mediator.panel().getByRole('button', { name: 'Publish draft' }).click();
    await csp.openPanel('Agenda');
    await csp.panel().getByRole('button', { name: 'Vote yes on draft 1' }).click();
    await vi.waitFor(async () => {
      expect(await mediator.panel().locator('.draft-card').textContent()).toContain(
        'Kestrel Mobile: yes',
      );
    }, wait);
    await saveScreenshot(mediator.page, 'mediation-single-text');
    await mediator.panel().getByRole('switch', { name: 'Single-text mode' }).click();
    await vi.waitFor(
      async () =>
        expect(await csp.param('Term: Duration (months)').getAttribute('readonly')).toBeNull(),
      wait,
    );
  });

  it('restores a clause edited offline while it was locked, and says why', async () => {
    await csp.typeInClause('Term', ' Written while offline.');
    await csp.page.context().setOffline(true);
    await vi.waitFor(
      async () => expect(await csp.connectionState().textContent()).toBe('Offline'),
      wait,
    );
    await csp.typeInClause('Term', ' Offline addition.');
    await mediator.page.getByRole('button', { name: 'Lock Term' }).click();
    await vi.waitFor(
      async () => expect(await partner.clause('Term').getByTestId('lock-badge').count()).toBe(1),
      wait,
    );
    await csp.page.context().setOffline(false);
    await vi.waitFor(async () => {
      const notices = await csp.notices().allTextContents();
      expect(notices.some((n) => /locked/i.test(n))).toBe(true);
      // The notice names the clause as people know it, never by its internal id.
      expect(notices.some((n) => n.includes('Clause "Term" is locked'))).toBe(true);
      expect(notices.join(' ')).not.toMatch(/c-term/);
      expect(await csp.clauseText('Term').textContent()).not.toContain('Offline addition');
      expect(await csp.clause('Term').getByTestId('lock-badge').count()).toBe(1);
    }, wait);
    expect(await partner.clauseText('Term').textContent()).not.toContain('Offline addition');
    await mediator.page.getByRole('button', { name: 'Unlock Term' }).click();
  });

  it('shows the true text again after the server refused a deletion in a locked clause', async () => {
    await mediator.page.getByRole('button', { name: 'Lock Term' }).click();
    await vi.waitFor(
      async () =>
        expect(await csp.clauseText('Term').getAttribute('contenteditable')).toBe('false'),
      wait,
    );
    const original = (await mediator.clauseText('Term').textContent()) ?? '';
    expect(original.length).toBeGreaterThan(40);
    await vi.waitFor(
      async () => expect(await csp.clauseText('Term').textContent()).toBe(original),
      wait,
    );
    // A client that has not yet heard of the lock still writes: the deletion goes through its own
    // editor and document, as typing would.
    const afterDeletion = await csp.clauseText('Term').evaluate((node) => {
      type View = {
        state: {
          doc: { content: { size: number } };
          tr: { delete(a: number, b: number): unknown };
        };
        dispatch(tr: unknown): void;
      };
      const view = (node as HTMLElement & { editor?: { view: View } }).editor?.view;
      if (!view) return null;
      view.dispatch(view.state.tr.delete(1, Math.min(30, view.state.doc.content.size - 2)));
      return node.textContent;
    });
    expect(afterDeletion).not.toBeNull();
    expect(afterDeletion).not.toBe(original);
    await vi.waitFor(async () => {
      expect(await csp.clauseText('Term').textContent()).toBe(original);
      const notices = await csp.notices().allTextContents();
      expect(notices.some((n) => /locked/i.test(n))).toBe(true);
    }, wait);
    expect(await partner.clauseText('Term').textContent()).toBe(original);
    expect(await mediator.clauseText('Term').textContent()).toBe(original);

    // The rebuilt copy is live: once unlocked, the member's typing reaches the others.
    await mediator.page.getByRole('button', { name: 'Unlock Term' }).click();
    await vi.waitFor(
      async () => expect(await csp.clauseText('Term').getAttribute('contenteditable')).toBe('true'),
      wait,
    );
    await csp.typeInClause('Term', ' Typed after the rebuild.');
    await vi.waitFor(async () => {
      // The partner may also see the member's caret label after the text.
      expect(await partner.clauseText('Term').textContent()).toContain(
        `${original} Typed after the rebuild.`,
      );
      expect(await csp.saveStatus().textContent()).toMatch(/saved/i);
    }, wait);
  });
});

/** A compact copy for the README: a clip around one element, or the top of the page. */
async function saveDocsShot(
  room: MediationRoom,
  element: Locator | null,
  name: string,
): Promise<void> {
  const dir = readmeScreenshotDir();
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  const box = element ? await element.boundingBox() : null;
  const viewport = room.page.viewportSize() ?? { width: 1440, height: 900 };
  const clip = box
    ? {
        x: Math.max(0, box.x - 16),
        y: Math.max(0, box.y - 16),
        width: Math.min(box.width + 32, viewport.width),
        height: Math.min(box.height + 32, viewport.height),
      }
    : { x: 0, y: 0, width: viewport.width, height: Math.min(560, viewport.height) };
  await room.page.screenshot({ path, clip });
  if (statSync(path).size > 200 * 1024) {
    copyFileSync(path, join(repoRoot, 'test-results', `${name}-too-large.png`));
  }
}
