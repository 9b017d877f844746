// The mediation pieces inside a clause block: its badges (locked, on the agenda, disputed) and
// its strip of sign-offs, proposals, disputes, walk-away values and the facilitator's tools.
import { fragmentToMarkdown } from '@parley/shared/room';
import { MAX_POSITION_LENGTH } from '@parley/shared/mediation';
import type { ProposalView } from '@parley/shared/mediation';
import { LimitNote } from '../../ui/LimitNote';
import { useId, useState } from 'react';
import * as Y from 'yjs';
import { useShallow, useStore } from '../../lib/store';
import type { FieldSpec } from '../params/fieldSpec';
import { useRoom } from '../RoomContext';
import { getClauseMap } from '../roomDoc';
import type { Sheet, SheetClause } from '../sheet';
import { useFacilitator, useMediation } from './MediationContext';
import { applyChanges } from './paramDiff';
import { ProposalCard } from './ProposalCard';
import { ProposalForm } from './ProposalForm';
import { SignOffRow } from './SignOffRow';
import { WalkAwayPanel } from './WalkAwayPanel';

type Open =
  | { kind: 'none' }
  | { kind: 'propose' }
  | { kind: 'counter'; proposal: ProposalView }
  | { kind: 'dispute' }
  | { kind: 'walk-away' };

/** Badges shown next to a clause's title: locked, current agenda item, disputed. */
export function ClauseBadges({ clauseId }: { clauseId: string }) {
  const { store } = useMediation();
  const { locked, current, disputes } = useStore(
    store.state,
    useShallow((s) => ({
      locked: s.state.locks.includes(clauseId),
      current: s.state.current === clauseId,
      disputes: s.disputes.filter((d) => d.clauseId === clauseId && d.status === 'open').length,
    })),
  );
  return (
    <>
      {current && <span className="med-badge is-current">On the agenda now</span>}
      {locked && (
        <span className="med-badge is-locked" data-testid="lock-badge">
          <svg aria-hidden="true" width="10" height="11" viewBox="0 0 10 11">
            <rect x="1" y="4.5" width="8" height="6" rx="1.2" fill="currentColor" />
            <path
              d="M3 4.5V3a2 2 0 0 1 4 0v1.5"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.4"
            />
          </svg>
          Locked
        </span>
      )}
      {disputes > 0 && (
        <span className="med-badge is-disputed">Disputed{disputes > 1 ? ` ×${disputes}` : ''}</span>
      )}
    </>
  );
}

/** A clause's mediation strip: sign-off, proposals, disputes, walk-away values, mediator tools. */
export function ClauseMediation({
  clause,
  clauseTitle,
  sheet,
  spec,
}: {
  clause: SheetClause;
  clauseTitle: string;
  sheet: Sheet;
  spec: FieldSpec;
}) {
  const { session } = useRoom();
  const { store, canPropose, speaksForParty, partyId } = useMediation();
  const snapshot = useStore(
    store.state,
    useShallow((s) => ({ state: s.state, proposals: s.proposals, disputes: s.disputes })),
  );
  const facilitator = useFacilitator();
  const [open, setOpen] = useState<Open>({ kind: 'none' });
  const [position, setPosition] = useState('');
  const [showClosed, setShowClosed] = useState(false);
  const id = useId();
  const locked = snapshot.state.locks.includes(clause.id);
  const proposals = snapshot.proposals
    .filter((p) => p.clauseId === clause.id)
    .sort((a, b) => b.createdAt - a.createdAt);
  const live = proposals.filter((p) => p.status === 'open' || p.status === 'accepted');
  const closed = proposals.filter((p) => !(p.status === 'open' || p.status === 'accepted'));
  const disputes = snapshot.disputes.filter((d) => d.clauseId === clause.id && d.status === 'open');
  const ownDispute = disputes.find((d) => d.partyId === partyId);

  const currentText = () => {
    const fragment = getClauseMap(session.doc, clause.id)?.get('body');
    return fragment instanceof Y.XmlFragment ? fragmentToMarkdown(fragment) : '';
  };

  // Only read when a proposal carries a text to compare with.
  const textNow = proposals.some((p) => p.text !== null) ? currentText() : '';

  const openDispute = async (event: React.FormEvent) => {
    event.preventDefault();
    const done = await store.run('disputes:open', { clauseId: clause.id, position });
    if (done) {
      setPosition('');
      setOpen({ kind: 'none' });
    }
  };

  return (
    <div className="clause-mediation" data-testid="clause-mediation">
      <SignOffRow clauseId={clause.id} clauseTitle={clauseTitle} sheet={sheet} />
      {disputes.length > 0 && (
        <ul className="dispute-list" aria-label={`${clauseTitle}: disputes`}>
          {disputes.map((d) => (
            <li key={d.id} className="dispute-item">
              <strong>{sheet.parties.find((p) => p.id === d.partyId)?.name ?? d.partyId}</strong>{' '}
              disputes this clause: “{d.position}”
              {d.partyId === partyId && speaksForParty && (
                <button
                  type="button"
                  className="btn btn-ghost btn-xs"
                  onClick={() => void store.run('disputes:withdraw', { disputeId: d.id })}
                >
                  Withdraw dispute
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div
        className="clause-mediation-actions"
        role="toolbar"
        aria-label={`${clauseTitle}: mediation`}
      >
        {canPropose && (
          <button
            type="button"
            className="btn btn-secondary btn-sm"
            aria-expanded={open.kind === 'propose'}
            disabled={locked && !facilitator}
            onClick={() =>
              setOpen(open.kind === 'propose' ? { kind: 'none' } : { kind: 'propose' })
            }
          >
            Propose a change
          </button>
        )}
        {speaksForParty && !ownDispute && (
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            aria-expanded={open.kind === 'dispute'}
            onClick={() =>
              setOpen(open.kind === 'dispute' ? { kind: 'none' } : { kind: 'dispute' })
            }
          >
            Mark as disputed
          </button>
        )}
        {speaksForParty && (
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            aria-expanded={open.kind === 'walk-away'}
            onClick={() =>
              setOpen(open.kind === 'walk-away' ? { kind: 'none' } : { kind: 'walk-away' })
            }
          >
            Our walk-away values
          </button>
        )}
        {facilitator && (
          <>
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              aria-label={`${locked ? 'Unlock' : 'Lock'} ${clauseTitle}`}
              onClick={() =>
                void store.run(locked ? 'mediation:unlock' : 'mediation:lock', {
                  clauseId: clause.id,
                })
              }
            >
              {locked ? 'Unlock' : 'Lock'}
            </button>
            {snapshot.state.current !== clause.id && (
              <button
                type="button"
                className="btn btn-ghost btn-sm"
                aria-label={`Discuss ${clauseTitle} now`}
                onClick={() =>
                  void store.discuss(
                    clause.id,
                    sheet.clauses.map((c) => c.id),
                  )
                }
              >
                Discuss now
              </button>
            )}
          </>
        )}
      </div>
      {open.kind === 'dispute' && (
        <form className="dispute-form" onSubmit={(e) => void openDispute(e)}>
          <label htmlFor={`${id}-position`}>Our position on {clauseTitle}</label>
          <textarea
            id={`${id}-position`}
            className="input textarea"
            rows={2}
            value={position}
            maxLength={MAX_POSITION_LENGTH}
            aria-describedby={`${id}-position-limit`}
            onChange={(e) => setPosition(e.target.value)}
          />
          <LimitNote
            id={`${id}-position-limit`}
            length={position.length}
            max={MAX_POSITION_LENGTH}
          />
          <div className="proposal-actions">
            <button type="submit" className="btn btn-primary btn-sm" disabled={!position.trim()}>
              Record the dispute
            </button>
            <button
              type="button"
              className="btn btn-secondary btn-sm"
              onClick={() => setOpen({ kind: 'none' })}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
      {open.kind === 'walk-away' && (
        <WalkAwayPanel clause={clause} clauseTitle={clauseTitle} sheet={sheet} spec={spec} />
      )}
      {open.kind === 'propose' && (
        <ProposalForm
          clause={clause}
          clauseTitle={clauseTitle}
          sheet={sheet}
          spec={spec}
          currentText={currentText()}
          onDone={() => setOpen({ kind: 'none' })}
        />
      )}
      {open.kind === 'counter' && (
        <ProposalForm
          key={open.proposal.id}
          clause={clause}
          clauseTitle={clauseTitle}
          sheet={sheet}
          spec={spec}
          currentText={currentText()}
          counter={{
            proposalId: open.proposal.id,
            params: applyChanges(structuredClone(clause.params), open.proposal.params),
            text: open.proposal.text,
          }}
          onDone={() => setOpen({ kind: 'none' })}
        />
      )}
      {live.length > 0 && (
        <section className="proposal-list" aria-label={`${clauseTitle}: proposals`}>
          {live.map((p) => (
            <ProposalCard
              key={p.id}
              proposal={p}
              sheet={sheet}
              spec={spec}
              clauseTitle={clauseTitle}
              currentText={textNow}
              onCounter={(proposal) => setOpen({ kind: 'counter', proposal })}
            />
          ))}
        </section>
      )}
      {closed.length > 0 && (
        <div className="proposal-history">
          <button
            type="button"
            className="link-button small"
            aria-expanded={showClosed}
            onClick={() => setShowClosed(!showClosed)}
          >
            {showClosed ? 'Hide' : 'Show'} {closed.length} earlier proposal
            {closed.length === 1 ? '' : 's'}
          </button>
          {showClosed &&
            closed.map((p) => (
              <ProposalCard
                key={p.id}
                proposal={p}
                sheet={sheet}
                spec={spec}
                clauseTitle={clauseTitle}
                currentText={textNow}
              />
            ))}
        </div>
      )}
    </div>
  );
}
