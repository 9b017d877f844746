// A lawyer's review in Chromium: the operator's counsel suggests in the clause text, the insurer
// accepts one suggestion and rejects the other, saves a version, compares it with the previous
// one, and downloads the sheet as Word and PDF, read back with unzip and pdftotext.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer } from '../integration/helpers/server';
import type { StartedServer } from '../integration/helpers/server';
import { launchBrowser, newContext, saveScreenshot } from './helpers/browser';
import { buildClient } from './helpers/client-build';
import { createNegotiationRoom } from './helpers/room-fixture';
import { LawyerRoom } from './pages/lawyer';

const wait = { timeout: 15_000, interval: 100 };

describe('a lawyer reviewing the clause text with the other side', () => {
  let clientDir: string;
  let server: StartedServer;
  let browser: Browser;
  let csp: LawyerRoom;
  let insurer: LawyerRoom;

  beforeAll(async () => {
    clientDir = buildClient();
    server = await startServer({ clientDir });
    const room = await createNegotiationRoom(server.url);
    browser = await launchBrowser();
    csp = new LawyerRoom(await (await newContext(browser)).newPage());
    insurer = new LawyerRoom(await (await newContext(browser)).newPage());
    await csp.open(room.links.csp);
    await insurer.open(room.links.insurer);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (clientDir) rmSync(clientDir, { recursive: true, force: true });
  });

  it('suggests, has one suggestion accepted and one rejected, saves and compares versions, and downloads Word and PDF', async () => {
    await insurer.openVersions();
    await insurer.saveVersion('Before the review');
    await insurer.closeVersions();

    // The operator's counsel suggests: words added at the start, the final words struck.
    await csp.setTextMode('Suggesting');
    const text = csp.clauseText('Term');
    await text.click();
    await text.press('Control+Home');
    await text.pressSequentially('Initially, ');
    await text.press('Control+End');
    for (let i = 0; i < 'collected.'.length; i += 1) await text.press('Backspace');
    const list = insurer.suggestions('Term');
    await list.getByText('2 suggestions').waitFor(wait);
    await expect(list.getByText(/add “Initially,”/).count()).resolves.toBe(1);
    await saveScreenshot(insurer.page, 'suggestions-pending');

    // The insurer accepts the addition and rejects the deletion.
    await insurer.decide('Accept', 'Ada Kestrel', 'add “Initially,”');
    await insurer.decide('Reject', 'Ada Kestrel', 'remove “collected.”');
    await list.waitFor({ state: 'detached', ...wait });
    await vi.waitFor(async () => {
      const shown = await csp.clauseText('Term').innerText();
      expect(shown).toMatch(/^Initially, The initial term/);
      expect(shown).toContain('collected.');
      expect(await csp.clauseText('Term').locator('ins, del').count()).toBe(0);
    }, wait);

    // A version after the review, compared with the one before it.
    await insurer.openVersions();
    await insurer.saveVersion('After the review');
    const changes = await insurer.compareWithPrevious('Version 2: After the review');
    const term = changes.getByRole('article', { name: 'Changes in Term' });
    await expect(term.locator('ins').first().innerText()).resolves.toContain('Initially,');
    await saveScreenshot(insurer.page, 'versions-compare');
    await insurer.closeVersions();

    // Word and PDF, the PDF as a redline against the version before the review.
    const docx = await insurer.download('Word (.docx)');
    expect(docx.suggestedFilename()).toMatch(/-draft\.docx$/);
    const xml = execFileSync('unzip', ['-p', (await docx.path())!, 'word/document.xml'], {
      encoding: 'utf8',
    });
    expect(xml).toContain('Initially, The initial term');
    const pdf = await insurer.download('PDF', 'Version 1: Before the review');
    expect(pdf.suggestedFilename()).toMatch(/-redline-v1-draft\.pdf$/);
    const pdfText = execFileSync('pdftotext', [(await pdf.path())!, '-'], { encoding: 'utf8' });
    expect(pdfText).toContain('Term');
    expect(pdfText).toContain('Initially,');
    expect(pdfText).toContain('Changes since version 1');
  });
});
