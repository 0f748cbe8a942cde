/**
 * The certification as one self-contained HTML page (inline style, no script, no external resource): verdict and
 * run facts, the totals by family and factor type, every requirement with its result and reason, the failed checks
 * with their category and redacted exchanges, and the suite files with their SHA-256.
 */
import { categoryOfMessage } from '../allure-categories.js';
import { groupByFamilyAndFeature, type Certification } from './certification.js';
import type { FailedCheckEvidence } from './failed-exchanges.js';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em}
td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}.pass{color:#1a7f37}.fail{color:#c62828}
.blocked{color:#b26a00}.skip{color:#666}pre{background:#f6f8fa;padding:.6em;overflow:auto;max-height:30em}code{font-size:12px}`;

export interface PageInput {
  certification: Certification;
  evidence: readonly FailedCheckEvidence[];
  suiteFiles: Readonly<Record<string, string>>;
}

export function renderCertificationHtml({ certification: c, evidence, suiteFiles }: PageInput): string {
  const e = escapeHtml;
  const out: string[] = [];
  out.push('<!doctype html><html lang="en"><head><meta charset="utf-8">');
  out.push(`<title>MFA conformance certification: ${e(c.profile.name)}</title><style>${STYLE}</style></head><body>`);
  out.push(`<h1>MFA conformance certification: ${e(c.profile.name)}</h1><p>${e(c.profile.title)}</p>`);
  const verdictClass = c.verdict === 'certified' ? 'pass' : 'fail';
  out.push(`<h2 id="verdict" class="${verdictClass}">Verdict: ${c.verdict.toUpperCase()}</h2>`);
  if (c.refusedBecause.length > 0) {
    out.push('<p>MUST requirements that did not pass:</p><ul>');
    for (const r of c.refusedBecause) out.push(`<li><code>${e(r.id)}</code> ${e(r.result.toUpperCase())}${r.reason ? `: ${e(r.reason)}` : ''}</li>`);
    out.push('</ul>');
  }
  const f = c.facts;
  out.push('<table id="facts">');
  for (const [k, v] of [['Harness', `${f.harnessVersion} (commit ${f.commit})`], ['Profile', c.profile.name], ['Driver', f.driver], ['Target', f.target], ['Engine', f.engine], ['Started', f.startedAt], ['Ended', f.endedAt]]) {
    out.push(`<tr><th>${e(k ?? '')}</th><td>${e(v ?? '')}</td></tr>`);
  }
  out.push('</table>');

  out.push('<h2>By family and factor type</h2><table id="totals"><tr><th>Family</th><th>Factor type or flow</th><th>Pass</th><th>Fail</th><th>Blocked</th><th>Skip</th></tr>');
  const groups = groupByFamilyAndFeature(c.requirements);
  for (const [family, features] of groups) {
    for (const [feature, rs] of features) {
      const n = (result: string): number => rs.filter((r) => r.result === result).length;
      out.push(`<tr><td>${e(family)}</td><td>${e(feature)}</td><td>${n('pass')}</td><td>${n('fail')}</td><td>${n('blocked')}</td><td>${n('skip')}</td></tr>`);
    }
  }
  out.push('</table><h2>Variants (factor type × provider × API)</h2><table id="variants"><tr><th>Factor type</th><th>Provider</th><th>API</th><th>Covered by / why not applicable</th></tr>');
  for (const v of c.profile.variants) {
    const what = v.applicable ? e(v.features.join(', ')) : `<em>not applicable</em>: ${e(v.reason)}`;
    out.push(`<tr><td>${e(v.factorType)}</td><td>${e(v.provider)}</td><td>${e(v.api)}</td><td>${what}</td></tr>`);
  }
  out.push('</table><h2>Requirements</h2>');
  for (const [family, features] of groups) {
    for (const [feature, rs] of features) {
      out.push(`<h3>${e(family)}: ${e(feature)}</h3><table><tr><th>Requirement</th><th>Level</th><th>Result</th><th>Title / reason</th></tr>`);
      for (const r of rs) {
        const reason = r.reason ? `<br><small>${e(r.reason)}</small>` : '';
        out.push(`<tr><td><code>${e(r.id)}</code></td><td>${e(r.level)}</td><td class="${r.result}">${r.result.toUpperCase()}</td><td>${e(r.title)}${reason}</td></tr>`);
      }
      out.push('</table>');
    }
  }
  if (c.runErrors.length > 0) out.push(`<h2>Errors of the run</h2><ul>${c.runErrors.map((m) => `<li>${e(m)}</li>`).join('')}</ul>`);

  out.push(`<h2>Failed checks (${evidence.length})</h2>`);
  for (const item of evidence) {
    out.push(`<section class="failed-check"><h3>${e(item.check)}</h3>`);
    out.push(`<p>Category: <strong class="category">${e(categoryOfMessage(item.message))}</strong>; requirements: ${item.requirements.map((id) => `<code>${e(id)}</code>`).join(', ')}</p>`);
    out.push(`<pre>${e(item.message)}</pre>`);
    for (const a of item.attachments) out.push(`<details class="attachment"><summary>${e(a.name)}</summary><pre>${e(a.text)}</pre></details>`);
    out.push('</section>');
  }
  out.push('<h2>Suites</h2><table id="suites"><tr><th>Suite file</th><th>SHA-256</th></tr>');
  for (const [path, digest] of Object.entries(suiteFiles)) out.push(`<tr><td>${e(path)}</td><td><code>${e(digest)}</code></td></tr>`);
  out.push('</table></body></html>\n');
  return out.join('\n');
}
