// Update checks: bytes that are not a Yjs update are refused, and only new content or new
// deletions count as a change, not a resync of what the document already holds.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeUpdateSafely, updateChangesDoc } from './updateCheck';

function docWithText(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
}

describe('update checks', () => {
  it('refuses bytes that are not a Yjs update', () => {
    expect(decodeUpdateSafely(Uint8Array.from([1, 200, 5, 9, 9, 9]))).toBeNull();
    expect(decodeUpdateSafely(Y.encodeStateAsUpdate(docWithText('ok')))).not.toBeNull();
  });

  it('sees new content and new deletions as changes, known ones as none', () => {
    const server = docWithText('hello world');
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    client.getText('t').delete(0, 6);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));

    // Everything the client has is known: its full state, deletions included, changes nothing.
    const known = decodeUpdateSafely(Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
    expect(updateChangesDoc(known!, server)).toBe(false);

    client.getText('t').delete(0, 1);
    const deletion = decodeUpdateSafely(Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)));
    expect(updateChangesDoc(deletion!, server)).toBe(true);

    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    other.getText('t').insert(0, '!');
    const insertion = decodeUpdateSafely(Y.encodeStateAsUpdate(other, Y.encodeStateVector(server)));
    expect(updateChangesDoc(insertion!, server)).toBe(true);
  });
});
