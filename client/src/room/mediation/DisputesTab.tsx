// The mediation drawer's disputes tab: open disputes for everyone, and for the facilitator the
// queue in the server's order with a resolution for each.
import { useState } from 'react';
import { MAX_POSITION_LENGTH } from '@parley/shared/mediation';
import { useShallow, useStore } from '../../lib/store';
import { kindTitle } from '../kindLabel';
import { useRoom } from '../RoomContext';
import { scrollToClause } from '../scrollToClause';
import { useFacilitator, useMediation } from './MediationContext';

/** Open disputes; the mediator's queue, oldest first, with a resolution per dispute. */
export function DisputesTab() {
  const { store } = useMediation();
  const isMediator = useFacilitator();
  const { model } = useRoom();
  const sheet = useStore(model.state, (s) => s.sheet);
  const snapshot = useStore(
    store.state,
    useShallow((s) => ({ queue: s.queue, disputes: s.disputes })),
  );
  const [resolution, setResolution] = useState<Record<string, string>>({});
  const open = isMediator
    ? snapshot.queue
    : snapshot.disputes.filter((d) => d.status === 'open').sort((a, b) => a.openedAt - b.openedAt);
  const clauseTitle = (id: string) => {
    const clause = sheet.clauses.find((c) => c.id === id);
    return clause ? kindTitle(clause) : 'a removed clause';
  };
  return (
    <div className="med-tab">
      {open.length === 0 ? (
        <p className="muted">No open disputes.</p>
      ) : (
        <ol className="dispute-queue" aria-label="Dispute queue">
          {open.map((d) => (
            <li key={d.id} className="dispute-card">
              <button
                type="button"
                className="link-button"
                onClick={() => scrollToClause(d.clauseId)}
              >
                {clauseTitle(d.clauseId)}
              </button>
              <p>
                <strong>{sheet.parties.find((p) => p.id === d.partyId)?.name ?? d.partyId}</strong>:
                “{d.position}”
              </p>
              {isMediator && (
                <div className="dispute-resolve">
                  <input
                    className="input"
                    aria-label={`Resolution of the dispute on ${clauseTitle(d.clauseId)}`}
                    placeholder="Resolution (optional)"
                    value={resolution[d.id] ?? ''}
                    maxLength={MAX_POSITION_LENGTH}
                    onChange={(e) => setResolution({ ...resolution, [d.id]: e.target.value })}
                  />
                  <button
                    type="button"
                    className="btn btn-secondary btn-sm"
                    onClick={() =>
                      void store.run('disputes:resolve', {
                        disputeId: d.id,
                        ...(resolution[d.id]?.trim()
                          ? { resolution: resolution[d.id]!.trim() }
                          : {}),
                      })
                    }
                  >
                    Resolve
                  </button>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
