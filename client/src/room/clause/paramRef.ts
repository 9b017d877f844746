// Parameter chips in clause text: `{{param:PATH}}` kept in the document, drawn as the parameter's
// current value, so the text never goes stale when someone changes a number.
import { Node, mergeAttributes } from '@tiptap/core';
import { chipText } from '../names';
import type { RoomModel } from '../roomModel';

export interface ParamRefOptions {
  clauseId: string;
  model: RoomModel | null;
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
