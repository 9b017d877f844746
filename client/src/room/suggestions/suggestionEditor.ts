// The clause editor's suggestion support: the insertion and deletion marks with their author, and
// the suggestion plugin turning this member's typing into marked suggestions while suggesting.
// Edits that would touch someone else's suggestion are stopped here, as the server would refuse
// them: those are accepted or rejected instead.
import { transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes';
import { Extension, Mark } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { DELETION_MARK, INSERTION_MARK, MODIFICATION_MARK } from '@parley/shared/suggestions';
import type { SuggestionAuthor } from '@parley/shared/suggestions';

export interface SuggestionEditorOptions {
  clauseId: string;
  author: SuggestionAuthor;
  /** Read at every keystroke, so switching modes needs no new editor. */
  suggesting: () => boolean;
  partyIndex: (partyId: string | null) => number | null;
  refuse: (message: string) => void;
}

const attr = (fallback: unknown) => ({ default: fallback, rendered: false });

function suggestionMark(name: string, tag: 'ins' | 'del', options: SuggestionEditorOptions) {
  const verb = tag === 'ins' ? 'add' : 'remove';
  return Mark.create({
    name,
    inclusive: false,
    excludes: `${INSERTION_MARK} ${DELETION_MARK} ${MODIFICATION_MARK}`,
    addAttributes: () => ({
      id: attr(null),
      memberId: attr(options.author.memberId),
      name: attr(options.author.name),
      partyId: attr(options.author.partyId),
    }),
    parseHTML: () => [],
    renderHTML({ mark }) {
      const index = options.partyIndex((mark.attrs.partyId as string | null) ?? null);
      return [
        tag,
        {
          class: `suggestion suggestion-${name}`,
          'data-author': String(mark.attrs.name ?? ''),
          title: `${String(mark.attrs.name || 'Someone')} suggests to ${verb} this`,
          style: `--suggestion-color: ${index === null ? 'var(--mediator-color, #64748b)' : `var(--party-${index % 16})`}`,
        },
        0,
      ];
    },
  });
}

/** The plugin needs the third mark in the schema; Parley never lets a suggestion make one. */
const Modification = Mark.create({
  name: MODIFICATION_MARK,
  addAttributes: () => ({
    id: attr(null),
    type: attr('attr'),
    attrName: attr(null),
    previousValue: attr(null),
    newValue: attr(null),
  }),
  parseHTML: () => [],
  renderHTML: () => ['span', { class: 'suggestion-modification' }, 0],
});

/** Each author's suggestions by key, with their text in document order. */
function othersSuggestions(doc: PmNode, memberId: string): string {
  const out = new Map<string, string>();
  doc.descendants((node) => {
    for (const mark of node.marks) {
      if (mark.type.name !== INSERTION_MARK && mark.type.name !== DELETION_MARK) continue;
      if (mark.attrs.memberId === memberId) continue;
      const key = `${mark.type.name} ${String(mark.attrs.memberId)} ${String(mark.attrs.id)}`;
      out.set(key, (out.get(key) ?? '') + (node.text ?? `[${node.type.name}]`));
    }
    return true;
  });
  return JSON.stringify([...out.entries()].sort());
}

/** The document without its characters: paragraphs, lists and chips. */
function shapeOf(doc: PmNode): string {
  const parts: string[] = [];
  doc.descendants((node) => {
    if (!node.isText) parts.push(node.type.name);
    return true;
  });
  return parts.join(' ');
}

function hasModification(doc: PmNode): boolean {
  let found = false;
  doc.descendants((node) => {
    if (node.marks.some((m) => m.type.name === MODIFICATION_MARK)) found = true;
    return !found;
  });
  return found;
}

function newId(memberId: string): string {
  return `${memberId}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
}

export function suggestionExtensions(options: SuggestionEditorOptions) {
  const generateId = () => newId(options.author.memberId);
  const SuggestChanges = Extension.create({
    name: 'suggestChanges',
    dispatchTransaction({ transaction, next }) {
      const remote = transaction.getMeta(ySyncPluginKey) !== undefined;
      if (!options.suggesting() || remote || !transaction.docChanged) {
        next(transaction);
        return;
      }
      next(transformToSuggestionTransaction(transaction, this.editor.state, generateId));
    },
    addProseMirrorPlugins() {
      return [
        new Plugin({
          filterTransaction(tr, state) {
            if (!tr.docChanged || tr.getMeta(ySyncPluginKey) !== undefined) return true;
            const me = options.author.memberId;
            if (othersSuggestions(state.doc, me) !== othersSuggestions(tr.doc, me)) {
              options.refuse(
                "That text is part of someone else's suggestion: accept or reject it below instead of editing it.",
              );
              return false;
            }
            if (
              options.suggesting() &&
              (shapeOf(state.doc) !== shapeOf(tr.doc) || hasModification(tr.doc))
            ) {
              options.refuse(
                'Suggestions change words within a paragraph. For new paragraphs, lists or values, switch to Editing or propose a change.',
              );
              return false;
            }
            return true;
          },
        }),
      ];
    },
  });
  return [
    suggestionMark(INSERTION_MARK, 'ins', options),
    suggestionMark(DELETION_MARK, 'del', options),
    Modification,
    SuggestChanges,
  ];
}
