// What the versions slice of the store offers.
import type { Version, VersionSummary } from '@parley/shared/versions';

/** A version to keep; the store gives it the room's next number. */
export type NewVersion = Omit<Version, 'number'>;

export interface VersionStore {
  /** Keeps the version under the room's next number and returns it. */
  addVersion(version: NewVersion): Promise<Version>;
  /** The room's versions without their content, oldest first. */
  listVersions(roomId: string): Promise<VersionSummary[]>;
  getVersion(roomId: string, versionId: string): Promise<Version | undefined>;
}
