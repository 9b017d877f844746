// The arguments of `pnpm audit:verify`, its usage text and its exit statuses.
import { auditHeadSchema } from '@parley/shared/mediation';
import type { AuditHead } from '@parley/shared/mediation';

export const auditVerifyUsage = [
  'Usage: pnpm audit:verify [--room ID] [--file EXPORT.json [--key KEY.json | --public-key-url URL]]',
  '                         [--head [CHAIN:]COUNT:HASH]... [--allow-unsigned] [--json]',
  '',
  "Verifies rooms' audit logs: every entry, every chain's head, and for an export its signature.",
  '  (no --file)          read the database the server uses: DATABASE_URL (postgres://...) or',
  '                       the SQLite file in DATA_DIR (default ./data); the chain is keyed with',
  "                       the server's SECRET, read from SECRET or DATA_DIR/secret as the server does",
  '  --room ID            only this room (default: every room in the database)',
  '  --file PATH          verify an export saved from GET /api/rooms/:roomId/audit instead; a',
  '                       signed Parley document of another kind gets its signature checked',
  "  --key PATH           the server's public key (JWK or JWK set, as GET /api/audit/public-key",
  '                       serves it) that the export must be signed with',
  '  --public-key-url URL fetch that key from the server instead',
  '                       (without either, the key derived from SECRET or DATA_DIR/secret, if set)',
  '  --head [CHAIN:]COUNT:HASH',
  '                       a head you kept (e.g. from a sign-off receipt): the log must still',
  '                       hold that entry with that hash; CHAIN defaults to room',
  '  --allow-unsigned     check the chain of an unsigned parley.audit/v1 export, which cannot',
  '                       show dropped entries, instead of reporting it',
  '  --json               print the results as JSON',
  '',
  'Exit status: 0 every log is intact, 1 a log is tampered (an entry, a head, the seal or a',
  'signature does not fit), 2 bad arguments, an unreadable file, database or key, no such room,',
  'or a database sealed with another SECRET.',
].join('\n');

export const auditVerifyExit = { ok: 0, tampered: 1, badInput: 2 } as const;

export interface AuditVerifyArgs {
  room: string | null;
  file: string | null;
  key: string | null;
  publicKeyUrl: string | null;
  heads: AuditHead[];
  allowUnsigned: boolean;
  json: boolean;
  help: boolean;
}

const headPattern = /^(?:(.+):)?(\d+):([0-9a-f]{64})$/;

function parseHead(text: string): AuditHead | null {
  const match = headPattern.exec(text);
  if (match === null) return null;
  const parsed = auditHeadSchema.safeParse({
    chain: match[1] ?? 'room',
    count: Number(match[2]),
    hash: match[3],
  });
  return parsed.success ? parsed.data : null;
}

export function parseAuditVerifyArgs(argv: readonly string[]): AuditVerifyArgs | { error: string } {
  const args: AuditVerifyArgs = {
    room: null,
    file: null,
    key: null,
    publicKeyUrl: null,
    heads: [],
    allowUnsigned: false,
    json: false,
    help: false,
  };
  const valued = {
    '--room': 'a room id',
    '--file': 'a path',
    '--key': 'a path',
    '--public-key-url': 'a URL',
    '--head': 'a head as [CHAIN:]COUNT:HASH',
  } as const;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      args.help = true;
      continue;
    }
    if (arg === '--json') {
      args.json = true;
      continue;
    }
    if (arg === '--allow-unsigned') {
      args.allowUnsigned = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    if (!(name in valued)) return { error: `unknown argument "${arg}"` };
    const option = name as keyof typeof valued;
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        value = next;
        i++;
      }
    }
    if (value === undefined || value === '') return { error: `${option} needs ${valued[option]}` };
    if (option === '--room') args.room = value;
    else if (option === '--file') args.file = value;
    else if (option === '--key') args.key = value;
    else if (option === '--public-key-url') args.publicKeyUrl = value;
    else {
      const head = parseHead(value);
      if (head === null) {
        return { error: `--head "${value}" is not [CHAIN:]COUNT:HASH with a 64-digit hex hash` };
      }
      args.heads.push(head);
    }
  }
  if (args.key !== null && args.publicKeyUrl !== null) {
    return { error: 'give --key or --public-key-url, not both' };
  }
  if (args.file === null && (args.key !== null || args.publicKeyUrl !== null)) {
    return { error: '--key and --public-key-url check an export: use them with --file' };
  }
  if (args.file === null && args.room === null && args.heads.length > 0) {
    return { error: '--head needs --room (or --file): a head belongs to one room' };
  }
  return args;
}
