// Comparing two versions of a room's sheet, or a version with the sheet as it stands now.
import type { MemberClaims } from '@parley/shared/protocol';
import { NOW, compareSheets } from '@parley/shared/versions';
import type {
  CompareQuery,
  SheetComparison,
  SheetState,
  VersionSummary,
} from '@parley/shared/versions';
import type { VersionDeps } from './deps';
import { currentSheet, getVersion } from './versions';

export interface Side {
  /** The version, or null for the sheet now. */
  version: VersionSummary | null;
  state: SheetState;
}

/** One side of a comparison: a stored version, or `now`. */
export async function sideOf(deps: VersionDeps, roomId: string, ref: string): Promise<Side> {
  if (ref === NOW) {
    const { termsheet, value } = await currentSheet(deps, roomId);
    return { version: null, state: { termsheet, value } };
  }
  const { termsheet, value, ...version } = await getVersion(deps, roomId, ref);
  return { version, state: { termsheet, value } };
}

export async function compareVersions(
  deps: VersionDeps,
  member: MemberClaims,
  query: CompareQuery,
): Promise<{
  from: VersionSummary | null;
  to: VersionSummary | null;
  comparison: SheetComparison;
}> {
  const [from, to] = await Promise.all([
    sideOf(deps, member.roomId, query.from),
    sideOf(deps, member.roomId, query.to),
  ]);
  return { from: from.version, to: to.version, comparison: compareSheets(from.state, to.state) };
}
