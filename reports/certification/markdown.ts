/** The certification in Markdown: verdict, run facts, the table by family and factor type, the requirements. */
import { groupByFamilyAndFeature, type Certification } from './certification.js';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderCertificationMarkdown(c: Certification): string {
  const f = c.facts;
  const lines = [
    `# MFA conformance certification: ${c.profile.name}`, '', c.profile.title, '', `**Verdict: ${c.verdict.toUpperCase()}**`, '',
    '| | |', '|---|---|',
    `| Harness | ${cell(`${f.harnessVersion} (commit ${f.commit})`)} |`, `| Driver | ${cell(f.driver)} |`, `| Target | ${cell(f.target)} |`,
    `| Engine | ${cell(f.engine)} |`, `| Started | ${f.startedAt} |`, `| Ended | ${f.endedAt} |`, '',
  ];
  if (c.refusedBecause.length > 0) {
    lines.push('## MUST requirements that did not pass', '');
    for (const r of c.refusedBecause) lines.push(`- \`${r.id}\` ${r.result.toUpperCase()}${r.reason ? `: ${r.reason}` : ''}`);
    lines.push('');
  }
  lines.push('## Variants (factor type × provider × API)', '', '| Factor type | Provider | API | Covered by / why not applicable |', '|---|---|---|---|');
  for (const v of c.profile.variants) {
    lines.push(`| ${cell(v.factorType)} | ${cell(v.provider)} | ${cell(v.api)} | ${cell(v.applicable ? v.features.join(', ') : `not applicable: ${v.reason}`)} |`);
  }
  lines.push('', '## Requirements', '');
  for (const [family, features] of groupByFamilyAndFeature(c.requirements)) {
    for (const [feature, rs] of features) {
      lines.push(`### ${family}: ${feature}`, '', '| Requirement | Level | Result | Reason |', '|---|---|---|---|');
      for (const r of rs) lines.push(`| \`${r.id}\` | ${r.level} | ${r.result.toUpperCase()} | ${cell(r.reason ?? '')} |`);
      lines.push('');
    }
  }
  return `${lines.join('\n')}\n`;
}
