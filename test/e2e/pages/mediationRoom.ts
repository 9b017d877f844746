// The room with its mediation tools as the browser tests drive them: the mediation panel and its
// tabs, the clause strips and the notices.
import type { Locator } from 'playwright-core';
import { RoomPage } from './RoomPage';

/** The room with its mediation instruments: clause strips, the mediation panel, notices. */
export class MediationRoom extends RoomPage {
  panel(): Locator {
    return this.page.getByRole('complementary', { name: 'Mediation' });
  }

  async openPanel(tab: 'Sign-off' | 'Agenda' | 'Disputes' | 'Caucus' | 'Positions'): Promise<void> {
    if (!(await this.panel().isVisible())) {
      await this.page.getByRole('button', { name: /^Mediation/ }).click();
    }
    await this.panel().getByRole('tab', { name: tab }).click();
  }

  async closePanel(): Promise<void> {
    if (await this.panel().isVisible()) {
      await this.panel().getByRole('button', { name: 'Close the mediation panel' }).click();
    }
  }

  caucusMessages(): Locator {
    return this.panel().locator('.caucus-message');
  }

  async sendCaucus(text: string, party?: string): Promise<void> {
    await this.openPanel('Caucus');
    if (party)
      await this.panel().getByLabel('Caucus with', { exact: true }).selectOption({ label: party });
    const box = this.panel().locator('.caucus-form textarea');
    await box.fill(text);
    await this.panel().getByRole('button', { name: 'Send privately' }).click();
  }

  proposalForm(clause: string): Locator {
    return this.page.getByRole('form', { name: `Propose a change to ${clause}` });
  }

  /** Opens the proposal draft of a clause, sets values by their field labels, and sends it. */
  async propose(clause: string, values: Record<string, string>, rationale: string): Promise<void> {
    await this.clause(clause).getByRole('button', { name: 'Propose a change' }).click();
    const form = this.proposalForm(clause);
    for (const [label, value] of Object.entries(values)) {
      const input = form.getByLabel(`Proposal for ${clause}: ${label}`, { exact: true });
      await input.fill(value);
      await input.press('Tab');
    }
    await form.getByLabel('Rationale').fill(rationale);
    await form.locator('.impact-table').waitFor();
    await form.getByRole('button', { name: 'Send proposal' }).click();
    await form.waitFor({ state: 'detached' });
  }

  proposals(clause: string): Locator {
    return this.clause(clause).locator('.proposal-card');
  }

  /** The Δ cell of a party and measure in the first scenario of a proposal's impact table. */
  impactCell(proposal: Locator, partyId: string, measure: 'allocation' | 'net' | 'npv'): Locator {
    return proposal
      .locator('.impact-table tbody')
      .first()
      .locator(`tr[data-party="${partyId}"] td[data-measure="${measure}"]`);
  }

  async signOff(clause: string): Promise<void> {
    await this.clause(clause)
      .getByRole('button', { name: new RegExp(`^Sign off ${clause} for `) })
      .click();
  }

  signOffChip(clause: string, partyId: string): Locator {
    return this.clause(clause).locator(`.signoff-chip[data-party="${partyId}"]`);
  }

  agreedBanner(): Locator {
    return this.page.getByTestId('agreed-banner');
  }

  notices(): Locator {
    return this.page.getByTestId('mediation-notice');
  }

  /** The note in the agreed banner saying the sheet is frozen. */
  frozenNote(): Locator {
    return this.page.getByTestId('frozen-note');
  }

  /** Reopens the agreed sheet through the banner and its confirmation. */
  async reopen(): Promise<void> {
    await this.agreedBanner().getByRole('button', { name: 'Reopen for changes' }).click();
    await this.page
      .getByTestId('reopen-confirm')
      .getByRole('button', { name: 'Reopen for changes' })
      .click();
  }

  /** The question asked before an edit voids sign-offs. */
  voidConfirm(): Locator {
    return this.page.getByTestId('void-confirm');
  }
}
