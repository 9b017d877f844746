// Parameter chips in clause text: `{{param:PATH}}` kept in the document, drawn as the parameter's
// current value, so the text never goes stale when someone changes a number.
import { Node, mergeAttributes } from '@tiptap/core';
import { paramName, paramValueText } from '../names';
import type { Sheet } from '../sheet';
import type { RoomModel } from '../roomModel';

export interface ParamRefOptions {
  clauseId: string;
  model: RoomModel | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function resolve(params: unknown, path: string): unknown {
  let node = params;
  for (const segment of path.split('.')) {
    if (Array.isArray(node) && /^\d+$/.test(segment)) node = node[Number(segment)];
    else if (isRecord(node)) node = node[segment];
    else return undefined;
  }
  return node;
}

/**
 * A chip as a person reads it: the value in its unit (amounts in the sheet's currency, shares as
 * percentages, names for parties and streams), and the parameter's name for its tooltip.
 */
export function chipText(
  sheet: Sheet,
  clauseId: string,
  path: string,
): { text: string; name: string; missing: boolean } {
  const clause = sheet.clauses.find((c) => c.id === clauseId);
  const value = clause ? resolve(clause.params, path) : undefined;
  const name = paramName(clause?.params ?? {}, path, sheet.parties);
  if (value === undefined) return { text: `missing: ${name}`, name, missing: true };
  return { text: paramValueText(sheet, clause, path, value), name, missing: false };
}

/**
 * `paramRef`: an inline atom standing for `{{param:PATH}}` in clause text. It renders as a chip
 * showing the parameter's current value, and updates as anyone edits it.
 */
export const ParamRef = Node.create<ParamRefOptions>({
  name: 'paramRef',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,

  addOptions() {
    return { clauseId: '', model: null };
  },

  addAttributes() {
    return {
      path: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-param-path') ?? '',
        renderHTML: (attributes) => ({ 'data-param-path': attributes.path as string }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-param-path]' }];
  },

  renderHTML({ HTMLAttributes, node }) {
    return [
      'span',
      mergeAttributes(HTMLAttributes, { class: 'param-chip' }),
      `{{param:${String(node.attrs.path)}}}`,
    ];
  },

  renderText({ node }) {
    return `{{param:${String(node.attrs.path)}}}`;
  },

  addNodeView() {
    const { clauseId, model } = this.options;
    return ({ node }) => {
      const dom = document.createElement('span');
      dom.className = 'param-chip';
      dom.contentEditable = 'false';
      const path = String(node.attrs.path);
      dom.dataset.paramPath = path;
      let shown = '';
      const render = () => {
        if (!model) return;
        const { text, name, missing } = chipText(model.state.getState().sheet, clauseId, path);
        if (text + name !== shown) {
          shown = text + name;
          dom.textContent = text;
          dom.classList.toggle('is-missing', missing);
          dom.title = name;
        }
      };
      render();
      const unsubscribe = model?.state.subscribe(render);
      return {
        dom,
        destroy: () => unsubscribe?.(),
      };
    };
  },
});
