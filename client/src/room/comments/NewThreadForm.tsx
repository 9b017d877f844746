// The form that opens a thread on a clause, a parameter or a stretch of text, offering only the
// audiences the server would accept from this member.
import {
  MAX_THREAD_TITLE_LENGTH,
  canSeeThread,
  threadCreationRefusal,
} from '@parley/shared/comments';
import type { CommentAnchor, CommentVisibility } from '@parley/shared/comments';
import { useState } from 'react';
import { useRoom } from '../RoomContext';
import type { SheetParty } from '../sheet';
import { useShallow, useStore } from '../../lib/store';
import { useCommentsStore } from './CommentsContext';
import { anchorLabel, humanizeParam } from './format';
import { MentionTextarea } from './MentionTextarea';
import { viewerOf } from './viewer';

interface NewThreadFormProps {
  clauseId: string;
  clauseTitle: string;
  parties: SheetParty[];
  paramPaths: string[];
}

interface AudienceOption {
  key: string;
  visibility: CommentVisibility;
  partyId: string | null;
  label: string;
}

/** The audiences this member may open a thread for, as the server would allow them. */
function audienceOptions(
  viewer: ReturnType<typeof viewerOf>,
  parties: SheetParty[],
): AudienceOption[] {
  const options: AudienceOption[] = [];
  const add = (visibility: CommentVisibility, partyId: string | null, label: string) => {
    if (threadCreationRefusal(viewer, { visibility, partyId }) === null)
      options.push({ key: `${visibility}:${partyId ?? ''}`, visibility, partyId, label });
  };
  add('room', null, 'Room-wide: everyone in the room');
  const own = parties.find((p) => p.id === viewer.partyId);
  if (own) {
    add('party', own.id, `Internal: ${own.name} only`);
    add('caucus', own.id, `Caucus: ${own.name} and the mediator`);
  } else {
    for (const party of parties) add('caucus', party.id, `Caucus with ${party.name}`);
  }
  return options;
}

export function NewThreadForm({ clauseId, clauseTitle, parties, paramPaths }: NewThreadFormProps) {
  const store = useCommentsStore();
  const { draft, members } = useStore(
    store.state,
    useShallow((s) => ({ draft: s.drafts[clauseId], members: s.members })),
  );
  const { session, model } = useRoom();
  const params = model.state.getState().sheet.clauses.find((c) => c.id === clauseId)?.params;
  const viewer = viewerOf(session.user);
  const options = audienceOptions(viewer, parties);
  const [audience, setAudience] = useState(options[0]?.key ?? '');
  const [about, setAbout] = useState('clause');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (options.length === 0) return null;

  const chosen = options.find((o) => o.key === audience) ?? options[0]!;
  const anchor: CommentAnchor =
    draft ??
    (about.startsWith('param:')
      ? { type: 'param', clauseId, param: about.slice('param:'.length) }
      : { type: 'clause', clauseId });
  const candidates = members.filter(
    (m) => m.memberId !== session.user.memberId && canSeeThread(m, chosen),
  );
  const formId = `new-thread-${clauseId}`;

  const submit = async () => {
    if (!body.trim() || busy) {
      if (!body.trim()) setError('Write a comment first.');
      return;
    }
    setBusy(true);
    try {
      const thread = await store.createThread({
        anchor,
        visibility: chosen.visibility,
        ...(viewer.role === 'mediator' && chosen.partyId ? { partyId: chosen.partyId } : {}),
        ...(title.trim() ? { title: title.trim() } : {}),
        body,
      });
      setBody('');
      setTitle('');
      setAbout('clause');
      setError(null);
      store.clearDraft(clauseId);
      store.showThread(thread.id);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="new-thread"
      aria-label={`New thread on ${clauseTitle}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="new-thread-row">
        {draft ? (
          <p className="new-thread-anchor">
            <span className="muted small">About </span>
            <span className="anchor-chip">{anchorLabel(draft, parties, params)}</span>
            <button
              type="button"
              className="btn btn-ghost btn-xs"
              aria-label="Comment on the whole clause instead"
              onClick={() => store.clearDraft(clauseId)}
            >
              ×
            </button>
          </p>
        ) : (
          <label className="inline-field">
            <span className="small muted">About</span>
            <select
              className="input select input-sm"
              value={about}
              onChange={(e) => setAbout(e.target.value)}
              aria-label={`What the new thread on ${clauseTitle} is about`}
            >
              <option value="clause">The whole clause</option>
              {paramPaths.map((p) => (
                <option key={p} value={`param:${p}`}>
                  Parameter: {humanizeParam(p, parties, params)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="inline-field">
          <span className="small muted">Visible to</span>
          <select
            className="input select input-sm"
            value={chosen.key}
            onChange={(e) => setAudience(e.target.value)}
            aria-label={`Who can read the new thread on ${clauseTitle}`}
          >
            {options.map((o) => (
              <option key={o.key} value={o.key}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <input
        className="input input-sm"
        value={title}
        maxLength={MAX_THREAD_TITLE_LENGTH}
        onChange={(e) => setTitle(e.target.value)}
        placeholder="Title (optional)"
        aria-label={`Title of the new thread on ${clauseTitle}`}
      />
      <MentionTextarea
        id={formId}
        label={`New comment on ${clauseTitle}`}
        value={body}
        onChange={setBody}
        candidates={candidates}
        onSubmit={() => void submit()}
        placeholder="Ask a question or leave a note… (@ to mention, **bold**, *italic*)"
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="thread-actions">
        <button type="submit" className="btn btn-primary btn-xs" disabled={busy}>
          Comment
        </button>
      </div>
    </form>
  );
}
