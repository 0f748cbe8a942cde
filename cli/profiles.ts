/** The certification profiles over the catalog the CLI runs (the package's own, or a test's fixture catalog). */
import { buildProfiles, REQUIREMENTS, type Profile, type Requirement } from '../requirements/index.js';
import type { CliIO } from './io.js';
import { UsageError } from './usage.js';

export function catalogOf(io: CliIO): readonly Requirement[] {
  return io.suites?.requirements ?? REQUIREMENTS;
}

export function profilesOf(io: CliIO): Profile[] {
  return buildProfiles(catalogOf(io));
}

/** The named profile, or a usage error listing the known names. */
export function findProfile(io: CliIO, name: string): Profile {
  const profiles = profilesOf(io);
  const found = profiles.find((p) => p.name === name);
  if (!found) throw new UsageError(`unknown profile ${name}; profiles: ${profiles.map((p) => p.name).join(', ')}`);
  return found;
}
