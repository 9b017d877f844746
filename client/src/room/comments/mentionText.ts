// Mentions as the composer shows them (@Name) and as they are stored (@[Name](member:id)): typing
// around a mention keeps it, cutting into one leaves plain text.
import { MENTION_PATTERN, formatMention } from '@parley/shared/comments';

/** A mention as the composer shows it: `@Name` at [start, end) of the shown text. */
export interface ShownMention {
  start: number;
  end: number;
  name: string;
  memberId: string;
}

/** What the composer shows for a stored body: `@Name` for every `@[Name](member:id)`. */
export interface ShownText {
  text: string;
  mentions: ShownMention[];
}

/** The readable form of a stored comment body, with where each mention sits in it. */
export function toShown(stored: string): ShownText {
  const mentions: ShownMention[] = [];
  let text = '';
  let from = 0;
  for (const match of stored.matchAll(MENTION_PATTERN)) {
    const index = match.index ?? 0;
    const name = match[1] ?? '';
    text += stored.slice(from, index);
    mentions.push({
      start: text.length,
      end: text.length + 1 + name.length,
      name,
      memberId: match[2] ?? '',
    });
    text += `@${name}`;
    from = index + match[0].length;
  }
  text += stored.slice(from);
  return { text, mentions };
}

/** The stored body (the format the server and other readers expect) for shown text. */
export function toStored(shown: ShownText): string {
  let out = '';
  let from = 0;
  for (const mention of [...shown.mentions].sort((a, b) => a.start - b.start)) {
    out += shown.text.slice(from, mention.start) + formatMention(mention.name, mention.memberId);
    from = mention.end;
  }
  return out + shown.text.slice(from);
}

/**
 * The shown text after an edit: mentions before or after the edited stretch move with the text,
 * a mention the edit cuts into turns into the plain text that is left of it. `caret` (where the
 * caret is after the edit) settles where the edit was when repeated letters leave it open.
 */
export function editShown(previous: ShownText, text: string, caret?: number): ShownText {
  const old = previous.text;
  const shortest = Math.min(old.length, text.length);
  const maxPrefix = caret === undefined ? shortest : Math.min(shortest, caret);
  let prefix = 0;
  while (prefix < maxPrefix && old[prefix] === text[prefix]) prefix++;
  const maxSuffix = Math.min(
    shortest - prefix,
    caret === undefined ? Infinity : Math.max(0, text.length - caret),
  );
  let suffix = 0;
  while (suffix < maxSuffix && old[old.length - 1 - suffix] === text[text.length - 1 - suffix])
    suffix++;
  const oldEnd = old.length - suffix;
  const delta = text.length - old.length;
  const mentions: ShownMention[] = [];
  for (const mention of previous.mentions) {
    if (mention.end <= prefix) mentions.push(mention);
    else if (mention.start >= oldEnd)
      mentions.push({ ...mention, start: mention.start + delta, end: mention.end + delta });
  }
  return { text, mentions };
}

/** The shown text with `[start, end)` replaced by a mention of `name` followed by a space. */
export function insertMention(
  previous: ShownText,
  start: number,
  end: number,
  name: string,
  memberId: string,
): { shown: ShownText; caret: number } {
  // The stored form drops brackets and line breaks from names; show the same spelling.
  const stored = formatMention(name, memberId);
  const cleanName = toShown(stored).mentions[0]?.name ?? name;
  const label = `@${cleanName}`;
  const text = previous.text.slice(0, start) + label + ' ' + previous.text.slice(end);
  const delta = label.length + 1 - (end - start);
  const mentions: ShownMention[] = [];
  for (const mention of previous.mentions) {
    if (mention.end <= start) mentions.push(mention);
    else if (mention.start >= end)
      mentions.push({ ...mention, start: mention.start + delta, end: mention.end + delta });
  }
  mentions.push({ start, end: start + label.length, name: cleanName, memberId });
  mentions.sort((a, b) => a.start - b.start);
  return { shown: { text, mentions }, caret: start + label.length + 1 };
}
