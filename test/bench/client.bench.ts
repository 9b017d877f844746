/**
 * Web client figures: initial JavaScript (gzip) of the lobby and of the room page, the time until
 * a room from the mHealth template is ready (editors interactive) over loopback, and input
 * latency with 20 clauses on the page: a parameter saved with Enter until the value panel shows
 * the new figure, and a keystroke in clause text until the editor shows it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { templates } from '@parley/shared/templates';
import type { TermSheet } from '@parley/shared/termsheet';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { createRoom } from '../integration/helpers/api';
import { repoRoot, startServer } from '../integration/helpers/server';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

function build(outDir: string): Record<string, ManifestChunk> {
  execFileSync(
    'pnpm',
    [
      '--filter',
      '@parley/client',
      'exec',
      'vite',
      'build',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--manifest',
      '--logLevel',
      'error',
    ],
    { cwd: repoRoot, stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } },
  );
  return JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
}

/** The files a chunk needs before it runs: itself and its static imports, transitively. */
function closure(
  manifest: Record<string, ManifestChunk>,
  key: string,
  into = new Set<string>(),
): Set<string> {
  if (into.has(key)) return into;
  into.add(key);
  for (const imported of manifest[key]?.imports ?? []) closure(manifest, imported, into);
  return into;
}

function gzipKb(
  outDir: string,
  manifest: Record<string, ManifestChunk>,
  keys: Iterable<string>,
): number {
  let bytes = 0;
  for (const key of keys) {
    const file = manifest[key]?.file;
    if (file) bytes += gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length;
  }
  return bytes / 1024;
}

function twentyClauseSheet(): TermSheet {
  const sheet = structuredClone(templates.mhealth) as TermSheet;
  let n = 0;
  while (sheet.clauses.length < 20) {
    n++;
    sheet.clauses.push({
      id: `c-extra-${n}`,
      kind: 'custom',
      title: `Schedule ${n}`,
      text: `Additional provisions, schedule ${n}. The parties will agree the details in good faith.`,
      params: {},
    } as TermSheet['clauses'][number]);
  }
  return sheet;
}

async function waitReady(page: Page): Promise<void> {
  await page.locator('.room-body[data-ready="true"]').waitFor({ timeout: 30_000 });
  await page.locator('.clause-text[contenteditable="true"]').first().waitFor({ timeout: 30_000 });
}

/** Keystroke (keydown) until `selector`'s text changes, measured inside the page. */
async function armLatencyProbe(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel) => {
    const w = window as unknown as { __samples: number[]; __down: number };
    w.__samples = [];
    w.__down = 0;
    document.addEventListener('keydown', () => (w.__down = performance.now()), true);
    const target = document.querySelector(sel);
    if (!target) throw new Error(`no ${sel}`);
    new MutationObserver(() => {
      if (w.__down > 0) {
        w.__samples.push(performance.now() - w.__down);
        w.__down = 0;
      }
    }).observe(target, { subtree: true, childList: true, characterData: true, attributes: true });
  }, selector);
}

async function takeSamples(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    (window as unknown as { __samples: number[] }).__samples.slice().sort((a, b) => a - b),
  );
}

export default async function run(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'parley-bench-client-'));
  const server = { current: null as Awaited<ReturnType<typeof startServer>> | null };
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
  try {
    const manifest = build(outDir);
    const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry) ?? 'index.html';
    const lobby = closure(manifest, entry);
    const roomKey = manifest[entry]?.dynamicImports?.find((k) => /RoomGate/.test(k));
    const room = roomKey ? closure(manifest, roomKey, new Set(lobby)) : lobby;
    const chartsKey = Object.keys(manifest).find((k) => /ValueCharts/.test(k));
    const lobbyKb = gzipKb(outDir, manifest, lobby);
    const roomKb = gzipKb(outDir, manifest, room);
    const chartsKb = chartsKey
      ? gzipKb(
          outDir,
          manifest,
          [...closure(manifest, chartsKey)].filter((k) => !room.has(k)),
        )
      : 0;

    server.current = await startServer({ clientDir: outDir });
    const base = server.current.url;

    const readyTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const created = await createRoom(base, {
        title: 'Remote patient monitoring',
        template: 'mhealth',
      });
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(`${base}/rooms/${created.roomId}#token=${created.organizerToken}`);
      await waitReady(page);
      readyTimes.push(Date.now() - started);
      await context.close();
    }
    readyTimes.sort((a, b) => a - b);

    const big = await createRoom(base, { title: 'Twenty clauses', termsheet: twentyClauseSheet() });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/rooms/${big.roomId}#token=${big.organizerToken}`);
    await waitReady(page);
    const clauseCount = await page.locator('section.clause-block:not(.assumptions)').count();

    // A parameter saved with Enter → value panel. Typing alone saves nothing until it pauses, so
    // each sample is a digit typed then Enter, timed from the Enter.
    await armLatencyProbe(page, 'table.totals-table');
    const price = page.getByLabel('Revenue streams: Monitoring subscriptions unit price (EUR)', {
      exact: true,
    });
    await price.click();
    await price.fill('9');
    await page.waitForTimeout(300);
    await page.evaluate(() => ((window as unknown as { __samples: number[] }).__samples = []));
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press(i % 2 === 0 ? '5' : 'Backspace');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(60);
    }
    const paramLatency = await takeSamples(page);

    // Clause text keystroke → editor shows it.
    const editor = page.locator('.clause-text').nth(2);
    await page.evaluate(() => {
      const el = document.querySelectorAll('.clause-text')[2];
      el?.setAttribute('data-probe', '1');
    });
    await armLatencyProbe(page, '.clause-text[data-probe="1"]');
    await editor.click();
    await page.keyboard.press('End');
    await page.evaluate(() => ((window as unknown as { __samples: number[] }).__samples = []));
    for (let i = 0; i < 40; i++) {
      await page.keyboard.type('x');
      await page.waitForTimeout(40);
    }
    const textLatency = await takeSamples(page);
    await context.close();

    const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : 'n/a');
    console.table([
      { measure: 'initial JS, lobby (gzip)', value: `${lobbyKb.toFixed(1)} KB`, goal: '≤ 350 KB' },
      {
        measure: 'initial JS, room page (gzip)',
        value: `${roomKb.toFixed(1)} KB`,
        goal: '≤ 350 KB',
      },
      {
        measure: 'charts, lazy (gzip)',
        value: `${chartsKb.toFixed(1)} KB`,
        goal: 'not at first paint',
      },
      {
        measure: 'room ready, mHealth, loopback (median / max of 5)',
        value: `${readyTimes[2]} / ${readyTimes[4]} ms`,
        goal: '< 1500 ms',
      },
      {
        measure: `param saved (Enter) → value panel, ${clauseCount} clauses (p50 / p95, n=${paramLatency.length})`,
        value: `${fmt(percentile(paramLatency, 50))} / ${fmt(percentile(paramLatency, 95))} ms`,
        goal: '< 50 ms',
      },
      {
        measure: `text keystroke → editor, ${clauseCount} clauses (p50 / p95, n=${textLatency.length})`,
        value: `${fmt(percentile(textLatency, 50))} / ${fmt(percentile(textLatency, 95))} ms`,
        goal: 'smooth (< 16 ms)',
      },
    ]);
  } finally {
    await browser.close();
    await server.current?.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}
