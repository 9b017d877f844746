// The formatting bar of a clause's text: only the marks and blocks the term-sheet schema allows,
// and "Insert value…" to put a live parameter chip into the text.
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useStore } from '../../lib/store';
import { paramName, paramValueText } from '../names';
import type { RoomModel } from '../roomModel';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Every scalar inside a clause's params, as dotted paths: what a chip in the text can show. Row
 * ids are left out: they are references for other clauses, not something a reader needs.
 */
export function paramLeaves(params: unknown, prefix = ''): { path: string; value: unknown }[] {
  const out: { path: string; value: unknown }[] = [];
  const visit = (node: unknown, path: string) => {
    if (Array.isArray(node)) {
      if (node.every((v) => typeof v === 'string')) out.push({ path, value: node });
      else node.forEach((item, i) => visit(item, path ? `${path}.${i}` : String(i)));
    } else if (isRecord(node)) {
      for (const [key, value] of Object.entries(node)) visit(value, path ? `${path}.${key}` : key);
    } else if (node !== undefined && path && !/(^|\.)id$/.test(path))
      out.push({ path, value: node });
  };
  visit(params, prefix);
  return out;
}

/** The few formatting commands the term-sheet schema allows, as named, keyboard-reachable buttons. */
interface EditorToolbarProps {
  editor: Editor;
  title: string;
  clauseId: string;
  model: RoomModel;
}

export function EditorToolbar({ editor, title, clauseId, model }: EditorToolbarProps) {
  // A string snapshot, so the toolbar redraws only when what its options show changes.
  const optionsJson = useStore(model.state, ({ sheet }) => {
    const clause = sheet.clauses.find((c) => c.id === clauseId);
    return JSON.stringify(
      paramLeaves(clause?.params ?? {}).map((leaf) => ({
        path: leaf.path,
        label: `${paramName(clause?.params ?? {}, leaf.path, sheet.parties)} = ${paramValueText(sheet, clause, leaf.path, leaf.value)}`,
      })),
    );
  });
  const leaves = JSON.parse(optionsJson) as { path: string; label: string }[];
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      strike: e.isActive('strike'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      focused: e.isFocused,
    }),
  });
  const button = (
    label: string,
    glyph: string,
    active: boolean,
    run: () => void,
    className = '',
  ) => (
    <button
      type="button"
      className={`tool-btn ${className}${active ? ' is-active' : ''}`}
      aria-label={`${label} (${title})`}
      aria-pressed={active}
      title={label}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      {glyph}
    </button>
  );
  return (
    <div
      className={`editor-toolbar${state.focused ? ' is-visible' : ''}`}
      role="toolbar"
      aria-label={`${title}: formatting`}
    >
      {button(
        'Bold',
        'B',
        state.bold,
        () => editor.chain().focus().toggleBold().run(),
        'tool-bold',
      )}
      {button(
        'Italic',
        'I',
        state.italic,
        () => editor.chain().focus().toggleItalic().run(),
        'tool-italic',
      )}
      {button(
        'Strikethrough',
        'S',
        state.strike,
        () => editor.chain().focus().toggleStrike().run(),
        'tool-strike',
      )}
      <span className="tool-sep" aria-hidden="true" />
      {button('Bulleted list', '•', state.bullet, () =>
        editor.chain().focus().toggleBulletList().run(),
      )}
      {button('Numbered list', '1.', state.ordered, () =>
        editor.chain().focus().toggleOrderedList().run(),
      )}
      {button('Quote', '❝', state.quote, () => editor.chain().focus().toggleBlockquote().run())}
      {leaves.length > 0 && (
        <>
          <span className="tool-sep" aria-hidden="true" />
          <select
            className="tool-select"
            aria-label={`Insert a parameter value (${title})`}
            value=""
            onMouseDown={(e) => e.stopPropagation()}
            onChange={(e) => {
              const path = e.target.value;
              if (path)
                editor.chain().focus().insertContent({ type: 'paramRef', attrs: { path } }).run();
            }}
          >
            <option value="">Insert value…</option>
            {leaves.map((leaf) => (
              <option key={leaf.path} value={leaf.path}>
                {leaf.label}
              </option>
            ))}
          </select>
        </>
      )}
    </div>
  );
}
