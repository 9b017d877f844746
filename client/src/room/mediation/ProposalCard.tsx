// One proposal on a clause: its changes, their value impact, each party's decision, and the actions
// this member's role allows on it now.
import type { ProposalView } from '@parley/shared/mediation';
import { useMemo, useState } from 'react';
import type { FieldSpec } from '../params/fieldSpec';
import type { Sheet } from '../sheet';
import { ImpactTable } from './ImpactTable';
import { ProposalBlockers } from './ProposalBlockers';
import { useMediation } from './MediationContext';
import { applyChanges, readPath } from './paramDiff';
import { TextRedline } from './TextRedline';
import { formatParamValue, paramLabel, specAt } from './paramLabels';

export const proposalStatusLabels: Record<ProposalView['status'], string> = {
  open: 'Open',
  accepted: 'Accepted, awaiting the mediator',
  applied: 'Applied',
  rejected: 'Rejected',
  countered: 'Countered',
  stale: 'Stale: the clause changed',
  withdrawn: 'Withdrawn',
};

function partyName(sheet: Sheet, id: string): string {
  return sheet.parties.find((p) => p.id === id)?.name ?? id;
}

function time(at: number): string {
  return new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
}

/** One proposal: what it changes, its value impact, who decided what, and the actions allowed. */
export function ProposalCard({
  proposal,
  sheet,
  spec,
  clauseTitle,
  currentText,
  onCounter,
}: {
  proposal: ProposalView;
  sheet: Sheet;
  spec: FieldSpec;
  clauseTitle: string;
  /** The clause's text now (Markdown), for the redline of a proposed text. */
  currentText: string;
  onCounter?(proposal: ProposalView): void;
}) {
  const { store, partyId, speaksForParty, isMediator } = useMediation();
  const [busy, setBusy] = useState(false);
  const clause = sheet.clauses.find((c) => c.id === proposal.clauseId);
  const proposedParams = useMemo(
    () => applyChanges(structuredClone(clause?.params ?? {}), proposal.params),
    [clause?.params, proposal.params],
  );
  const live = proposal.status === 'open' || proposal.status === 'accepted';
  // The server refuses to accept or apply a proposal that adds errors; the card says why.
  const blocked = live && proposal.blockedBy.length > 0;
  const blockersId = `proposal-${proposal.id}-blockers`;
  const mayDecide =
    proposal.status === 'open' &&
    speaksForParty &&
    partyId !== null &&
    proposal.pendingParties.includes(partyId);
  const isAuthor = proposal.author.memberId === store.memberId;
  const label = `proposal by ${proposal.author.name} on ${clauseTitle}`;

  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  };

  return (
    <article
      className={`proposal-card status-${proposal.status}`}
      aria-label={`Proposal by ${proposal.author.name}`}
      data-proposal={proposal.id}
    >
      <header className="proposal-head">
        <span className={`proposal-status status-${proposal.status}`} data-testid="proposal-status">
          {proposalStatusLabels[proposal.status]}
        </span>
        <span className="small muted">
          {proposal.author.name}
          {proposal.author.partyId
            ? ` (${partyName(sheet, proposal.author.partyId)})`
            : ' (mediator)'}
          {' · '}
          {time(proposal.createdAt)}
          {proposal.counterTo ? ' · counter-proposal' : ''}
        </span>
      </header>
      <ul className="proposal-changes">
        {proposal.params.map((change) => {
          const fieldSpec = specAt(spec, change.path);
          return (
            <li key={change.path}>
              <span className="change-label">
                {paramLabel(change.path, sheet.parties, clause?.params)}
              </span>{' '}
              {live && clause && (
                <>
                  <span className="change-old">
                    {formatParamValue(
                      fieldSpec,
                      readPath(
                        clause.params,
                        change.path.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
                      ),
                      sheet.currency,
                    )}
                  </span>
                  {' → '}
                </>
              )}
              <strong className="change-new">
                {formatParamValue(fieldSpec, change.value, sheet.currency)}
              </strong>
            </li>
          );
        })}
        {proposal.text !== null && (
          <li>
            <span className="change-label">New clause text</span>
            {clause ? (
              <TextRedline
                sheet={sheet}
                clauseId={clause.id}
                currentText={currentText}
                proposedText={proposal.text}
                proposedParams={proposedParams}
                label={`Proposed text for ${clauseTitle}, against the current text`}
              />
            ) : (
              <p className="proposal-text">{proposal.text}</p>
            )}
          </li>
        )}
      </ul>
      {proposal.rationale && <p className="proposal-rationale">“{proposal.rationale}”</p>}
      {live && (
        <ImpactTable
          impact={proposal.impact}
          parties={sheet.parties}
          currency={sheet.currency}
          caption="Value impact"
        />
      )}
      <p className="proposal-decisions small">
        {proposal.decisions.map((d) => (
          <span key={d.partyId} className={`decision decision-${d.decision}`}>
            {d.decision === 'accept' ? '✓ Accepted' : '✗ Rejected'} by {partyName(sheet, d.partyId)}
            {d.implicit ? ' (proposer)' : ` (${d.name})`}
          </span>
        ))}
        {proposal.status === 'open' && proposal.pendingParties.length > 0 && (
          <span className="decision decision-pending">
            Waiting for {proposal.pendingParties.map((p) => partyName(sheet, p)).join(', ')}
          </span>
        )}
      </p>
      {blocked && <ProposalBlockers id={blockersId} issues={proposal.blockedBy} sheet={sheet} />}
      <div className="proposal-actions">
        {mayDecide && (
          <>
            <button
              type="button"
              className="btn btn-primary btn-sm"
              disabled={busy || blocked}
              aria-label={`Accept ${label}`}
              aria-describedby={blocked ? blockersId : undefined}
              onClick={() =>
                void act(() =>
                  store.run('proposals:decide', { proposalId: proposal.id, decision: 'accept' }),
                )
              }
            >
              Accept
            </button>
            <button
              type="button"
              className="btn btn-secondary btn-sm"
              disabled={busy}
              aria-label={`Reject ${label}`}
              onClick={() =>
                void act(() =>
                  store.run('proposals:decide', { proposalId: proposal.id, decision: 'reject' }),
                )
              }
            >
              Reject
            </button>
            {onCounter && (
              <button
                type="button"
                className="btn btn-secondary btn-sm"
                disabled={busy}
                aria-label={`Counter ${label}`}
                onClick={() => onCounter(proposal)}
              >
                Counter…
              </button>
            )}
          </>
        )}
        {isMediator && proposal.status === 'accepted' && (
          <button
            type="button"
            className="btn btn-primary btn-sm"
            disabled={busy || blocked}
            aria-label={`Apply ${label}`}
            aria-describedby={blocked ? blockersId : undefined}
            onClick={() =>
              void act(() => store.run('proposals:apply', { proposalId: proposal.id }))
            }
          >
            Apply to the text
          </button>
        )}
        {isAuthor && proposal.status === 'open' && (
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            disabled={busy}
            aria-label={`Withdraw ${label}`}
            onClick={() =>
              void act(() => store.run('proposals:withdraw', { proposalId: proposal.id }))
            }
          >
            Withdraw
          </button>
        )}
      </div>
    </article>
  );
}
