// The comment views of a room as the browser tests drive them: selecting text, threads, replies,
// the notification bell and the "since your last visit" summary.
import type { Locator, Page } from 'playwright-core';

/** The comment views of a room: clause panels, threads, the bell and the summary. */
export class CommentsPage {
  constructor(readonly page: Page) {}

  clause(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** Selects the first occurrence of `text` in a clause body, as a mouse drag would. */
  async selectText(clauseTitle: string, text: string): Promise<void> {
    const editor = this.page.getByRole('textbox', { name: `${clauseTitle}: clause text` });
    await editor.scrollIntoViewIfNeeded();
    await editor.click();
    await editor.evaluate((root, wanted) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(wanted) ?? -1;
        if (at < 0) continue;
        const selection = document.getSelection();
        selection?.setBaseAndExtent(node, at, node, at + wanted.length);
        return;
      }
      throw new Error(`"${wanted}" is not in the clause text`);
    }, text);
  }

  selectionButton(clauseTitle: string): Locator {
    return this.page.getByRole('button', {
      name: `Comment on the selected text of ${clauseTitle}`,
    });
  }

  toggle(clauseTitle: string): Locator {
    return this.clause(clauseTitle).getByRole('button', { name: `Comments on ${clauseTitle}:` });
  }

  panel(clauseTitle: string): Locator {
    return this.page.getByRole('region', { name: `Comments on ${clauseTitle}`, exact: true });
  }

  async openPanel(clauseTitle: string): Promise<void> {
    const toggle = this.toggle(clauseTitle);
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await this.panel(clauseTitle).waitFor();
  }

  newComment(clauseTitle: string): Locator {
    return this.page.getByLabel(`New comment on ${clauseTitle}`, { exact: true });
  }

  async startThread(
    clauseTitle: string,
    body: string,
    options: { audience?: RegExp | string; title?: string } = {},
  ): Promise<void> {
    const form = this.page.getByRole('form', { name: `New thread on ${clauseTitle}` });
    if (options.audience) {
      const select = form.getByLabel(`Who can read the new thread on ${clauseTitle}`);
      const labels = await select.locator('option').allTextContents();
      const label = labels.find((l) =>
        typeof options.audience === 'string' ? l === options.audience : options.audience!.test(l),
      );
      if (!label)
        throw new Error(`No audience like ${String(options.audience)} in ${labels.join(', ')}`);
      await select.selectOption({ label });
    }
    if (options.title)
      await form.getByLabel(`Title of the new thread on ${clauseTitle}`).fill(options.title);
    await this.newComment(clauseTitle).fill(body);
    await form.getByRole('button', { name: 'Comment', exact: true }).click();
  }

  threads(clauseTitle: string): Locator {
    return this.panel(clauseTitle).getByRole('article');
  }

  thread(clauseTitle: string, heading: string): Locator {
    return this.panel(clauseTitle).getByRole('article', { name: heading, exact: true });
  }

  replyBox(clauseTitle: string, heading: string): Locator {
    return this.page.getByLabel(`Reply to thread on ${clauseTitle}: ${heading}`, { exact: true });
  }

  /** Types a reply, picking `mention` from the autocomplete after "@". */
  async reply(
    clauseTitle: string,
    heading: string,
    text: string,
    mention?: { query: string; name: string },
  ): Promise<void> {
    const box = this.replyBox(clauseTitle, heading);
    await box.click();
    await box.pressSequentially(text);
    if (mention) {
      await box.pressSequentially(` @${mention.query}`);
      await this.page.getByRole('option', { name: new RegExp(mention.name) }).waitFor();
      await box.press('Enter');
    }
    await this.thread(clauseTitle, heading)
      .getByRole('button', { name: 'Reply', exact: true })
      .click();
  }

  bell(): Locator {
    return this.page.getByRole('button', { name: /^Notifications/ });
  }

  notifications(): Locator {
    return this.page.getByRole('list', { name: 'Notifications' }).getByRole('listitem');
  }

  headerUnread(): Locator {
    return this.page.getByTestId('comments-unread-total');
  }

  outlineUnread(clauseId: string): Locator {
    return this.page.getByTestId(`outline-unread-${clauseId}`);
  }

  highlights(clauseTitle: string): Locator {
    return this.clause(clauseTitle).locator('.clause-text .comment-range');
  }

  visitPanel(): Locator {
    return this.page.getByRole('dialog', { name: 'Since your last visit' });
  }
}
