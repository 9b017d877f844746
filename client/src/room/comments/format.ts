// Comments in words: times, audiences, parameter paths and thread headings, named with the room's
// party names rather than ids.
import { commentExcerpt } from '@parley/shared/comments';
import type { CommentAnchor, CommentThread, CommentVisibility } from '@parley/shared/comments';
import { paramName } from '../names';
import type { SheetParty } from '../sheet';

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "3 min ago", "yesterday": for times shown next to comments. */
export function timeAgo(at: number, now = Date.now()): string {
  const seconds = Math.round((at - now) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return relative.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return relative.format(hours, 'hour');
  return relative.format(Math.round(hours / 24), 'day');
}

export function fullTime(at: number): string {
  return new Date(at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function visibilityLabel(
  visibility: CommentVisibility,
  partyId: string | null,
  parties: SheetParty[],
): string {
  const party = parties.find((p) => p.id === partyId)?.name ?? partyId ?? '';
  if (visibility === 'room') return 'Room-wide';
  if (visibility === 'party') return `Internal · ${party}`;
  return `Caucus · ${party} + mediator`;
}

/**
 * A dotted parameter path for people, with the clause's params for row names: "fixed.csp" reads
 * "Fixed split · Kestrel Mobile", "streams.0.unitPrice" reads "Subscriptions · Unit price".
 */
export function humanizeParam(
  path: string,
  parties: SheetParty[] = [],
  params: unknown = {},
): string {
  return paramName(params, path, parties);
}

export function anchorLabel(
  anchor: CommentAnchor,
  parties: SheetParty[] = [],
  params: unknown = {},
): string {
  if (anchor.type === 'clause') return 'Whole clause';
  if (anchor.type === 'param') return `Parameter: ${humanizeParam(anchor.param, parties, params)}`;
  return `“${anchor.quote.length > 80 ? `${anchor.quote.slice(0, 80)}…` : anchor.quote}”`;
}

/** A thread's heading: its title, else what it points at, else how its first comment opens. */
export function threadHeading(
  thread: CommentThread,
  parties: SheetParty[] = [],
  params: unknown = {},
): string {
  if (thread.title) return thread.title;
  const first = thread.comments[0];
  if (thread.anchor.type === 'clause' && first && first.deletedAt === null)
    return commentExcerpt(first.body, 60);
  return anchorLabel(thread.anchor, parties, params);
}
