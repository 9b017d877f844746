// A clause's rich text in TipTap, bound to its Yjs fragment so edits and carets are shared live,
// with the formatting bar, parameter chips and comment highlights.
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Extension } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';
import { ySyncPlugin, ySyncPluginKey } from '@tiptap/y-tiptap';
import { useEffect } from 'react';
import type * as Y from 'yjs';
import type { RoomHistory } from '../history';
import type { EditGuard } from '../mediation';
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

/**
 * The collaboration binding with the room's undo history instead of one per editor: Ctrl+Z in a
 * clause takes back this member's last change, text or parameter, in the order they were made.
 */
function roomCollaboration(history: RoomHistory) {
  return Collaboration.extend({
    addCommands() {
      return {};
    },
    addKeyboardShortcuts() {
      // True either way: the browser's own undo in a shared editor would bypass the document.
      const undo = () => (history.undo(), true);
      const redo = () => (history.redo(), true);
      return { 'Mod-z': undo, 'Mod-y': redo, 'Shift-Mod-z': redo };
    },
    addProseMirrorPlugins() {
      const fragment = this.options.fragment;
      if (!fragment) return [];
      return [ySyncPlugin(fragment, { ...this.options.ySyncOptions })];
    },
  });
}

/**
 * Stops this member's typing in a clause whose sign-offs still hold until they confirm voiding
 * them; changes arriving from the shared document always go through.
 */
function signOffGuard(guard: EditGuard, clauseId: string) {
  return Extension.create({
    name: 'signOffGuard',
    addProseMirrorPlugins() {
      return [
        new Plugin({
          filterTransaction: (tr) =>
            !tr.docChanged ||
            tr.getMeta(ySyncPluginKey) !== undefined ||
            guard.request({ clauseId, valueMoves: false }),
        }),
      ];
    },
  });
}

interface ClauseBodyProps {
  clauseId: string;
  title: string;
  fragment: Y.XmlFragment;
  session: RoomSession;
  model: RoomModel;
  history: RoomHistory;
  editable: boolean;
  guard: EditGuard;
}

/** One clause's rich text, bound to its XmlFragment in the room document. */
export function ClauseBody({
  clauseId,
  title,
  fragment,
  session,
  model,
  history,
  editable,
  guard,
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
          // It would write an empty paragraph after a closing list as soon as a clause is shown,
          // a change of the shared text nobody made.
          trailingNode: false,
        }),
        roomCollaboration(history).configure({ fragment }),
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
        signOffGuard(guard, clauseId),
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
    [fragment, editable, history, guard],
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
