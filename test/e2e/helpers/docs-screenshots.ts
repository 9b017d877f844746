/**
 * Regenerates the README screenshots in docs/screenshots/: a CSP negotiator and an insurer
 * negotiator in the mHealth room, the value panel, invitations, a field error and the lobby.
 *
 *   node --import tsx test/e2e/helpers/docs-screenshots.ts
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, startServer } from '../../integration/helpers/server';
import { RoomPage } from '../pages/RoomPage';
import { launchBrowser } from './browser';
import { buildClient } from './client-build';
import { createNegotiationRoom } from './room-fixture';

const outDir = join(repoRoot, 'docs', 'screenshots');
mkdirSync(outDir, { recursive: true });

const clientDir = buildClient();
const server = await startServer({ clientDir });
const browser = await launchBrowser();
const viewport = { width: 1366, height: 768 };
try {
  const room = await createNegotiationRoom(server.url);
  const contextA = await browser.newContext({ viewport });
  const contextB = await browser.newContext({ viewport });
  const a = new RoomPage(await contextA.newPage());
  const b = new RoomPage(await contextB.newPage());
  await a.open(room.links.csp);
  await b.open(room.links.insurer);

  const shot = async (
    page: RoomPage['page'],
    name: string,
    clip?: { x: number; y: number; width: number; height: number },
  ) => {
    const path = join(outDir, `${name}.png`);
    await page.screenshot({ path, ...(clip ? { clip } : {}) });
    console.log(`${name}.png ${(statSync(path).size / 1024).toFixed(0)} KB`);
  };

  // The CSP negotiator writes in the Term clause; the insurer sees the text and the caret.
  await a.typeInClause('Term', ' Either Partner may ask for an earlier review.');
  await b.clause('Term').scrollIntoViewIfNeeded();
  await b.page.waitForTimeout(800);
  await b.page.evaluate(() => window.scrollBy(0, -120));
  await b.page.waitForTimeout(300);
  await shot(b.page, 'room');

  // A share that does not sum to 100 shows at the share fields.
  await a.setParam('Value sharing: Kestrel Mobile share (%)', '30');
  await a.clause('Value sharing').scrollIntoViewIfNeeded();
  await a.page.evaluate(() => window.scrollBy(0, 120));
  await a.page.waitForTimeout(500);
  await shot(a.page, 'field-error');
  await a.setParam('Value sharing: Aldermoor Health Insurance share (%)', '30');

  const panel = b.page.locator('.value-panel');
  await b.page.waitForTimeout(800);
  const box = await panel.boundingBox();
  if (box)
    await shot(b.page, 'value-panel', {
      x: box.x,
      y: box.y,
      width: box.width,
      height: Math.min(box.height, viewport.height - box.y),
    });

  await a.page
    .getByRole('region', { name: 'Revenue streams', exact: true })
    .scrollIntoViewIfNeeded();
  await a.page.waitForTimeout(300);
  await shot(a.page, 'parameters');

  const organizer = await browser.newContext({ viewport });
  const org = new RoomPage(await organizer.newPage());
  await org.open(`${server.url}/rooms/${room.roomId}#token=${room.organizerToken}`);
  await org.page.getByRole('button', { name: 'Invite' }).click();
  await org.page
    .getByRole('dialog', { name: 'Invite people' })
    .getByLabel('Name')
    .fill('Dana Ortiz');
  await org.page.waitForTimeout(400);
  await shot(org.page, 'invites');

  const lobby = await browser.newContext({ viewport });
  const lobbyPage = await lobby.newPage();
  await lobbyPage.goto(server.url);
  await lobbyPage.getByRole('heading', { name: 'Start from a template' }).waitFor();
  await lobbyPage.waitForTimeout(300);
  await shot(lobbyPage, 'lobby');
} finally {
  await browser.close();
  await server.close();
  rmSync(clientDir, { recursive: true, force: true });
}
