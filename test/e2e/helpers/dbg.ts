import { launchBrowser, newContext } from './browser';
const browser = await launchBrowser();
const page = await (await newContext(browser)).newPage();
page.on('console', (m) => console.log('console', m.text()));
page.on('framenavigated', (f) => console.log('nav', f.url()));
await page.goto('http://127.0.0.1:3107/rooms/no-such-room#token=not-a-token');
await page.waitForTimeout(1500);
console.log(await page.locator('body').innerText());
await browser.close();
