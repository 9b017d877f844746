// The lawyer's tools as a person uses them: the Editing / Suggesting switch, the suggestions under
// a clause with Accept and Reject, the versions timeline with compare, and the export menu.
import type { Download, Locator } from 'playwright-core';
import { RoomPage } from './RoomPage';

export class LawyerRoom extends RoomPage {
  async setTextMode(mode: 'Editing' | 'Suggesting'): Promise<void> {
    await this.page
      .getByRole('group', { name: 'How your typing lands' })
      .getByRole('button', { name: mode, exact: true })
      .click();
  }

  suggestions(clauseTitle: string): Locator {
    return this.page.getByRole('region', { name: `${clauseTitle}: suggestions` });
  }

  /** Accept or Reject, on the suggestion of `author` whose description starts with `what`. */
  async decide(decision: 'Accept' | 'Reject', author: string, what: string): Promise<void> {
    await this.page
      .getByRole('button', { name: `${decision} ${author}'s suggestion to ${what}` })
      .click();
  }

  versions(): Locator {
    return this.page.getByRole('dialog', { name: 'Versions' });
  }

  async openVersions(): Promise<void> {
    await this.page.getByRole('button', { name: 'Versions', exact: true }).click();
    await this.versions().waitFor();
  }

  async saveVersion(name: string): Promise<void> {
    await this.versions().getByLabel('Save this state as a version').fill(name);
    await this.versions().getByRole('button', { name: 'Save version' }).click();
    await this.versions()
      .getByRole('status')
      .filter({ hasText: `${name}.` })
      .waitFor();
  }

  async compareWithPrevious(versionLabel: string): Promise<Locator> {
    await this.versions()
      .getByRole('button', { name: `Compare ${versionLabel} with the previous version` })
      .click();
    const region = this.versions().getByRole('region', { name: /^Changes from / });
    await region.waitFor();
    return region;
  }

  async closeVersions(): Promise<void> {
    await this.versions().getByRole('button', { name: 'Close versions' }).click();
  }

  /** Downloads an export from the header's menu; `against` is a version's label or null. */
  async download(
    format: 'Word (.docx)' | 'PDF' | 'Markdown',
    against: string | null = null,
  ): Promise<Download> {
    const menu = this.page.getByRole('dialog', { name: 'Export the term sheet' });
    if (!(await menu.isVisible()))
      await this.page.getByRole('button', { name: 'Export', exact: true }).click();
    if (against !== null) await menu.getByLabel('Redline against').selectOption({ label: against });
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      menu.getByRole('button', { name: `Download ${format}` }).click(),
    ]);
    return download;
  }
}
