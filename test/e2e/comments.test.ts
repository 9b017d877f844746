// Commenting as two parties meet it in Chromium: highlighted ranges, live threads, mentions and
// notifications, resolution, detached anchors, party privacy and "since your last visit".
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer } from '../integration/helpers/server';
import type { StartedServer } from '../integration/helpers/server';
import { launchBrowser, newContext, readmeScreenshotDir, saveScreenshot } from './helpers/browser';
import { buildClient } from './helpers/client-build';
import { createNegotiationRoom } from './helpers/room-fixture';
import type { NegotiationRoom } from './helpers/room-fixture';
import { CommentsPage } from './pages/comments';
import { RoomPage } from './pages/RoomPage';

const wait = { timeout: 15_000, interval: 100 };
const clause = 'Confidentiality';
const quoted = 'pool figures';
const heading = `“${quoted}”`;
const hostile = 'Careful: <img src=x onerror=alert(1)> and <script>window.__pwned = 1</script>';

/** The clause column with a thread and its highlighted text, for the README. */
async function saveDocsScreenshot(page: CommentsPage): Promise<void> {
  await page.clause(clause).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.page.waitForTimeout(300);
  const box = await page.clause(clause).boundingBox();
  if (!box) throw new Error('The clause is not on screen');
  const dir = readmeScreenshotDir();
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'comments.png');
  await page.page.screenshot({
    path,
    clip: { x: box.x - 12, y: 64, width: box.width + 24, height: 900 - 64 },
  });
  expect(statSync(path).size).toBeLessThan(200 * 1024);
}

describe('commenting between the CSP and the insurer', () => {
  let clientDir: string;
  let server: StartedServer;
  let browser: Browser;
  let room: NegotiationRoom;
  let contextA: BrowserContext;
  let contextB: BrowserContext;
  let a: CommentsPage;
  let b: CommentsPage;
  const dialogs: string[] = [];

  beforeAll(async () => {
    clientDir = buildClient();
    server = await startServer({ clientDir });
    room = await createNegotiationRoom(server.url);
    browser = await launchBrowser();
    contextA = await newContext(browser);
    contextB = await newContext(browser);
    const pageA = await contextA.newPage();
    const pageB = await contextB.newPage();
    for (const page of [pageA, pageB]) page.on('dialog', (d) => void dialogs.push(d.message()));
    await new RoomPage(pageA).open(room.links.csp);
    await new RoomPage(pageB).open(room.links.insurer);
    a = new CommentsPage(pageA);
    b = new CommentsPage(pageB);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (clientDir) rmSync(clientDir, { recursive: true, force: true });
  });

  it('lets A comment on a range of clause text, highlighted in the editor', async () => {
    await a.selectText(clause, quoted);
    await a.selectionButton(clause).waitFor();
    await saveScreenshot(a.page, 'comments-selection');
    await a.selectionButton(clause).click();
    await expect
      .poll(() => a.newComment(clause).evaluate((el) => el === document.activeElement))
      .toBe(true);
    await a.startThread(clause, 'Can we share the **pool figures** with our regulator?');
    await vi.waitFor(async () => {
      expect(await a.thread(clause, heading).count()).toBe(1);
      expect(await a.highlights(clause).first().textContent()).toBe(quoted);
    }, wait);
    expect(await a.thread(clause, heading).locator('strong').textContent()).toBe('pool figures');
    expect(await a.thread(clause, heading).getByText('Room-wide').count()).toBe(1);
  });

  it('shows B the thread live, with unread counts that clear once B reads it', async () => {
    await vi.waitFor(async () => {
      expect(await b.headerUnread().textContent()).toBe('1');
      expect(await b.outlineUnread('c-confidentiality').textContent()).toMatch(/^1/);
      expect(await b.highlights(clause).count()).toBe(1);
    }, wait);
    await b.openPanel(clause);
    await b.thread(clause, heading).scrollIntoViewIfNeeded();
    await vi.waitFor(async () => expect(await b.headerUnread().count()).toBe(0), wait);
    expect(await b.outlineUnread('c-confidentiality').count()).toBe(0);
  });

  it('shows a picked mention as @Name in the reply box', async () => {
    const box = b.replyBox(clause, heading);
    await box.click();
    await box.pressSequentially('Over to @Ad');
    await b.page.getByRole('option', { name: /Ada Kestrel/ }).waitFor();
    await box.press('Enter');
    await vi.waitFor(
      async () => expect(await box.inputValue()).toBe('Over to @Ada Kestrel '),
      wait,
    );
    // Typing on after the mention keeps it readable.
    await box.pressSequentially('please');
    expect(await box.inputValue()).toBe('Over to @Ada Kestrel please');
    await box.fill('');
  });

  it('lets B reply and mention A, and A gets a notification live', async () => {
    await b.reply(clause, heading, 'Yes, under the usual NDA.', {
      query: 'Ad',
      name: 'Ada Kestrel',
    });
    await vi.waitFor(async () => {
      expect(await b.thread(clause, heading).locator('.mention-chip').textContent()).toBe(
        '@Ada Kestrel',
      );
    }, wait);
    await vi.waitFor(async () => {
      expect(await a.bell().getAttribute('aria-label')).toMatch(/Notifications: [12] unread/);
    }, wait);
    await saveScreenshot(b.page, 'comments-thread-reply');
    await saveDocsScreenshot(b);
    await a.bell().click();
    await vi.waitFor(async () => {
      expect(await a.notifications().first().textContent()).toContain('Ben Aldermoor');
    }, wait);
    expect(await a.notifications().allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('mentioned you')]),
    );
    await saveScreenshot(a.page, 'comments-notifications');
    await a.notifications().first().getByRole('button').click();
    await vi.waitFor(async () => {
      expect(await a.thread(clause, heading).getByText('Yes, under the usual NDA.').count()).toBe(
        1,
      );
    }, wait);
  });

  it('lets A resolve the thread, and B sees it resolved', async () => {
    await a
      .thread(clause, heading)
      .getByRole('button', { name: `Resolve thread ${heading}` })
      .click();
    await vi.waitFor(async () => {
      expect(await b.thread(clause, heading).getByText('Resolved', { exact: true }).count()).toBe(
        1,
      );
      expect(
        await b
          .thread(clause, heading)
          .getByRole('button', { name: /^Reopen/ })
          .count(),
      ).toBe(1);
    }, wait);
  });

  it('moves the highlight with the text while the other side types before it', async () => {
    const editor = b.page.getByRole('textbox', { name: `${clause}: clause text` });
    await editor.click();
    await b.page.keyboard.press('Control+Home');
    await b.page.keyboard.type('In short: ');
    await vi.waitFor(async () => {
      expect(
        await a.page.getByRole('textbox', { name: `${clause}: clause text` }).textContent(),
      ).toContain('In short: ');
      expect(await a.highlights(clause).first().textContent()).toBe(quoted);
    }, wait);
  });

  it('keeps a thread on its clause, marked detached, once its text is deleted', async () => {
    await a.selectText(clause, quoted);
    await a.page.keyboard.press('Backspace');
    await vi.waitFor(async () => {
      expect(await b.thread(clause, heading).getByText('Detached', { exact: true }).count()).toBe(
        1,
      );
      expect(await b.highlights(clause).count()).toBe(0);
    }, wait);
  });

  it('marks edited comments and leaves a tombstone for deleted ones', async () => {
    await a.openPanel('Term');
    await a.startThread('Term', 'Three years feels long.', {
      audience: /^Room-wide/,
      title: 'Length',
    });
    const mine = a.thread('Term', 'Length');
    await mine.getByRole('button', { name: 'Edit your comment' }).click();
    const editor = mine.getByLabel('Edit your comment', { exact: true });
    await editor.fill('Three years feels long for a pilot.');
    await mine.getByRole('button', { name: 'Save', exact: true }).click();
    await b.openPanel('Term');
    await vi.waitFor(async () => {
      const theirs = b.thread('Term', 'Length');
      expect(await theirs.getByText('Three years feels long for a pilot.').count()).toBe(1);
      expect(await theirs.getByText('edited', { exact: true }).count()).toBe(1);
    }, wait);
    await mine.getByRole('button', { name: 'Delete your comment' }).click();
    await mine.getByRole('button', { name: 'Confirm deleting your comment' }).click();
    await vi.waitFor(async () => {
      const theirs = b.thread('Term', 'Length');
      expect(await theirs.getByText('deleted', { exact: true }).count()).toBe(1);
      expect(await theirs.getByText('Three years feels long').count()).toBe(0);
    }, wait);
  });

  it('never shows a party-internal comment to the other party', async () => {
    await a.openPanel('Exit');
    await a.startThread('Exit', 'Our floor is six months, do not concede it.', {
      audience: /^Internal/,
      title: 'Our notice floor',
    });
    await vi.waitFor(async () => {
      const thread = a.thread('Exit', 'Our notice floor');
      expect(await thread.getByText('Internal · Kestrel Mobile').count()).toBe(1);
    }, wait);
    // A room-wide comment written after it proves B's connection is live and up to date.
    await a.startThread('Exit', 'Is six months’ notice workable for everyone?', {
      audience: /^Room-wide/,
      title: 'Notice period',
    });
    await b.openPanel('Exit');
    await vi.waitFor(
      async () => expect(await b.thread('Exit', 'Notice period').count()).toBe(1),
      wait,
    );
    expect(await b.page.getByText('Our notice floor').count()).toBe(0);
    expect(await b.page.getByText('do not concede').count()).toBe(0);
    await b.page.reload();
    await new RoomPage(b.page).waitReady();
    await b.openPanel('Exit');
    await vi.waitFor(
      async () => expect(await b.thread('Exit', 'Notice period').count()).toBe(1),
      wait,
    );
    expect(await b.page.getByText('do not concede').count()).toBe(0);
  });

  it('shows HTML and script in a comment as inert text', async () => {
    await b.openPanel('Dispute resolution');
    await b.startThread('Dispute resolution', hostile, { title: 'Markup <b>test</b>' });
    const check = async (page: CommentsPage) => {
      await page.openPanel('Dispute resolution');
      const thread = page.thread('Dispute resolution', 'Markup <b>test</b>');
      await vi.waitFor(async () => {
        expect(await thread.locator('.comment-body').first().textContent()).toBe(hostile);
      }, wait);
      expect(await page.panel('Dispute resolution').locator('img, script, b').count()).toBe(0);
      expect(await page.page.locator('.thread img, .thread script').count()).toBe(0);
      expect(await page.page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBe(
        undefined,
      );
    };
    await check(b);
    await check(a);
    await a
      .thread('Dispute resolution', 'Markup <b>test</b>')
      .evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'nearest' }));
    await a.page.evaluate(() => window.scrollTo(0, window.scrollY));
    await saveScreenshot(a.page, 'comments-inert-html');
    expect(dialogs).toEqual([]);
  });

  it('tells A what changed since the last visit when A comes back', async () => {
    await a.page.close();
    const roomB = new RoomPage(b.page);
    await roomB.setParam('Value sharing: Kestrel Mobile share (%)', '25');
    await roomB.setParam('Value sharing: Aldermoor Health Insurance share (%)', '35');
    await b.openPanel('Term');
    await b.startThread('Term', 'Could we start with a shorter pilot term?');
    await vi.waitFor(
      async () => expect(await roomB.saveStatus().textContent()).toBe('All changes saved'),
      wait,
    );
    const pageA = await contextA.newPage();
    pageA.on('dialog', (d) => void dialogs.push(d.message()));
    await new RoomPage(pageA).open(room.links.csp);
    a = new CommentsPage(pageA);
    const panel = a.visitPanel();
    await panel.waitFor({ timeout: 15_000 });
    await vi.waitFor(async () => {
      const text = (await panel.textContent()) ?? '';
      expect(text).toContain('Could we start with a shorter pilot term?');
      expect(text).toContain('Value sharing');
      expect(text).toContain('Ben Aldermoor');
      expect(text).toContain('Kestrel Mobile');
      // Each changed parameter by its name, from its old value to its new one.
      expect(text).toMatch(/Fixed split · Kestrel Mobile: \d+ % → 25 %/);
      expect(text).toMatch(/Fixed split · Aldermoor Health Insurance: \d+ % → 35 %/);
    }, wait);
    expect(await panel.getByRole('table').count()).toBeGreaterThan(0);
    await saveScreenshot(a.page, 'comments-since-last-visit');
    await panel.getByRole('button', { name: 'Close the summary' }).click();
    expect(await panel.count()).toBe(0);
    await a.page.getByRole('button', { name: /^Since your last visit/ }).click();
    await panel.waitFor();
    await panel.getByRole('button', { name: 'Close the summary' }).click();

    await a.openPanel('Confidentiality');
    await a.thread(clause, heading).scrollIntoViewIfNeeded();
    await a.page.evaluate(() => window.scrollBy(0, -160));
    await a.page.waitForTimeout(300);
    await saveScreenshot(a.page, 'comments-panel');

    await a.page.getByRole('button', { name: /^Comments(: \d+ unread)?$/ }).click();
    const roomPanel = a.page.getByRole('dialog', { name: 'Comments' });
    await roomPanel.getByRole('button', { name: 'All', exact: true }).click();
    await vi.waitFor(async () => {
      expect(await roomPanel.getByRole('heading', { name: 'Notice period' }).count()).toBe(1);
      expect(await roomPanel.getByRole('heading', { name: 'Our notice floor' }).count()).toBe(1);
    }, wait);
    await saveScreenshot(a.page, 'comments-room-panel');
  });
});
