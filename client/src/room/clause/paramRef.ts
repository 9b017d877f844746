// Parameter chips in clause text: `{{param:PATH}}` kept in the document, drawn as the parameter's
// current value, so the text never goes stale when someone changes a number.
import { Node, mergeAttributes } from '@tiptap/core';
import { formatMoney, formatNumber, formatPercent } from '../../lib/format';
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

const moneyLeaf =
  /^(unitPrice|upfront|fixedPerPeriod|amount|netBelow|ratePerFte|upTo|ratePerUnit|capPerPeriod)$/;
const percentParents = /^(fixed|split|beneficiaries)$/;

/** The chip text for a parameter: the value as a person reads it, in the sheet's currency. */
export function formatParamValue(path: string, value: unknown, currency: string): string {
  if (value === undefined) return `missing: ${path}`;
  if (value === null) return 'no limit';
  if (typeof value !== 'number') return Array.isArray(value) ? value.join(', ') : String(value);
  const parts = path.split('.');
  const leaf = parts[parts.length - 1] ?? '';
  const parent = parts[parts.length - 2] ?? '';
  if (moneyLeaf.test(leaf) || parent === 'floors' || parent === 'caps')
    return formatMoney(value, currency);
  if (/Pct$/.test(leaf) || percentParents.test(parent)) return formatPercent(value, 4);
  return formatNumber(value);
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
        const { sheet } = model.state.getState();
        const clause = sheet.clauses.find((c) => c.id === clauseId);
        const value = clause ? resolve(clause.params, path) : undefined;
        const text = formatParamValue(path, value, sheet.currency);
        if (text !== shown) {
          shown = text;
          dom.textContent = text;
          dom.classList.toggle('is-missing', value === undefined);
          dom.title = `Parameter ${path}`;
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
