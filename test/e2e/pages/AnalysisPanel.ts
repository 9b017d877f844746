// The value panel's analysis tab as the browser tests drive it: the tornado, break-even, risk and
// separation sections, and the mediator's fair settlement.
import type { Locator, Page } from 'playwright-core';

export class AnalysisPanel {
  constructor(readonly page: Page) {}

  root(): Locator {
    return this.page.getByTestId('analysis-panel');
  }

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Analysis' }).click();
    await this.root().waitFor({ timeout: 20_000 });
  }

  async chooseScenario(name: string): Promise<void> {
    await this.page
      .getByRole('radiogroup', { name: 'Scenario' })
      .getByRole('radio', { name, exact: true })
      .click();
  }

  async chooseParty(name: string): Promise<void> {
    await this.root().getByLabel('For party').selectOption({ label: name });
  }

  tornado(): Locator {
    return this.root().getByRole('img', { name: /^What moves/ });
  }

  tornadoBars(): Locator {
    return this.tornado().locator('rect.bar');
  }

  /** The tornado's table alternative, one row per term. */
  tornadoTableRows(): Locator {
    return this.root().locator('[data-chart="tornado"] table tbody tr');
  }

  breakEvenCell(partyId: string, column: number): Locator {
    return this.root()
      .locator(`table[data-table="break-even"] tr[data-party="${partyId}"] td`)
      .nth(column);
  }

  breakEvenRows(): Locator {
    return this.root().locator('table[data-table="break-even"] tbody tr');
  }

  riskRange(): Locator {
    return this.root().locator('svg[data-chart="risk-range"]');
  }

  riskHistogram(): Locator {
    return this.root().locator('svg[data-chart="histogram"]');
  }

  /** The P(net < 0), P5, P50, P95 cells of a party in the risk table. */
  riskCells(partyId: string): Locator {
    return this.root().locator(`table[data-table="risk"] tr[data-party="${partyId}"] td`);
  }

  /** The Monte Carlo block's notes while it computes or updates; none once its figures are in. */
  riskProgress(): Locator {
    return this.root().locator('[data-block="monte-carlo"] .analysis-note[role="status"]');
  }

  weightedChart(): Locator {
    return this.root().locator('svg[data-chart="weighted"]');
  }

  separationRow(partyId: string): Locator {
    return this.root().locator(`table[data-table="separation"] tr[data-party="${partyId}"]`);
  }

  settlement(): Locator {
    return this.root().locator('[data-section="settlement"]');
  }

  async suggestSettlement(): Promise<void> {
    await this.settlement().getByRole('button', { name: 'Suggest a fair settlement' }).click();
  }

  suggestedValues(): Locator {
    return this.settlement().locator(
      'table[data-table="settlement-values"] td[data-measure="suggested"]',
    );
  }

  async proposeSettlement(): Promise<void> {
    await this.settlement()
      .getByRole('button', { name: /^Propose these values/ })
      .click();
  }
}
