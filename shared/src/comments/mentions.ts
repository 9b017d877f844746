// @mentions in comment bodies: written with the member id, so the right person is notified even
// when names repeat, and shown as plain @Name in excerpts.
import { MAX_MENTIONS } from './limits';

/**
 * Mentions are written into a comment body as `@[Display name](member:MEMBER_ID)`. The display
 * name is what the author saw in the autocomplete; the id is what counts. A name may not hold
 * `[`, `]` or a line break; an id is made of letters, digits, `_` and `-`.
 */
export const MENTION_PATTERN = /@\[([^\]\n[]{1,100})\]\(member:([A-Za-z0-9_-]{1,128})\)/g;

export interface MentionRef {
  name: string;
  memberId: string;
}

/** The mentions in a body, in order, each member once (the first spelling wins). */
export function parseMentions(body: string): MentionRef[] {
  const seen = new Set<string>();
  const out: MentionRef[] = [];
  for (const match of body.matchAll(MENTION_PATTERN)) {
    const name = match[1] ?? '';
    const memberId = match[2] ?? '';
    if (seen.has(memberId)) continue;
    seen.add(memberId);
    out.push({ name, memberId });
  }
  return out.slice(0, MAX_MENTIONS);
}

/** Text to insert for a mention picked in the autocomplete; brackets in names are dropped. */
export function formatMention(name: string, memberId: string): string {
  const clean = name.replace(/[[\]\n\r]/g, '').slice(0, 100) || memberId;
  return `@[${clean}](member:${memberId})`;
}

/** The body as plain text: mentions become `@Name`, nothing else changes. For excerpts. */
export function mentionsToPlainText(body: string): string {
  return body.replace(MENTION_PATTERN, (_all, name: string) => `@${name}`);
}

/** A one-line plain-text excerpt of a comment body. */
export function commentExcerpt(body: string, length = 140): string {
  const flat = mentionsToPlainText(body).replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1)}…`;
}
