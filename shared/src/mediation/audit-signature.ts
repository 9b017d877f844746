// The server's signing key as it publishes it (JWK, Ed25519) and the header of its signatures:
// what a party needs to check a signed export with any JOSE library, and what the verifier reads.
import { z } from 'zod';

/** Where the server publishes the key its exports are signed with. */
export const AUDIT_PUBLIC_KEY_PATH = '/api/audit/public-key';

const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/, 'expected base64url text');

/** An Ed25519 public key as a JWK (RFC 8037); `kid` is its RFC 7638 thumbprint. */
export const auditPublicJwkSchema = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: base64url.length(43, 'expected a 32-byte key (43 base64url characters)'),
  kid: z.string().min(1).optional(),
  alg: z.literal('EdDSA').optional(),
  use: z.literal('sig').optional(),
});

export type AuditPublicJwk = z.infer<typeof auditPublicJwkSchema>;

/** What the public key endpoint answers: a JWK set, today with one key. */
export const auditKeySetSchema = z.object({ keys: z.array(auditPublicJwkSchema).min(1) });

export type AuditKeySet = z.infer<typeof auditKeySetSchema>;

/** The protected header of every signature the server makes. */
export const auditSignatureHeaderSchema = z.object({
  alg: z.literal('EdDSA'),
  kid: z.string().min(1),
});

export type AuditSignatureHeader = z.infer<typeof auditSignatureHeaderSchema>;
