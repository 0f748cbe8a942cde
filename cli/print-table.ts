/** The end-of-run table: requirements by family and factor type (pass / fail / blocked / skip). */
import type { RequirementResult } from '../reports/summary.js';

export function formatResultTable(requirements: readonly Pick<RequirementResult, 'family' | 'feature' | 'result'>[]): string {
  const rows = new Map<string, { family: string; feature: string; pass: number; fail: number; blocked: number; skip: number }>();
  for (const r of requirements) {
    const key = `${r.family}\u0000${r.feature}`;
    const row = rows.get(key) ?? { family: r.family, feature: r.feature, pass: 0, fail: 0, blocked: 0, skip: 0 };
    row[r.result] += 1;
    rows.set(key, row);
  }
  if (rows.size === 0) return '';
  const header = ['family', 'factor type / flow', 'pass', 'fail', 'blocked', 'skip'];
  const body = [...rows.values()].map((r) => [r.family, r.feature, String(r.pass), String(r.fail), String(r.blocked), String(r.skip)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    `  ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')}`.trimEnd();
  return `${[line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n')}\n`;
}
