/**
 * The recorded HTTP exchanges of failed checks, read back from the Allure results of the run (the client redacted
 * them when it recorded them). Attachments may hang on the result or on any of its steps.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface FailedCheckEvidence {
  /** The check's name as Allure has it (the test's own name). */
  check: string;
  /** Requirement ids (the result's `tag` labels, BLOCKED left out). */
  requirements: string[];
  /** The failure message (it starts with the failure kind in brackets). */
  message: string;
  /** Each attachment's name and its text. */
  attachments: { name: string; text: string }[];
}

interface AllureAttachment { name?: string; source?: string }
interface AllureStep { attachments?: AllureAttachment[]; steps?: AllureStep[] }
interface AllureResult extends AllureStep {
  name?: string;
  status?: string;
  statusDetails?: { message?: string };
  labels?: { name?: string; value?: string }[];
}

function attachmentsOf(step: AllureStep): AllureAttachment[] {
  return [...(step.attachments ?? []), ...(step.steps ?? []).flatMap(attachmentsOf)];
}

export async function readFailedEvidence(allureDir: string): Promise<FailedCheckEvidence[]> {
  const files = (await readdir(allureDir)).filter((f) => f.endsWith('-result.json')).sort();
  const evidence: FailedCheckEvidence[] = [];
  for (const file of files) {
    const result = JSON.parse(await readFile(join(allureDir, file), 'utf8')) as AllureResult;
    if (result.status !== 'failed' && result.status !== 'broken') continue;
    const attachments: FailedCheckEvidence['attachments'] = [];
    for (const a of attachmentsOf(result)) {
      if (!a.source || a.source.includes('/') || a.source.includes('\\')) continue;
      attachments.push({ name: a.name ?? a.source, text: await readFile(join(allureDir, a.source), 'utf8') });
    }
    evidence.push({
      check: result.name ?? file,
      requirements: (result.labels ?? []).flatMap((l) => (l.name === 'tag' && l.value && l.value !== 'BLOCKED' ? [l.value] : [])),
      message: result.statusDetails?.message ?? '',
      attachments,
    });
  }
  return evidence.sort((a, b) => a.check.localeCompare(b.check));
}
