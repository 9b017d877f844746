// `pnpm audit:verify`: checks audit logs in the database or in an exported file; see the usage
// text for the options and exit statuses.
import { auditVerifyExit, auditVerifyUsage, parseAuditVerifyArgs } from './auditVerifyArgs';
import { verifyDatabase } from './auditVerifyDatabase';
import { verifyFile } from './auditVerifyFile';
import type { AuditVerifyIo } from './auditVerifyResult';

export { auditVerifyExit, auditVerifyUsage } from './auditVerifyArgs';
export type { AuditVerifyIo } from './auditVerifyResult';

/** Runs the command; returns the exit status. Never throws. */
export async function runAuditVerify(argv: readonly string[], io: AuditVerifyIo): Promise<number> {
  const args = parseAuditVerifyArgs(argv);
  if ('error' in args) {
    io.stderr(`${args.error}\n\n${auditVerifyUsage}\n`);
    return auditVerifyExit.badInput;
  }
  if (args.help) {
    io.stdout(`${auditVerifyUsage}\n`);
    return auditVerifyExit.ok;
  }
  try {
    return args.file !== null
      ? await verifyFile(args.file, args, io)
      : await verifyDatabase(args, io);
  } catch (error) {
    io.stderr(
      `audit verification failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return auditVerifyExit.badInput;
  }
}
