// The lobby: pick an ecosystem template (or import a file), name the room and yourself, and enter
// the new room as its organizer.
import { useEffect, useState } from 'react';
import { MAX_NAME_LENGTH, MAX_TITLE_LENGTH } from '@parley/shared/protocol';
import { ApiError, createRoom, listTemplates } from '../lib/api';
import type { TemplateSummary } from '../lib/api';
import { enterNewRoom, nameKey, rememberName } from '../lib/enterRoom';
import { ImportPanel } from './ImportPanel';
import { RecentRooms } from './RecentRooms';

const ecosystemBlurb: Record<string, string> = {
  mhealth: 'Health',
  telematics: 'Mobility',
  'smart-city': 'Public sector',
};

export function LobbyPage() {
  const [templates, setTemplates] = useState<TemplateSummary[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [yourName, setYourName] = useState(() => localStorage.getItem(nameKey) ?? '');
  const [busy, setBusy] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);

  useEffect(() => {
    document.title = 'Parley: new negotiation';
    listTemplates()
      .then((list) => {
        setTemplates(list);
        const first = list[0];
        if (first) {
          setSelected(first.id);
          setTitle(first.title);
        }
      })
      .catch((error: unknown) =>
        setLoadError(error instanceof Error ? error.message : String(error)),
      );
  }, []);

  const choose = (template: TemplateSummary) => {
    const previous = templates?.find((t) => t.id === selected);
    setSelected(template.id);
    if (!title.trim() || title === previous?.title) setTitle(template.title);
  };

  const create = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!selected) return;
    setBusy(true);
    setCreateError(null);
    try {
      const organizerName = rememberName(yourName);
      const room = await createRoom({
        title: title.trim() || 'Untitled negotiation',
        template: selected,
        ...(organizerName ? { organizerName } : {}),
      });
      enterNewRoom(room.roomId, room.organizerToken);
    } catch (error) {
      setCreateError(error instanceof ApiError ? error.message : 'The room could not be created.');
      setBusy(false);
    }
  };

  return (
    <div className="lobby">
      <header className="lobby-topbar">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true">
            P
          </span>
          Parley
        </span>
      </header>
      <main className="lobby-main">
        <section className="lobby-hero">
          <h1>Negotiate the deal, see the value</h1>
          <p>
            Co-edit a partner term sheet in real time. Every share, floor, cap and KPI feeds one
            value calculator that every party sees recompute as the terms change.
          </p>
        </section>

        <div className="lobby-grid">
          <section className="card" aria-labelledby="create-heading">
            <h2 id="create-heading">Start from a template</h2>
            {loadError && (
              <p className="form-error" role="alert">
                Templates could not be loaded: {loadError}
              </p>
            )}
            {!templates && !loadError && <p className="muted">Loading templates…</p>}
            <form onSubmit={create}>
              {templates && (
                <fieldset className="template-list">
                  <legend className="visually-hidden">Template</legend>
                  {templates.map((template) => (
                    <label
                      key={template.id}
                      className={`template-option${selected === template.id ? ' is-selected' : ''}`}
                    >
                      <input
                        type="radio"
                        name="template"
                        value={template.id}
                        checked={selected === template.id}
                        onChange={() => choose(template)}
                      />
                      <span className="template-body">
                        <span className="template-kicker">
                          {ecosystemBlurb[template.ecosystem] ?? template.ecosystem}
                        </span>
                        <span className="template-title">{template.title}</span>
                        <span className="template-desc">{template.description}</span>
                      </span>
                    </label>
                  ))}
                </fieldset>
              )}
              <div className="field">
                <label htmlFor="room-title">Room title</label>
                <input
                  id="room-title"
                  className="input"
                  value={title}
                  onChange={(e) => setTitle(e.target.value)}
                  maxLength={MAX_TITLE_LENGTH}
                  required
                />
              </div>
              <div className="field">
                <label htmlFor="your-name">Your name</label>
                <input
                  id="your-name"
                  className="input"
                  value={yourName}
                  onChange={(e) => setYourName(e.target.value)}
                  maxLength={MAX_NAME_LENGTH}
                  placeholder="How others see you in the room"
                  autoComplete="name"
                />
              </div>
              {createError && (
                <p className="form-error" role="alert">
                  {createError}
                </p>
              )}
              <button type="submit" className="btn btn-primary btn-lg" disabled={busy || !selected}>
                {busy ? 'Creating…' : 'Create negotiation room'}
              </button>
            </form>
          </section>

          <ImportPanel organizerName={yourName} />
        </div>
        <RecentRooms />
      </main>
    </div>
  );
}
