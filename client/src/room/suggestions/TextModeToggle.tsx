// "Editing" / "Suggesting": how this member's typing in clause text lands, like a word processor's
// track changes. In single-text mode a party always suggests; the mediator holds the pen.
import { useStore } from '../../lib/store';
import { useRoom } from '../RoomContext';
import { useMediation } from '../mediation';
import { suggestModeFor } from './suggestMode';

export function TextModeToggle() {
  const { roomId, canEdit, session } = useRoom();
  const { store: mediation } = useMediation();
  const mode = suggestModeFor(roomId);
  const current = useStore(mode.state, (s) => s.mode);
  const forced = useStore(
    mediation.state,
    (s) =>
      s.state.mode === 'single-text' &&
      !(
        session.user.role === 'mediator' ||
        (session.user.role === 'organizer' && !s.mediatorPresent)
      ),
  );
  if (!canEdit) return null;
  const shown = forced ? 'suggesting' : current;
  return (
    <div className="text-mode" role="group" aria-label="How your typing lands">
      {(['editing', 'suggesting'] as const).map((m) => (
        <button
          key={m}
          type="button"
          className={`text-mode-btn${shown === m ? ' is-active' : ''}`}
          aria-pressed={shown === m}
          disabled={forced}
          title={
            forced
              ? 'Single-text mode: the mediator edits; you suggest'
              : m === 'editing'
                ? 'Your typing changes the text'
                : 'Your typing becomes suggestions the other side accepts or rejects'
          }
          onClick={() => mode.setMode(m)}
        >
          {m === 'editing' ? 'Editing' : 'Suggesting'}
        </button>
      ))}
    </div>
  );
}
