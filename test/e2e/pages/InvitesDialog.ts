// The invitations dialog as the browser tests use it: invite, revoke and close, found by the labels
// a person reads.
import type { Locator, Page } from 'playwright-core';

/** The invitation dialog: invite a party's members, propose appointments, revoke. */
export class InvitesDialog {
  constructor(readonly page: Page) {}

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Invite people' });
  }

  async invite(name: string, role: string, party?: string): Promise<string> {
    const dialog = this.dialog();
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Role').selectOption(role);
    if (party) await dialog.getByLabel('Party').selectOption({ label: party });
    await dialog.getByRole('button', { name: 'Create invitation' }).click();
    const link = dialog.getByLabel(`Invitation link for ${name}`, { exact: true });
    await link.waitFor();
    return link.inputValue();
  }

  /** Proposes a mediator or observer: they come in once every party consented. */
  async propose(name: string, role: 'mediator' | 'observer'): Promise<string> {
    const dialog = this.dialog();
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Role').selectOption(role);
    await dialog.getByRole('button', { name: 'Propose and invite' }).click();
    const link = dialog.getByLabel(`Invitation link for ${name}`, { exact: true });
    await link.waitFor();
    return link.inputValue();
  }

  async revoke(name: string): Promise<void> {
    await this.dialog()
      .getByRole('button', { name: `Revoke invitation for ${name}` })
      .click();
  }

  async close(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Close invitations' }).click();
  }
}
