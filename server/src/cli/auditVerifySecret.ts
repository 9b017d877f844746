// The server SECRET as `pnpm audit:verify` finds it: the SECRET variable, else DATA_DIR/secret,
// exactly as the server reads them at start, but never creating the file.
import { join, resolve } from 'node:path';
import type { AuditVerifyIo } from './auditVerifyResult';

export type SecretLookup =
  { found: true; secret: Uint8Array; from: string } | { found: false; reason: string };

export async function readServerSecret(io: AuditVerifyIo): Promise<SecretLookup> {
  const variable = io.env.SECRET?.trim();
  if (variable !== undefined && variable !== '') {
    return { found: true, secret: new TextEncoder().encode(variable), from: 'SECRET' };
  }
  const file = join(resolve(io.cwd, io.env.DATA_DIR?.trim() || './data'), 'secret');
  try {
    const text = (await io.readFile(file)).trim();
    if (text !== '') return { found: true, secret: new TextEncoder().encode(text), from: file };
  } catch {
    // Reported below with what to do.
  }
  return {
    found: false,
    reason: `the audit chain is keyed with the server's SECRET, and there is neither a SECRET variable nor a readable ${file}`,
  };
}

/** Whether the caller pointed at a secret explicitly (SECRET or DATA_DIR set). */
export function secretConfigured(io: AuditVerifyIo): boolean {
  return Boolean(io.env.SECRET?.trim() || io.env.DATA_DIR?.trim());
}
