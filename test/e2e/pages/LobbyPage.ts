// The lobby as the browser tests use it: picking a template, naming and creating a room, and
// importing a term sheet file.
import type { Locator, Page } from 'playwright-core';

export class LobbyPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(baseUrl);
    await this.page.getByRole('heading', { name: 'Start from a template' }).waitFor();
  }

  template(title: RegExp | string): Locator {
    return this.page.getByRole('radio', { name: title });
  }

  async createFromTemplate(templateTitle: RegExp, roomTitle: string): Promise<void> {
    await this.template(templateTitle).check();
    await this.page.getByLabel('Room title').fill(roomTitle);
    await this.page.getByRole('button', { name: 'Create negotiation room' }).click();
  }

  async importFile(name: string, content: string): Promise<void> {
    await this.page
      .getByLabel('Term sheet file')
      .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
  }

  importError(): Locator {
    return this.page.locator('.card .form-error');
  }
}
