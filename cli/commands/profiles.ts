/** `mfa-conformance profiles`: the certification profiles, or one profile's requirements and variants. */
import type { Profile } from '../../requirements/index.js';
import type { CliIO } from '../io.js';
import { findProfile, profilesOf } from '../profiles.js';
import { parseCommandArgs, UsageError } from '../usage.js';

export const PROFILES_HELP = `Usage: mfa-conformance profiles [NAME] [--json]

Lists the certification profiles (named sets of requirements, MUST or SHOULD within the profile, and the
variants they cover: factor type × provider × API, with the combinations that do not apply and why).
With NAME, prints that profile's variants and requirements.

Options:
  --json       print as JSON
  -h, --help   show this help

Exit codes: 0 listed, 2 bad usage (e.g. an unknown profile).
`;

export async function profilesCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, true);
  if (values.help) {
    io.stdout.write(PROFILES_HELP);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`profiles takes at most one profile name, got ${positionals.length}`);
  const [name] = positionals;
  const chosen = name === undefined ? profilesOf(io) : [findProfile(io, name)];
  if (values.json) {
    io.stdout.write(`${JSON.stringify(name === undefined ? chosen : chosen[0], null, 2)}\n`);
    return 0;
  }
  io.stdout.write(name === undefined ? listProfiles(chosen) : describeProfile(chosen[0] as Profile));
  return 0;
}

function counts(profile: Profile): string {
  const must = profile.requirements.filter((r) => r.level === 'MUST').length;
  return `${profile.requirements.length} requirements (${must} MUST, ${profile.requirements.length - must} SHOULD/MAY)`;
}

function listProfiles(profiles: readonly Profile[]): string {
  const width = Math.max(...profiles.map((p) => p.name.length));
  const lines = profiles.map((p) => `  ${p.name.padEnd(width)}  ${counts(p)}  ${p.title}`);
  return `Certification profiles:\n${lines.join('\n')}\n\nmfa-conformance profiles NAME shows one; certify --profile NAME runs it.\n`;
}

function describeProfile(profile: Profile): string {
  const lines = [`${profile.name}: ${profile.title}`, counts(profile), `Suites: ${profile.suites.join(', ')}`, '', 'Variants (factor type × provider × API):'];
  for (const v of profile.variants) {
    const what = `${v.factorType} / ${v.provider} / ${v.api}`;
    lines.push(v.applicable ? `  ${what}: ${v.features.join(', ')}` : `  ${what}: not applicable (${v.reason})`);
  }
  lines.push('', 'Requirements:');
  for (const r of profile.requirements) lines.push(`  ${r.level.padEnd(6)} ${r.id}`);
  return `${lines.join('\n')}\n`;
}
