// The speech-bubble button next to a parameter field: opens its open thread, or starts one about
// that parameter; roles that may not comment do not see it.
import { can } from '@parley/shared/permissions';
import type { Role } from '@parley/shared/permissions';
import { useContext } from 'react';
import { useRoom } from '../RoomContext';
import { useShallow, useStore } from '../../lib/store';
import { CommentsContext } from './CommentsContext';
import { CommentIcon } from './icons';

/** A small "comment on this parameter" button next to a parameter field. */
export function ParamCommentButton({
  clauseId,
  param,
  label,
}: {
  clauseId: string;
  param: string;
  label: string;
}) {
  const store = useContext(CommentsContext);
  const { session } = useRoom();
  if (!store || !can(session.user.role as Role, 'comment')) return null;
  return <ParamCommentButtonInner clauseId={clauseId} param={param} label={label} />;
}

function ParamCommentButtonInner({
  clauseId,
  param,
  label,
}: {
  clauseId: string;
  param: string;
  label: string;
}) {
  const store = useContext(CommentsContext)!;
  const open = useStore(
    store.state,
    useShallow((s) =>
      s.threads.filter(
        (t) =>
          t.status === 'open' &&
          t.anchor.type === 'param' &&
          t.anchor.clauseId === clauseId &&
          t.anchor.param === param,
      ),
    ),
  );
  return (
    <button
      type="button"
      className={`param-comment${open.length ? ' has-threads' : ''}`}
      aria-label={`Comment on ${label}${open.length ? ` (${open.length} open)` : ''}`}
      title={`Comment on ${label}`}
      onClick={() => {
        const first = open[0];
        if (first) store.showThread(first.id);
        else {
          store.startThread({ type: 'param', clauseId, param });
          requestAnimationFrame(() => document.getElementById(`new-thread-${clauseId}`)?.focus());
        }
      }}
    >
      <CommentIcon size={13} />
      {open.length > 0 && <span className="param-comment-count">{open.length}</span>}
    </button>
  );
}
