/**
 * JUnit XML from the run summary: one testsuite per suite file, a testcase per check. A failure's `type`
 * is its failure kind; a blocked check is skipped with a message saying BLOCKED and by what.
 */
import { blockedText } from '../blocked.js';
import type { CheckRecord, RunSummary } from '../summary.js';

export function renderJunit(summary: RunSummary): string {
  const modules = new Map<string, CheckRecord[]>();
  for (const check of summary.checks) {
    const list = modules.get(check.module);
    if (list) list.push(check);
    else modules.set(check.module, [check]);
  }
  const { totals } = summary;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8" ?>',
    `<testsuites name="mfa-conformance" tests="${totals.checks}" failures="${totals.failed}" errors="${summary.errors.length}" ` +
      `skipped="${totals.skipped + totals.blocked}" time="${seconds(summary.durationMs)}">`,
  ];
  for (const [module, checks] of modules) {
    const count = (state: CheckRecord['state']) => checks.filter((check) => check.state === state).length;
    const time = checks.reduce((sum, check) => sum + (check.durationMs ?? 0), 0);
    lines.push(
      `  <testsuite name="${xml(module)}" tests="${checks.length}" failures="${count('failed')}" errors="0" ` +
        `skipped="${count('skipped') + count('blocked')}" time="${seconds(time)}">`,
    );
    for (const check of checks) lines.push(...testcase(module, check));
    lines.push('  </testsuite>');
  }
  if (summary.errors.length > 0) {
    lines.push(`  <testsuite name="errors of the run" tests="${summary.errors.length}" failures="0" errors="${summary.errors.length}" skipped="0">`);
    for (const [index, error] of summary.errors.entries()) {
      lines.push(`    <testcase classname="run" name="${xml(`${index + 1}. ${error.kind}${error.module ? ` ${error.module}` : ''}`)}">`);
      lines.push(`      <error type="${xml(error.kind)}" message="${xml(error.message)}"/>`, '    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

function testcase(module: string, check: CheckRecord): string[] {
  const open = `    <testcase classname="${xml(module)}" name="${xml(check.name)}" time="${seconds(check.durationMs ?? 0)}"`;
  switch (check.state) {
    case 'passed':
      return [`${open}/>`];
    case 'failed': {
      const message = check.errors?.[0] ?? 'failed';
      const body = (check.errors ?? []).join('\n');
      return [open + '>', `      <failure type="${xml(check.failureKind ?? 'error')}" message="${xml(message)}">${xml(body)}</failure>`, '    </testcase>'];
    }
    case 'blocked': {
      const message = check.blockedBy ? `${blockedText(check.blockedBy)}: ${check.blockedBy.message}` : 'BLOCKED';
      return [open + '>', `      <skipped message="${xml(message)}"/>`, '    </testcase>'];
    }
    case 'skipped':
      return [open + '>', check.skipReason ? `      <skipped message="${xml(check.skipReason)}"/>` : '      <skipped/>', '    </testcase>'];
  }
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function xml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // characters XML 1.0 cannot carry (ANSI escapes and other controls)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}
