// One comment in a thread, with edit and delete for its author; a deleted comment stays as a
// tombstone so the replies after it still make sense.
import type { Comment } from '@parley/shared/comments';
import { useState } from 'react';
import { CommentBody } from './CommentBody';
import { useCommentsStore } from './CommentsContext';
import { fullTime, timeAgo } from './format';
import { MentionTextarea } from './MentionTextarea';
import type { MentionCandidate } from '@parley/shared/comments';

interface CommentItemProps {
  comment: Comment;
  threadId: string;
  mine: boolean;
  canWrite: boolean;
  candidates: MentionCandidate[];
}

export function CommentItem({ comment, threadId, mine, canWrite, candidates }: CommentItemProps) {
  const store = useCommentsStore();
  const [editing, setEditing] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const deleted = comment.deletedAt !== null;
  const name = comment.author.name;

  const save = async () => {
    if (editing === null || !editing.trim()) return;
    try {
      await store.edit(threadId, comment.id, editing);
      setEditing(null);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <li className={`comment${deleted ? ' is-deleted' : ''}`} data-comment-id={comment.id}>
      <div className="comment-meta">
        <span className="comment-author">{name}</span>
        <time
          className="muted small"
          dateTime={new Date(comment.createdAt).toISOString()}
          title={fullTime(comment.createdAt)}
        >
          {timeAgo(comment.createdAt)}
        </time>
        {comment.editedAt !== null && !deleted && (
          <span className="comment-flag" title={`Edited ${fullTime(comment.editedAt)}`}>
            edited
          </span>
        )}
      </div>
      {deleted ? (
        <p className="comment-tombstone">deleted</p>
      ) : editing !== null ? (
        <div className="comment-edit">
          <MentionTextarea
            label={`Edit your comment`}
            value={editing}
            onChange={setEditing}
            candidates={candidates}
            onSubmit={() => void save()}
          />
          <div className="comment-actions">
            <button type="button" className="btn btn-primary btn-xs" onClick={() => void save()}>
              Save
            </button>
            <button type="button" className="btn btn-ghost btn-xs" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <CommentBody body={comment.body} />
      )}
      {mine && canWrite && !deleted && editing === null && (
        <div className="comment-actions">
          <button
            type="button"
            className="btn btn-ghost btn-xs"
            aria-label="Edit your comment"
            onClick={() => setEditing(comment.body)}
          >
            Edit
          </button>
          {confirmDelete ? (
            <button
              type="button"
              className="btn btn-danger btn-xs"
              aria-label="Confirm deleting your comment"
              onClick={() =>
                void store.remove(threadId, comment.id).catch((e: Error) => setError(e.message))
              }
              onBlur={() => setConfirmDelete(false)}
            >
              Delete?
            </button>
          ) : (
            <button
              type="button"
              className="btn btn-ghost btn-xs"
              aria-label="Delete your comment"
              onClick={() => setConfirmDelete(true)}
            >
              Delete
            </button>
          )}
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
