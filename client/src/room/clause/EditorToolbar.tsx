import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';

/** The few formatting commands the term-sheet schema allows, as named, keyboard-reachable buttons. */
export function EditorToolbar({ editor, title }: { editor: Editor; title: string }) {
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
    </div>
  );
}
