// Finding text in the term sheet as it is drawn: clause titles and clause text (with parameter
// chips showing their values), as ranges the page can highlight and scroll to.

export interface SheetMatch {
  clauseId: string;
  clauseTitle: string;
  /** Where the words are: the title or the text. */
  where: 'title' | 'text';
  /** The match with a few words around it. */
  before: string;
  match: string;
  after: string;
  /** The text range to highlight; null for a match in a title field (an input has no ranges). */
  range: Range | null;
  element: HTMLElement;
}

const CONTEXT = 40;

function titleOf(block: HTMLElement): { text: string; element: HTMLElement } {
  const input = block.querySelector<HTMLInputElement>('.clause-title input');
  if (input) return { text: input.value, element: input };
  const heading = block.querySelector<HTMLElement>('.clause-title');
  return { text: heading?.textContent ?? '', element: heading ?? block };
}

function indexesOf(haystack: string, needle: string): number[] {
  const out: number[] = [];
  const lower = haystack.toLocaleLowerCase();
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length))
    out.push(at);
  return out;
}

/** Every match of `query` (case-insensitive) in the clauses under `root`, in reading order. */
export function findInSheet(root: ParentNode, query: string, limit = 500): SheetMatch[] {
  const needle = query.trim().toLocaleLowerCase();
  if (needle.length === 0) return [];
  const out: SheetMatch[] = [];
  const blocks = root.querySelectorAll<HTMLElement>('section.clause-block[id^="clause-"]');
  for (const block of blocks) {
    if (out.length >= limit) break;
    const clauseId = block.id.slice('clause-'.length);
    const title = titleOf(block);
    for (const at of indexesOf(title.text, needle)) {
      out.push({
        clauseId,
        clauseTitle: title.text,
        where: 'title',
        before: title.text.slice(Math.max(0, at - CONTEXT), at),
        match: title.text.slice(at, at + needle.length),
        after: title.text.slice(at + needle.length, at + needle.length + CONTEXT),
        range: null,
        element: title.element,
      });
    }
    const body = block.querySelector<HTMLElement>('.clause-text');
    if (!body) continue;
    // The text as one string, with where each text node starts, so matches may cross marks.
    const nodes: { node: Text; start: number }[] = [];
    let text = '';
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent?.closest('.collab-caret')) continue;
      nodes.push({ node: node as Text, start: text.length });
      text += node.textContent ?? '';
    }
    const locate = (offset: number, end: boolean) => {
      for (let i = nodes.length - 1; i >= 0; i -= 1) {
        const entry = nodes[i]!;
        if (end ? entry.start < offset : entry.start <= offset)
          return { node: entry.node, offset: offset - entry.start };
      }
      return null;
    };
    for (const at of indexesOf(text, needle)) {
      if (out.length >= limit) break;
      const from = locate(at, false);
      const to = locate(at + needle.length, true);
      let range: Range | null = null;
      if (from && to) {
        range = document.createRange();
        range.setStart(from.node, from.offset);
        range.setEnd(to.node, to.offset);
      }
      out.push({
        clauseId,
        clauseTitle: title.text,
        where: 'text',
        before: text.slice(Math.max(0, at - CONTEXT), at),
        match: text.slice(at, at + needle.length),
        after: text.slice(at + needle.length, at + needle.length + CONTEXT),
        range,
        element: body,
      });
    }
  }
  return out;
}
