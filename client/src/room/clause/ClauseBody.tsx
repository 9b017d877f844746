// A clause's rich text in TipTap, bound to its Yjs fragment so edits and carets are shared live,
// with the formatting bar, parameter chips and comment highlights.
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { Extension } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';
import { ySyncPlugin, ySyncPluginKey } from '@tiptap/y-tiptap';
import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import type { RoomHistory } from '../history';
import type { EditGuard } from '../mediation';
import type { RoomModel } from '../roomModel';
import type { RoomSession } from '../session';
import { SelectionCommentButton, useCommentHighlights } from '../comments';
import { useRoom } from '../RoomContext';
import { ClauseSuggestions, suggestModeFor, suggestionExtensions } from '../suggestions';
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
  /** The member may only suggest here (single-text mode), whatever their own choice. */
  forceSuggest?: boolean;
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
  forceSuggest = false,
  guard,
}: ClauseBodyProps) {
  const { roomId } = useRoom();
  const mode = suggestModeFor(roomId);
  const forced = useRef(forceSuggest);
  forced.current = forceSuggest;
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
        ...suggestionExtensions({
          clauseId,
          author: {
            memberId: session.user.memberId,
            name: session.user.name,
            partyId: session.user.partyId,
          },
          suggesting: () => forced.current || mode.state.getState().mode === 'suggesting',
          partyIndex: (partyId) => {
            const index = model.state.getState().sheet.parties.findIndex((p) => p.id === partyId);
            return index < 0 ? null : index;
          },
          refuse: (message) => mode.refuse(clauseId, message),
        }),
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
    [fragment, editable, history, guard, mode],
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
      <ClauseSuggestions clauseId={clauseId} title={title} fragment={fragment} />
    </div>
  );
}
