// One thread: what it is about, who may read it, its comments, a reply box and resolve/reopen;
// reading it on screen marks it read for this member on every device.
import { canSeeThread, canWriteInThread } from '@parley/shared/comments';
import type { CommentThread } from '@parley/shared/comments';
import { useEffect, useRef, useState } from 'react';
import { useRoom } from '../RoomContext';
import type { SheetParty } from '../sheet';
import { CommentItem } from './CommentItem';
import { useShallow, useStore } from '../../lib/store';
import { useCommentsStore } from './CommentsContext';
import { anchorLabel, fullTime, threadHeading, visibilityLabel } from './format';
import { MentionTextarea } from './MentionTextarea';
import { viewerOf } from './viewer';

interface ThreadViewProps {
  thread: CommentThread;
  clauseTitle: string;
  parties: SheetParty[];
  detached: boolean;
  headingLevel?: 3 | 4;
}

/** One thread: what it is about, who may read it, its comments, a reply box and its status. */
export function ThreadView({
  thread,
  clauseTitle,
  parties,
  detached,
  headingLevel = 4,
}: ThreadViewProps) {
  const store = useCommentsStore();
  const { members, unreadHere, focused } = useStore(
    store.state,
    useShallow((s) => ({
      members: s.members,
      unreadHere: s.unread.byThread[thread.id] ?? 0,
      focused: s.focusThreadId === thread.id,
    })),
  );
  const { session, model } = useRoom();
  const viewer = viewerOf(session.user);
  const canWrite = canWriteInThread(viewer, thread);
  const [reply, setReply] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLElement>(null);
  const resolved = thread.status === 'resolved';
  // Read when drawn: a parameter's row name rarely changes while its thread is open.
  const params = model.state.getState().sheet.clauses.find((c) => c.id === thread.clauseId)?.params;
  const heading = threadHeading(thread, parties, params);
  const candidates = members.filter(
    (m) => m.memberId !== session.user.memberId && canSeeThread(m, thread),
  );
  const Heading = headingLevel === 3 ? 'h3' : 'h4';

  // Reading a thread on screen marks it read, here and on the member's other devices.
  useEffect(() => {
    const node = ref.current;
    if (!node || unreadHere === 0) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) store.markRead(thread.id);
      },
      { threshold: 0.3 },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [store, thread.id, unreadHere]);

  useEffect(() => {
    if (!focused) return;
    const node = ref.current;
    node?.scrollIntoView({ behavior: 'smooth', block: 'center' });
    node?.focus({ preventScroll: true });
    const timer = setTimeout(() => store.clearFocus(thread.id), 2500);
    return () => clearTimeout(timer);
  }, [focused, thread.id, store]);

  const send = async () => {
    if (!reply.trim() || busy) return;
    setBusy(true);
    try {
      await store.reply(thread.id, reply);
      setReply('');
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const toggle = async () => {
    try {
      await store.setResolved(thread.id, !resolved);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <article
      ref={ref}
      tabIndex={-1}
      className={`thread vis-${thread.visibility}${resolved ? ' is-resolved' : ''}${
        focused ? ' is-focused' : ''
      }${unreadHere ? ' has-unread' : ''}`}
      aria-labelledby={`thread-${thread.id}-h`}
      data-thread-id={thread.id}
    >
      <header className="thread-head">
        <Heading id={`thread-${thread.id}-h`} className="thread-title">
          {heading}
        </Heading>
        <div className="thread-badges">
          <span className={`vis-badge vis-${thread.visibility}`}>
            {visibilityLabel(thread.visibility, thread.partyId, parties)}
          </span>
          {resolved && <span className="status-badge is-resolved">Resolved</span>}
          {detached && (
            <span
              className="status-badge is-detached"
              title="The text this thread pointed at was deleted"
            >
              Detached
            </span>
          )}
          {unreadHere > 0 && <span className="unread-badge">{unreadHere} new</span>}
        </div>
        {heading !== anchorLabel(thread.anchor, parties, params) && (
          <p className="thread-anchor muted small">{anchorLabel(thread.anchor, parties, params)}</p>
        )}
        {detached && thread.anchor.type === 'text' && !thread.title && (
          <p className="thread-anchor muted small">The quoted text is no longer in the clause.</p>
        )}
      </header>
      <ol className="comment-list" aria-label={`Comments in ${heading}`}>
        {thread.comments.map((comment) => (
          <CommentItem
            key={comment.id}
            comment={comment}
            threadId={thread.id}
            mine={comment.author.memberId === session.user.memberId}
            canWrite={canWrite}
            candidates={candidates}
          />
        ))}
      </ol>
      {resolved && thread.statusChangedBy && thread.statusChangedAt && (
        <p className="thread-status-note small muted">
          Resolved by {thread.statusChangedBy.name} · {fullTime(thread.statusChangedAt)}
        </p>
      )}
      {canWrite && (
        <div className="thread-foot">
          {!resolved && (
            <div className="reply-box">
              <MentionTextarea
                label={`Reply to thread on ${clauseTitle}: ${heading}`}
                value={reply}
                onChange={setReply}
                candidates={candidates}
                onSubmit={() => void send()}
                placeholder="Reply… (@ to mention)"
                rows={2}
              />
            </div>
          )}
          <div className="thread-actions">
            {!resolved && (
              <button
                type="button"
                className="btn btn-primary btn-xs"
                disabled={!reply.trim() || busy}
                onClick={() => void send()}
              >
                Reply
              </button>
            )}
            <button
              type="button"
              className="btn btn-secondary btn-xs"
              aria-label={`${resolved ? 'Reopen' : 'Resolve'} thread ${heading}`}
              onClick={() => void toggle()}
            >
              {resolved ? 'Reopen' : 'Resolve'}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
