import type { z } from 'zod';
import {
  capParamsSchema,
  confidentialityParamsSchema,
  costsParamsSchema,
  customParamsSchema,
  dataIpParamsSchema,
  disputeResolutionParamsSchema,
  paymentTermsParamsSchema,
  exitParamsSchema,
  legacyParamsSchema,
  minimumGuaranteeParamsSchema,
  outcomesParamsSchema,
  partiesParamsSchema,
  revenueParamsSchema,
  scopeParamsSchema,
  termParamsSchema,
  valueSharingParamsSchema,
} from './clause-params';
import type { ClauseKind, ClauseOfKind, Party } from './schema';
import { HUNDRED_PERCENT_SCALED, PERCENT_SCALE } from './units';

export type ClauseParams<K extends ClauseKind> = ClauseOfKind<K>['params'];

export interface ClauseKindDef<K extends ClauseKind = ClauseKind> {
  kind: K;
  label: string;
  description: string;
  /** True when the clause's params feed the value engine (at most one clause of such a kind). */
  calculator: boolean;
  paramsSchema: z.ZodType<ClauseParams<K>, unknown>;
  defaultParams: (parties: readonly Party[]) => ClauseParams<K>;
  /** Term-sheet wording to start from; `{{param:PATH}}` shows the value of a parameter. */
  defaultText: string;
}

/** Equal percentages with at most 4 decimals that sum to exactly 100 (leftover to earlier parties). */
export function equalSplit(parties: readonly Party[]): Record<string, number> {
  const split: Record<string, number> = {};
  const n = parties.length;
  if (n === 0) return split;
  const base = Math.floor(HUNDRED_PERCENT_SCALED / n);
  const leftover = HUNDRED_PERCENT_SCALED - base * n;
  parties.forEach((p, i) => {
    split[p.id] = (base + (i < leftover ? 1 : 0)) / PERCENT_SCALE;
  });
  return split;
}

function leadOf(parties: readonly Party[]): Party | undefined {
  return parties.find((p) => p.lead === true) ?? parties[0];
}

type Registry = { [K in ClauseKind]: ClauseKindDef<K> };

export const clauseKinds: Registry = {
  parties: {
    kind: 'parties',
    label: 'Parties',
    description: 'Who the parties are and the role each one plays in the ecosystem.',
    calculator: false,
    paramsSchema: partiesParamsSchema,
    defaultParams: () => ({}),
    defaultText:
      'This term sheet is entered into by the parties listed in it (each a "Party", together the "Parties"). ' +
      'Each Party contributes the role stated against its name. The lead party faces the customer, ' +
      'collects the revenue of the joint offer and distributes it as set out in this term sheet.',
  },
  scope: {
    kind: 'scope',
    label: 'Scope',
    description: 'The joint offer: services, customers and territory.',
    calculator: false,
    paramsSchema: scopeParamsSchema,
    defaultParams: () => ({ territory: 'the European Economic Area', services: [] }),
    defaultText:
      'The Parties will jointly design, launch and operate the offer described in this term sheet ' +
      'in {{param:territory}}. Each Party remains solely responsible for the part of the offer it ' +
      'provides. Services outside this scope require a written amendment signed by all Parties.',
  },
  term: {
    kind: 'term',
    label: 'Term',
    description: 'Duration of the agreement and renewal.',
    calculator: false,
    paramsSchema: termParamsSchema,
    defaultParams: () => ({ durationMonths: 36, renewalMonths: 12 }),
    defaultText:
      'The agreement starts on the commercial launch date and runs for an initial term of ' +
      '{{param:durationMonths}} months. It then renews automatically for successive periods of ' +
      '{{param:renewalMonths}} months unless a Party gives notice under the exit clause.',
  },
  'data-ip': {
    kind: 'data-ip',
    label: 'Data and intellectual property',
    description: 'Ownership of data and IP, licences, data protection roles.',
    calculator: false,
    paramsSchema: dataIpParamsSchema,
    defaultParams: (parties) => ({
      dataController: leadOf(parties)?.name ?? 'the lead party',
      licenceMonthsAfterExit: 6,
    }),
    defaultText:
      'Each Party keeps ownership of the intellectual property it brings to the offer. Customer ' +
      'data is controlled by {{param:dataController}}; the other Parties process it only as ' +
      'processors and only to deliver the offer. Licences granted for the offer survive for ' +
      '{{param:licenceMonthsAfterExit}} months after a Party exits, to let customers be migrated.',
  },
  confidentiality: {
    kind: 'confidentiality',
    label: 'Confidentiality',
    description: 'What stays confidential and for how long.',
    calculator: false,
    paramsSchema: confidentialityParamsSchema,
    defaultParams: () => ({ years: 3 }),
    defaultText:
      'The existence and content of this term sheet, and all information exchanged in negotiating ' +
      'it, are confidential. Each Party uses such information only to evaluate and perform the ' +
      'offer and keeps it confidential for {{param:years}} years after the end of the agreement.',
  },
  'dispute-resolution': {
    kind: 'dispute-resolution',
    label: 'Dispute resolution',
    description: 'Escalation, mediation and the seat of any proceedings.',
    calculator: false,
    paramsSchema: disputeResolutionParamsSchema,
    defaultParams: () => ({ escalationDays: 30, mediationDays: 60, seat: 'Amsterdam' }),
    defaultText:
      'A dispute is first escalated to the executive sponsors of the Parties concerned. If it is ' +
      'not resolved within {{param:escalationDays}} days, the Parties will try to settle it by ' +
      'mediation for {{param:mediationDays}} days before any Party starts proceedings, which are ' +
      'seated in {{param:seat}}.',
  },
  'payment-terms': {
    kind: 'payment-terms',
    label: 'Payment terms',
    description:
      'When invoices between the Parties are paid, in which currency, and late interest.',
    calculator: false,
    paramsSchema: paymentTermsParamsSchema,
    defaultParams: () => ({ daysToPay: 30, invoiceCurrency: 'EUR', lateInterestPct: 8 }),
    defaultText:
      'Each Party pays the invoices of another Party within {{param:daysToPay}} days of receipt. ' +
      'Invoices are issued in {{param:invoiceCurrency}}. Late payments bear interest at ' +
      '{{param:lateInterestPct}} per year from the due date.',
  },
  custom: {
    kind: 'custom',
    label: 'Custom clause',
    description: 'Any other term, in free text.',
    calculator: false,
    paramsSchema: customParamsSchema,
    defaultParams: () => ({}),
    defaultText: 'The Parties agree that ',
  },
  revenue: {
    kind: 'revenue',
    label: 'Revenue streams',
    description:
      'Streams of revenue of the joint offer: volume driver, unit price, and the parties each stream needs.',
    calculator: true,
    paramsSchema: revenueParamsSchema,
    defaultParams: (parties) => ({
      streams: [
        {
          id: 'subscriptions',
          name: 'Subscriptions',
          driver: 'subscribers',
          unitPrice: 1000,
          requires: parties.map((p) => p.id),
        },
      ],
    }),
    defaultText:
      'The lead party invoices customers for the joint offer. The revenue pool of each period is ' +
      'the sum of all revenue streams, each equal to its volume times its unit price. The first ' +
      'stream, {{param:streams.0.name}}, is priced at {{param:streams.0.unitPrice}} ' +
      'per unit and per period.',
  },
  costs: {
    kind: 'costs',
    label: 'Costs',
    description: 'Upfront, fixed and per-unit costs each party bears to deliver the offer.',
    calculator: true,
    paramsSchema: costsParamsSchema,
    defaultParams: (parties) => ({
      costs: parties.map((p) => ({
        party: p.id,
        name: 'Operating costs',
        upfront: 0,
        fixedPerPeriod: 0,
      })),
    }),
    defaultText:
      'Each Party bears its own costs of delivering its part of the offer, as listed in this ' +
      'clause. Costs are documented and reported each period; where cost recovery applies, only ' +
      'documented costs are recovered from the revenue pool.',
  },
  'value-sharing': {
    kind: 'value-sharing',
    label: 'Value sharing',
    description:
      'How the revenue pool is split: fixed shares, tiers, demonstrated contribution or Shapley value.',
    calculator: true,
    paramsSchema: valueSharingParamsSchema,
    defaultParams: (parties) => ({
      costRecovery: true,
      method: 'fixed' as const,
      fixed: equalSplit(parties),
    }),
    defaultText:
      'Each period, the revenue pool is first used to reimburse documented costs (cost recovery: ' +
      '{{param:costRecovery}}), any unpaid balance carrying over to the next period. What remains ' +
      'is shared among the Parties by the {{param:method}} method set out in this clause.',
  },
  'minimum-guarantee': {
    kind: 'minimum-guarantee',
    label: 'Minimum guarantee',
    description: 'The least each party receives from the shared pool per period (floors).',
    calculator: true,
    paramsSchema: minimumGuaranteeParamsSchema,
    defaultParams: () => ({ floors: {} }),
    defaultText:
      'Each Party named in this clause receives at least its floor from the shared pool in every ' +
      'period; the difference is borne by the other Parties in proportion to their shares. If the ' +
      'pool does not cover all floors, it is shared in proportion to the floors.',
  },
  cap: {
    kind: 'cap',
    label: 'Cap',
    description: 'The most each party receives from the shared pool per period.',
    calculator: true,
    paramsSchema: capParamsSchema,
    defaultParams: () => ({ caps: {} }),
    defaultText:
      'No Party named in this clause receives more than its cap from the shared pool in any ' +
      'period. The excess goes to the other Parties in proportion to their shares; any excess ' +
      'that no other Party can take stays with the lead party.',
  },
  outcomes: {
    kind: 'outcomes',
    label: 'Outcomes',
    description: 'KPI-based gain and pain sharing that replaces SLA penalties.',
    calculator: true,
    paramsSchema: outcomesParamsSchema,
    defaultParams: () => ({ kpis: [] }),
    defaultText:
      'For each outcome KPI, the funder pays the beneficiaries a fixed amount per unit by which ' +
      'the KPI beats its target, and the beneficiaries pay the funder the same rate per unit by ' +
      'which it misses, each capped per period where a cap is set. These transfers replace ' +
      'service-level credits.',
  },
  exit: {
    kind: 'exit',
    label: 'Exit',
    description:
      'Notice period, the conditions under which a party may leave, and what the parties settle when one does.',
    calculator: true,
    paramsSchema: exitParamsSchema,
    defaultParams: () => ({
      noticePeriods: 2,
      triggers: [],
      settlement: {
        reimbursement: { sharePct: 100 },
        terminationFee: { amount: 0, waivedOnTrigger: true },
        streamsOnExit: 'stop' as const,
      },
    }),
    defaultText:
      'A Party may leave the agreement by giving {{param:noticePeriods}} periods of written ' +
      'notice if its net result stays below the threshold set for it in this clause for the ' +
      'stated number of consecutive periods. When a Party leaves, the continuing Parties pay it ' +
      'back {{param:settlement.reimbursement.sharePct}} % of its upfront costs not yet recovered, ' +
      'and it pays them a termination fee of {{param:settlement.terminationFee.amount}} (minor ' +
      'units), waived when it leaves under a trigger. Revenue streams that need the leaving ' +
      'Party {{param:settlement.streamsOnExit}} at its exit.',
  },
  legacy: {
    kind: 'legacy',
    label: 'Legacy baseline',
    description:
      'The old deal for comparison: price per head (FTE) minus SLA credits, paid by the lead party.',
    calculator: true,
    paramsSchema: legacyParamsSchema,
    defaultParams: () => ({ lines: [] }),
    defaultText:
      'For comparison only: under a conventional contract, the lead party would keep the revenue ' +
      'and pay each supplier a price per full-time equivalent per period, reduced by service-level ' +
      'credits for expected breaches. This clause creates no obligation.',
  },
};
