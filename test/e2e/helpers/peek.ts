// Local look at the UI during development: node --import tsx test/e2e/helpers/peek.ts BASE_URL
import { launchBrowser, newContext } from './browser';
import { createNegotiationRoom } from './room-fixture';

const base = process.argv[2] ?? 'http://127.0.0.1:3107';
const room = await createNegotiationRoom(base);
const browser = await launchBrowser();
const ctx = await newContext(browser);
const page = await ctx.newPage();
page.on('console', (m) => console.log('console', m.type(), m.text()));
page.on('requestfailed', (r) => console.log('failed', r.url()));
page.on('response', (r) => {
  if (r.status() >= 400) console.log('http', r.status(), r.url());
});
page.on('pageerror', (e) => console.log('pageerror', e.message));
const t0 = Date.now();
await page.goto(room.links.csp);
await page
  .locator('.room-body[data-ready="true"]')
  .waitFor({ timeout: 8000 })
  .catch(async () => {
    await page.screenshot({ path: '/tmp/shots/fail.png' });
    console.log(await page.locator('body').innerText());
  });
console.log('ready in', Date.now() - t0, 'ms');
await page.waitForTimeout(800);
await page.screenshot({ path: '/tmp/shots/room.png' });
await page.locator('.value-panel').screenshot({ path: '/tmp/shots/value.png' });
for (const [name, title] of [
  ['revenue', 'Revenue streams'],
  ['costs', 'Costs borne by each Partner'],
  ['sharing', 'Value sharing'],
  ['outcomes', 'Outcome-based payments'],
  ['exit', 'Exit'],
  ['legacy', 'Comparison with a conventional contract'],
]) {
  const region = page.getByRole('region', { name: title, exact: true });
  await region.scrollIntoViewIfNeeded();
  await region.screenshot({ path: `/tmp/shots/${name}.png` });
}
await page.locator('#assumptions').screenshot({ path: '/tmp/shots/assumptions.png' });
await page.goto(base);
await page.waitForTimeout(500);
await page.screenshot({ path: '/tmp/shots/lobby.png' });
await browser.close();
