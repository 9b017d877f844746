// A clause's rich text in TipTap, bound to its Yjs fragment so edits and carets are shared live,
// with the formatting bar, parameter chips and comment highlights.
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect } from 'react';
import type * as Y from 'yjs';
import type { RoomModel } from '../roomModel';
import type { RoomSession } from '../session';
import { SelectionCommentButton, useCommentHighlights } from '../comments';
import { ParamRef } from './paramRef';
import { EditorToolbar } from './EditorToolbar';

function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'collab-caret';
  const color = typeof user.color === 'string' ? user.color : '#64748b';
  caret.style.borderColor = color;
  const label = document.createElement('span');
  label.className = 'collab-caret-label';
  label.style.backgroundColor = color;
  label.textContent = typeof user.name === 'string' ? user.name : 'Someone';
  caret.append(label);
  return caret;
}

interface ClauseBodyProps {
  clauseId: string;
  title: string;
  fragment: Y.XmlFragment;
  session: RoomSession;
  model: RoomModel;
  editable: boolean;
}

/** One clause's rich text, bound to its XmlFragment in the room document. */
export function ClauseBody({
  clauseId,
  title,
  fragment,
  session,
  model,
  editable,
}: ClauseBodyProps) {
  const editor = useEditor(
    {
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editable,
      extensions: [
        StarterKit.configure({
          undoRedo: false,
          heading: { levels: [1, 2, 3] },
          codeBlock: false,
          horizontalRule: false,
          link: false,
          underline: false,
        }),
        Collaboration.configure({ fragment }),
        CollaborationCaret.configure({
          provider: session.provider,
          user: {
            name: session.user.name,
            color: session.user.color,
            memberId: session.user.memberId,
            role: session.user.role,
            partyId: session.user.partyId,
          },
          render: renderCaret,
        }),
        ParamRef.configure({ clauseId, model }),
      ],
      editorProps: {
        attributes: {
          class: 'clause-text',
          'aria-label': `${title}: clause text`,
          'aria-multiline': 'true',
          role: 'textbox',
          ...(editable ? {} : { 'aria-readonly': 'true' }),
        },
      },
    },
    [fragment, editable],
  );

  useEffect(() => {
    editor?.setOptions({
      editorProps: {
        attributes: {
          class: 'clause-text',
          'aria-label': `${title}: clause text`,
          'aria-multiline': 'true',
          role: 'textbox',
          ...(editable ? {} : { 'aria-readonly': 'true' }),
        },
      },
    });
  }, [editor, title, editable]);

  useCommentHighlights(editor, clauseId);

  return (
    <div className="clause-body">
      {editable && editor && (
        <EditorToolbar editor={editor} title={title} clauseId={clauseId} model={model} />
      )}
      <EditorContent editor={editor} />
      <SelectionCommentButton editor={editor} clauseId={clauseId} title={title} />
    </div>
  );
}
