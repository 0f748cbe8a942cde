/** Facts a certification records about its run: the harness's commit, and whether the target is Classic or Identity Engine. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { TargetConfig } from '../drivers/contract.js';

/** The git commit of the package (with `+changes` when the work tree differs), or `unknown` outside a checkout. */
export async function harnessCommit(root: string): Promise<string> {
  const git = promisify(execFile);
  try {
    const { stdout } = await git('git', ['rev-parse', 'HEAD'], { cwd: root });
    const { stdout: status } = await git('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root });
    return `${stdout.trim()}${status.trim() ? '+changes' : ''}`;
  } catch {
    return 'unknown';
  }
}

/**
 * `GET /.well-known/okta-organization` needs no authentication and says `pipeline: idx` (Identity Engine) or
 * `v1` (Classic) (spec okta-real-org.md §5.1). The embedded mock is a Classic org.
 */
export async function targetEngine(target: TargetConfig): Promise<string> {
  if (target.kind === 'mock') return target.profile === 'identity-engine' ? 'Identity Engine (embedded mock org, as a variant)' : 'Classic (embedded mock org)';
  try {
    const response = await fetch(new URL('/.well-known/okta-organization', target.baseUrl), { signal: AbortSignal.timeout(5000) });
    if (!response.ok) return `unknown (/.well-known/okta-organization answered ${response.status})`;
    const body = (await response.json()) as { pipeline?: unknown };
    if (body.pipeline === 'idx') return 'Identity Engine';
    if (body.pipeline === 'v1') return 'Classic';
    return 'unknown (/.well-known/okta-organization names no pipeline)';
  } catch {
    return 'unknown (/.well-known/okta-organization did not answer)';
  }
}
