// Drafting a proposal or a counter: the clause's own editors on a private copy of its params, a new
// text if wanted, and the value impact previewed before sending.
import {
  MAX_PROPOSAL_TEXT_LENGTH,
  MAX_RATIONALE_LENGTH,
  proposalBlockers,
} from '@parley/shared/mediation';
import type { ParamChange, ProposalImpact } from '@parley/shared/mediation';
import { useEffect, useId, useMemo, useState } from 'react';
import { useStore } from '../../lib/store';
import type { DocPath } from '../docWrites';
import type { FieldSpec } from '../params/fieldSpec';
import { ParamsContext } from '../params/ParamsContext';
import type { ParamsContextValue } from '../params/ParamsContext';
import { ParamsEditor } from '../params/ParamsEditor';
import { useRoom } from '../RoomContext';
import type { Sheet, SheetClause } from '../sheet';
import { ImpactTable } from './ImpactTable';
import { useMediation } from './MediationContext';
import { ProposalBlockers } from './ProposalBlockers';
import { paramChanges, withParam, withPushed, withRemoved } from './paramDiff';
import { TextRedline } from './TextRedline';

interface ProposalFormProps {
  clause: SheetClause;
  clauseTitle: string;
  sheet: Sheet;
  spec: FieldSpec;
  /** The clause text as Markdown now. */
  currentText: string;
  /** A counter starts from the proposal it answers. */
  counter?: { proposalId: string; params: Record<string, unknown>; text: string | null };
  onDone(): void;
}

/**
 * A proposal draft: the clause's own parameter editors over a private copy of its params, an
 * optional new text, a rationale, and the value impact of the draft before it is sent.
 */
export function ProposalForm({
  clause,
  clauseTitle,
  sheet,
  spec,
  currentText,
  counter,
  onDone,
}: ProposalFormProps) {
  const { store } = useMediation();
  const { model } = useRoom();
  const current = useStore(model.state, (s) => s.value);
  const id = useId();
  const [draft, setDraft] = useState<Record<string, unknown>>(
    () => counter?.params ?? structuredClone(clause.params),
  );
  const [editText, setEditText] = useState(counter?.text != null);
  const [text, setText] = useState(counter?.text ?? currentText);
  const [rationale, setRationale] = useState('');
  const [impact, setImpact] = useState<ProposalImpact | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const changes: ParamChange[] = useMemo(
    () => paramChanges(clause.params, draft),
    [clause.params, draft],
  );
  const textChange = editText && text.trim() !== currentText.trim() ? text : undefined;
  const empty = changes.length === 0 && textChange === undefined;

  useEffect(() => {
    if (empty) {
      setImpact(null);
      return;
    }
    let cancelled = false;
    const timer = window.setTimeout(() => {
      store
        .call('proposals:preview', {
          clauseId: clause.id,
          params: changes,
          ...(textChange !== undefined ? { text: textChange } : {}),
        })
        .then(
          (result) => {
            if (cancelled) return;
            setImpact(result);
            setPreviewError(null);
          },
          (e: unknown) => {
            if (!cancelled) setPreviewError(e instanceof Error ? e.message : String(e));
          },
        );
    }, 250);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [store, clause.id, changes, textChange, empty]);

  const context = useMemo<ParamsContextValue>(() => {
    const streams = (() => {
      const revenue = sheet.clauses.find((c) => c.kind === 'revenue');
      return Array.isArray(revenue?.params.streams)
        ? (revenue.params.streams as { id?: unknown; name?: unknown }[]).map((s) => ({
            id: String(s.id ?? ''),
            name: String(s.name ?? s.id ?? ''),
          }))
        : [];
    })();
    return {
      clauseId: `proposal-${clause.id}`,
      clauseTitle: `Proposal for ${clauseTitle}`,
      currency: sheet.currency,
      parties: sheet.parties,
      streams,
      drivers: [...new Set(sheet.assumptions.scenarios.flatMap((s) => Object.keys(s.drivers)))],
      issues: impact && !impact.ok ? impact.issues.filter((i) => i.clauseId === clause.id) : [],
      canEdit: true,
      set: (path: DocPath, value: unknown) => setDraft((d) => withParam(d, path, value)),
      push: (path: DocPath, value: unknown) => setDraft((d) => withPushed(d, path, value)),
      remove: (path: DocPath) => setDraft((d) => withRemoved(d, path)),
    };
  }, [clause.id, clauseTitle, sheet, impact]);

  // The server refuses a proposal that adds errors to the sheet: say so before it is sent.
  const blockers = !empty && impact ? proposalBlockers(impact, current) : [];

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (blockers.length > 0) return;
    if (empty) {
      setError('Change at least one value or the text before proposing.');
      return;
    }
    if (!rationale.trim()) {
      setError('Give a rationale: why this change?');
      return;
    }
    setBusy(true);
    setError(null);
    const body = {
      params: changes,
      ...(textChange !== undefined ? { text: textChange } : {}),
      rationale: rationale.trim(),
    };
    try {
      if (counter)
        await store.call('proposals:counter', { proposalId: counter.proposalId, ...body });
      else await store.call('proposals:create', { clauseId: clause.id, ...body });
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const heading = counter
    ? `Counter-proposal for ${clauseTitle}`
    : `Propose a change to ${clauseTitle}`;
  return (
    <form className="proposal-form" aria-label={heading} onSubmit={(e) => void submit(e)}>
      <h3 className="proposal-form-title">{heading}</h3>
      <p className="hint">
        Edit the values below; nothing changes in the term sheet until every party accepts.
      </p>
      <div className="proposal-draft-params">
        <ParamsContext.Provider value={context}>
          <ParamsEditor spec={spec} params={draft} />
        </ParamsContext.Provider>
      </div>
      <label className="check-row">
        <input type="checkbox" checked={editText} onChange={(e) => setEditText(e.target.checked)} />
        Also propose a new clause text
      </label>
      {editText && (
        <div className="field">
          <label htmlFor={`${id}-text`}>Proposed text (Markdown)</label>
          <textarea
            id={`${id}-text`}
            className="input textarea"
            rows={5}
            value={text}
            maxLength={MAX_PROPOSAL_TEXT_LENGTH}
            onChange={(e) => setText(e.target.value)}
          />
          {text.length >= MAX_PROPOSAL_TEXT_LENGTH && (
            <p className="field-warning" role="status">
              A proposed text holds at most {MAX_PROPOSAL_TEXT_LENGTH.toLocaleString('en-GB')}{' '}
              characters.
            </p>
          )}
          <p className="hint">Values such as {'{{param:…}}'} show as the proposed values below.</p>
          <TextRedline
            sheet={sheet}
            clauseId={clause.id}
            currentText={currentText}
            proposedText={text}
            proposedParams={draft}
            label={`Your proposed text for ${clauseTitle}, against the current text`}
          />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-rationale`}>Rationale</label>
        <textarea
          id={`${id}-rationale`}
          className="input textarea"
          rows={2}
          maxLength={MAX_RATIONALE_LENGTH}
          value={rationale}
          placeholder="Why this change helps the deal"
          onChange={(e) => setRationale(e.target.value)}
        />
      </div>
      <div className="proposal-preview" aria-live="polite">
        {empty ? (
          <p className="muted small">Change a value to see its impact on every party.</p>
        ) : previewError ? (
          <p className="field-error">{previewError}</p>
        ) : impact ? (
          <ImpactTable
            impact={impact}
            parties={sheet.parties}
            currency={sheet.currency}
            caption="Value impact of this draft"
          />
        ) : (
          <p className="muted small">Computing the impact…</p>
        )}
      </div>
      {blockers.length > 0 && (
        <ProposalBlockers id={`${id}-blockers`} issues={blockers} sheet={sheet} draft />
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="proposal-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={busy || blockers.length > 0}
          aria-describedby={blockers.length > 0 ? `${id}-blockers` : undefined}
        >
          {counter ? 'Send counter-proposal' : 'Send proposal'}
        </button>
        <button type="button" className="btn btn-secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
