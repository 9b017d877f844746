// Whether a thread anchored on a stretch of text has lost it: asked again on every change of the
// document, since anyone's edit may delete the words a thread was about.
import { resolveTextAnchor } from '@parley/shared/comments';
import type { CommentThread } from '@parley/shared/comments';
import * as Y from 'yjs';
import { useStore } from '../../lib/store';
import { useRoom } from '../RoomContext';
import { getClauseMap } from '../roomDoc';

/** Whether a text-anchored thread has lost its text (it then stays on the clause, marked). */
export function useDetached(): (thread: CommentThread) => boolean {
  const { session, model } = useRoom();
  // Only to render again when the document changes; the answer is read from the document itself.
  useStore(model.state, (s) => s.revision);
  return (thread) => {
    if (thread.anchor.type !== 'text') return false;
    const body = getClauseMap(session.doc, thread.clauseId)?.get('body');
    if (!(body instanceof Y.XmlFragment)) return true;
    return resolveTextAnchor(body, thread.anchor).detached;
  };
}
