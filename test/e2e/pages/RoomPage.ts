// The negotiation room as the browser tests drive it: presence, clause blocks, parameter fields and
// the value panel, so tests read as what a person does rather than how the page is built.
import type { Locator, Page } from 'playwright-core';

/** The negotiation room as a person sees it: header, clause blocks, value panel. */
export class RoomPage {
  constructor(readonly page: Page) {}

  async open(link: string): Promise<void> {
    await this.page.goto(link);
    await this.waitReady();
  }

  async waitReady(): Promise<void> {
    await this.page.locator('.room-body[data-ready="true"]').waitFor({ timeout: 20_000 });
    await this.page.locator('.clause-text').first().waitFor();
  }

  /** How far the page itself reaches past the window's right edge, in pixels (0: no sideways scroll). */
  async sidewaysOverflow(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }

  connectionState(): Locator {
    return this.page.getByTestId('connection-state');
  }

  saveStatus(): Locator {
    return this.page.getByTestId('save-status');
  }

  presence(): Locator {
    return this.page.getByRole('list', { name: 'People in the room' });
  }

  avatar(name: string): Locator {
    return this.presence().locator(`[aria-label^="${name}"]`);
  }

  clause(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  clauseText(title: string): Locator {
    return this.page.getByRole('textbox', { name: `${title}: clause text` });
  }

  param(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async setParam(label: string, value: string): Promise<void> {
    const input = this.param(label);
    await input.click();
    await input.fill(value);
    await input.press('Tab');
  }

  fieldErrorsFor(label: string): Locator {
    return this.param(label)
      .locator('xpath=ancestor::div[contains(@class,"field")][1]')
      .locator('.field-error');
  }

  totalsTable(): Locator {
    return this.page.locator('table.totals-table');
  }

  /** The total allocation cell of a party; its title holds the exact amount. */
  allocationCell(partyId: string): Locator {
    return this.totalsTable().locator(`tr[data-measure="allocation"] td[data-party="${partyId}"]`);
  }

  async typeInClause(title: string, text: string): Promise<void> {
    const editor = this.clauseText(title);
    await editor.click();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.type(text);
  }

  caretLabel(name: string): Locator {
    return this.page.locator('.collab-caret-label', { hasText: name });
  }

  /** Types into a number field key by key, as a person does, without leaving it. */
  async typeIntoParam(label: string, text: string, delayMs = 60): Promise<void> {
    const input = this.param(label);
    await input.click();
    await input.press('Control+a');
    await input.pressSequentially(text, { delay: delayMs });
  }

  /**
   * Starts recording every value a field shows, frame by frame, in the page itself; `seenValues`
   * reads what was recorded. Proves what another participant saw while someone typed.
   */
  async recordValuesOf(label: string): Promise<void> {
    await this.param(label).evaluate((input) => {
      const w = window as unknown as { __seen: string[] };
      w.__seen = [];
      const look = () => {
        const value = (input as HTMLInputElement).value;
        if (w.__seen[w.__seen.length - 1] !== value) w.__seen.push(value);
        requestAnimationFrame(look);
      };
      look();
    });
  }

  async seenValues(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
  }

  /** The wrapper of a parameter field, which carries its change mark. */
  paramField(label: string): Locator {
    return this.param(label).locator('xpath=ancestor::div[contains(@class,"field")][1]');
  }

  /** The note a changed field carries: "Changed by …, was …". */
  changeNote(label: string): Locator {
    return this.paramField(label).getByTestId('change-note');
  }

  header(): Locator {
    return this.page.locator('header.room-header');
  }

  /** Every button and link of the header, as people reach them. */
  headerControls(): Locator {
    return this.header().locator('button, a');
  }

  headerButton(name: string | RegExp): Locator {
    return this.header().getByRole('button', { name });
  }

  async undo(): Promise<void> {
    await this.headerButton('Undo your last change').click();
  }

  async redo(): Promise<void> {
    await this.headerButton('Redo').click();
  }

  outline(): Locator {
    return this.page.getByRole('navigation', { name: 'Clauses' });
  }

  /** The bottom bar of a narrow screen. */
  paneTab(name: 'Clauses' | 'Value' | 'Comments' | 'Mediation'): Locator {
    return this.page.getByRole('navigation', { name: 'Room sections' }).getByRole('button', {
      name: new RegExp(`^${name}`),
    });
  }

  valuePanel(): Locator {
    return this.page.locator('aside.value-panel');
  }

  mediationPanel(): Locator {
    return this.page.getByRole('complementary', { name: 'Mediation' });
  }

  bell(): Locator {
    return this.headerButton(/^Notifications/);
  }

  notificationItems(): Locator {
    return this.page.getByRole('list', { name: 'Notifications' }).getByRole('listitem');
  }

  async openNotifications(): Promise<void> {
    if ((await this.bell().getAttribute('aria-expanded')) !== 'true') await this.bell().click();
  }

  searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search the term sheet' });
  }

  searchCount(): Locator {
    return this.page.locator('.sheet-search-count');
  }

  shortcutsDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  }

  /** Every text a person may read or hear: visible text, labels, titles, placeholders, options. */
  async readableTexts(): Promise<string[]> {
    return this.page.evaluate(() => {
      const out: string[] = [document.body.innerText];
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('*'))) {
        for (const attr of ['title', 'aria-label', 'placeholder', 'alt'])
          if (el.hasAttribute(attr)) out.push(el.getAttribute(attr) ?? '');
        if (el instanceof HTMLOptionElement) out.push(el.text);
        if (el instanceof HTMLInputElement && el.type !== 'hidden' && el.type !== 'file')
          out.push(el.value);
      }
      return out.filter((t) => t.trim().length > 0);
    });
  }

  /** Every control that would change the term sheet, if enabled. */
  editableControls(): Locator {
    return this.page.locator(
      [
        '.room-body input:not([readonly]):not([disabled]):not([type="checkbox"])',
        '.room-body select:not([disabled])',
        '.room-body input[type="checkbox"]:not([disabled])',
        '.room-body [contenteditable="true"]',
        '.room-body button:has-text("Add")',
        '.room-body button[aria-label^="Remove"]',
        '.room-body button[aria-label^="Move"]',
      ].join(', '),
    );
  }
}
