// The audit log's keys, all derived from the server SECRET with HKDF under their own labels: the
// same SECRET gives every instance (and `pnpm audit:verify`) the same keys, and no key reveals another.
import { createHash, createPrivateKey, createPublicKey, hkdfSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { AuditPublicJwk } from '@parley/shared/mediation';

const SALT = 'parley.audit';
const LABELS = {
  entries: 'parley.audit/v2 entry-mac',
  heads: 'parley.audit/v2 head-mac',
  signing: 'parley.audit/v2 ed25519-seed',
} as const;

// PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410), so Node can load it as a private key.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface AuditKeys {
  /** HMAC-SHA256 key of keyed entries. */
  entryKey: Buffer;
  /** HMAC-SHA256 key of stored heads and of the sealing record. */
  headKey: Buffer;
  /** Ed25519 key that signs exports and other documents. */
  signingKey: KeyObject;
  publicJwk: Required<AuditPublicJwk>;
  /** The RFC 7638 thumbprint of the public key: names the key, and so the SECRET, publicly. */
  kid: string;
}

function derive(secret: Uint8Array, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, SALT, label, 32));
}

/** The RFC 7638 thumbprint of an Ed25519 public JWK. */
export function jwkThumbprint(jwk: { crv: string; kty: string; x: string }): string {
  const members = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x });
  return createHash('sha256').update(members, 'utf8').digest('base64url');
}

export function deriveAuditKeys(secret: Uint8Array): AuditKeys {
  const seed = derive(secret, LABELS.signing);
  const signingKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const exported = createPublicKey(signingKey).export({ format: 'jwk' });
  if (typeof exported.x !== 'string') throw new Error('Ed25519 public key without x');
  const kid = jwkThumbprint({ crv: 'Ed25519', kty: 'OKP', x: exported.x });
  return {
    entryKey: derive(secret, LABELS.entries),
    headKey: derive(secret, LABELS.heads),
    signingKey,
    publicJwk: { kty: 'OKP', crv: 'Ed25519', x: exported.x, kid, alg: 'EdDSA', use: 'sig' },
    kid,
  };
}
