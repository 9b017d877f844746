// The lobby in Chromium: a room from a template, a partner invited and revoked, a clear page for an
// invalid link, and the engine's issues for a term sheet that cannot be imported.
import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createInvitation, createRoom } from '../integration/helpers/api';
import { startServer } from '../integration/helpers/server';
import { twoPartySheet } from '../integration/proposals-fixture';
import type { StartedServer } from '../integration/helpers/server';
import { launchBrowser, newContext, saveScreenshot } from './helpers/browser';
import { buildClient } from './helpers/client-build';
import { InvitesDialog } from './pages/InvitesDialog';
import { LobbyPage } from './pages/LobbyPage';
import { RoomPage } from './pages/RoomPage';

const wait = { timeout: 15_000, interval: 100 };

describe('lobby and invitations', () => {
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

  it('creates a room from a template, invites a partner, and revokes the invitation', async () => {
    const context = await newContext(browser);
    const lobby = new LobbyPage(await context.newPage());
    await lobby.open(server.url);
    await saveScreenshot(lobby.page, 'lobby');
    await lobby.createFromTemplate(/Connected car/i, 'Fleet telematics 2027');

    const room = new RoomPage(lobby.page);
    await room.waitReady();
    const invites = new InvitesDialog(lobby.page);
    await invites.dialog().waitFor();
    expect(await invites.dialog().getByTestId('organizer-link').textContent()).toMatch(
      /\/rooms\/[^#]+#token=/,
    );

    // A colleague of the organizer's own party (the party chosen at first).
    const party = await invites
      .dialog()
      .getByLabel('Party')
      .locator('option:checked')
      .textContent();
    const link = await invites.invite('Ines Partner', 'negotiator', party ?? undefined);
    expect(link).toMatch(new RegExp(`/rooms/[^#]+#token=`));
    await saveScreenshot(lobby.page, 'invites');

    const guestContext = await newContext(browser);
    const guest = new RoomPage(await guestContext.newPage());
    await guest.open(link);
    expect(await guest.page.getByText('Ines Partner').first().count()).toBe(1);
    // Opened again on this device, the link keeps the session it opened.
    await guest.open(link);
    await guestContext.close();
    await vi.waitFor(async () => {
      const row = invites.dialog().getByRole('row', { name: /Ines Partner/ });
      expect(await row.textContent()).toMatch(/Joined/);
    }, wait);

    // Anywhere else, the link was used: the page says so and the organizer is told.
    const secondContext = await newContext(browser);
    const second = await secondContext.newPage();
    await second.goto(link);
    await second.getByRole('alert').waitFor();
    expect(await second.getByRole('heading', { level: 1 }).textContent()).toMatch(/already used/i);
    expect(await second.locator('.room-body').count()).toBe(0);
    await secondContext.close();
    await lobby.page.getByTestId('invite-reused').waitFor();

    await invites.revoke('Ines Partner');
    await vi.waitFor(async () => {
      const row = invites.dialog().getByRole('row', { name: /Ines Partner/ });
      expect(await row.textContent()).toContain('Revoked');
    }, wait);

    const lateContext = await newContext(browser);
    const late = await lateContext.newPage();
    await late.goto(link);
    await late.getByRole('alert').waitFor();
    expect(await late.getByRole('heading', { level: 1 }).textContent()).toMatch(/revoked/i);
    expect(await late.locator('.room-body').count()).toBe(0);
    await saveScreenshot(late, 'revoked-link');
    await lateContext.close();
    await context.close();
  });

  it('lets a mediator in only once every party consented in the room', async () => {
    const room = await createRoom(server.url, { title: 'Consent', termsheet: twoPartySheet });
    const cspSeat = await createInvitation(server.url, room.roomId, room.organizerToken, {
      name: 'Carla CSP',
      role: 'organizer',
      party: 'csp',
    });
    const roomLink = (token: string) => `${server.url}/rooms/${room.roomId}#token=${token}`;

    const cspContext = await newContext(browser);
    const csp = new RoomPage(await cspContext.newPage());
    await csp.open(roomLink(cspSeat.token));

    const partnerContext = await newContext(browser);
    const partner = new RoomPage(await partnerContext.newPage());
    await partner.open(roomLink(room.organizerToken));
    await partner.page.getByRole('button', { name: 'Invite', exact: true }).click();
    const invites = new InvitesDialog(partner.page);
    await invites.dialog().waitFor();
    const link = await invites.propose('Mina Mediator', 'mediator');

    // The mediator's link opens onto a waiting page, nothing of the room.
    const mediatorContext = await newContext(browser);
    const mediator = await mediatorContext.newPage();
    await mediator.goto(link);
    await mediator.getByTestId('consent-waiting').waitFor();
    expect(await mediator.getByRole('heading', { level: 1 }).textContent()).toMatch(/consent/i);
    expect(await mediator.locator('.room-body').count()).toBe(0);

    // The CSP's organizer is asked in the room, and accepts.
    const request = csp.page.getByTestId('consent-request');
    await request.waitFor();
    expect(await request.textContent()).toContain('Mina Mediator');
    await saveScreenshot(csp.page, 'consent-request');
    await request.getByRole('button', { name: /^Accept for/ }).click();
    await request.waitFor({ state: 'detached' });

    await mediator.getByRole('button', { name: 'Check again' }).click();
    await new RoomPage(mediator).waitReady();
    await mediatorContext.close();
    await partnerContext.close();
    await cspContext.close();
  });

  it('shows a clear page for a link that is not valid', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/rooms/no-such-room#token=not-a-token`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/not valid/i);
    await context.close();
  });

  it("shows the engine's issues for a term sheet that cannot be imported", async () => {
    const context = await newContext(browser);
    const lobby = new LobbyPage(await context.newPage());
    await lobby.open(server.url);
    const broken = {
      format: 'parley.termsheet/v1',
      title: 'Broken',
      ecosystem: 'custom',
      currency: 'EUR',
      parties: [{ id: 'csp', name: 'CSP', role: 'network' }],
      assumptions: {
        periods: 4,
        periodUnit: 'quarter',
        discountRatePct: 8,
        scenarios: [{ id: 'base', name: 'Base', drivers: {} }],
      },
      clauses: [
        {
          id: 'c1',
          kind: 'value-sharing',
          title: 'Sharing',
          text: '',
          params: { costRecovery: false, method: 'fixed', fixed: { csp: 60, ghost: 40 } },
        },
      ],
    };
    await lobby.importFile('broken.json', JSON.stringify(broken));
    await vi.waitFor(async () => {
      const text = (await lobby.importError().textContent()) ?? '';
      expect(text).toMatch(/problem/);
      expect(text).toContain('ghost');
    }, wait);
    await lobby.importFile('not-json.json', '{ nope');
    await vi.waitFor(
      async () => expect(await lobby.importError().textContent()).toMatch(/not JSON/),
      wait,
    );
    await context.close();
  });
});
