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
