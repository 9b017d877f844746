// Signed documents: a detached compact JWS (EdDSA) over the canonical JSON of the document
// without its `signature` field; any JOSE library checks it with the payload put back in.
import { createPublicKey, sign, verify } from 'node:crypto';
import {
  auditPublicJwkSchema,
  auditSignatureHeaderSchema,
  signedDocumentPayload,
} from '@parley/shared/mediation';
import type { AuditPublicJwk } from '@parley/shared/mediation';
import type { AuditKeys } from './keys';
import { jwkThumbprint } from './keys';

export type SignatureCheck = { ok: true; kid: string } | { ok: false; reason: string };

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** The detached JWS of a document (its `signature` field, if any, is not covered). */
export function signatureOf(keys: AuditKeys, document: Record<string, unknown>): string {
  const header = base64url(JSON.stringify({ alg: 'EdDSA', kid: keys.kid }));
  const input = `${header}.${base64url(signedDocumentPayload(document))}`;
  const signature = sign(null, Buffer.from(input, 'ascii'), keys.signingKey);
  return `${header}..${signature.toString('base64url')}`;
}

/** The document with its `signature`: how every signed Parley export carries its signature. */
export function signDocument<T extends Record<string, unknown>>(
  keys: AuditKeys,
  document: T,
): Omit<T, 'signature'> & { signature: string } {
  const { signature: _old, ...rest } = document;
  return { ...rest, signature: signatureOf(keys, rest) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks a signed document against trusted public keys: the JWS header names the key (`kid`),
 * which must be one of them, and the signature must cover exactly the document as it is now.
 */
export function verifySignedDocument(
  document: unknown,
  trusted: readonly AuditPublicJwk[],
): SignatureCheck {
  if (!isRecord(document)) return { ok: false, reason: 'the document is not a JSON object' };
  const jws = document.signature;
  if (typeof jws !== 'string') {
    return { ok: false, reason: 'it carries no signature, so any change to it would go unseen' };
  }
  const parts = jws.split('.');
  if (parts.length !== 3 || parts[1] !== '') {
    return { ok: false, reason: 'its signature is not a detached compact JWS (header..signature)' };
  }
  const [encodedHeader, , encodedSignature] = parts as [string, string, string];
  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(encodedHeader, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'its signature header is not base64url JSON' };
  }
  const parsedHeader = auditSignatureHeaderSchema.safeParse(header);
  if (!parsedHeader.success) {
    return { ok: false, reason: 'its signature header is not {"alg":"EdDSA","kid":…}' };
  }
  const { kid } = parsedHeader.data;
  // Keys are matched by their thumbprint, never by a kid someone wrote next to them.
  const key = trusted.find((jwk) => jwkThumbprint(jwk) === kid);
  if (key === undefined) {
    const known = trusted.map((jwk) => jwkThumbprint(jwk)).join(', ');
    return {
      ok: false,
      reason: `it is signed with key ${kid}, not with the trusted key ${known}`,
    };
  }
  const parsedKey = auditPublicJwkSchema.parse(key);
  const publicKey = createPublicKey({
    key: { kty: parsedKey.kty, crv: parsedKey.crv, x: parsedKey.x },
    format: 'jwk',
  });
  const input = `${encodedHeader}.${base64url(signedDocumentPayload(document))}`;
  const valid = verify(
    null,
    Buffer.from(input, 'ascii'),
    publicKey,
    Buffer.from(encodedSignature, 'base64url'),
  );
  if (!valid) {
    return {
      ok: false,
      reason: 'its signature does not match its content: it was changed after the server signed it',
    };
  }
  return { ok: true, kid };
}
