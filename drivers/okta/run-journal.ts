/**
 * A run's journal: one line per user the run is about to create (its login, written before the request) and per
 * rate-limit wait. The suites' workers append; the CLI reads it to delete the run's users at the end, on failure
 * and when interrupted (the Users `search` index is eventually consistent, so it is not the only record), and to
 * report the time spent waiting.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

export interface JournalContents {
  /** Logins created (or about to be) and not yet removed. */
  logins: string[];
  waitedMs: number;
  waits: number;
}

export function recordUser(journal: string, login: string): void {
  appendFileSync(journal, `user ${login}\n`);
}

/** The user is gone (its run's fixtures deleted it): cleanup need not look for it. */
export function recordRemoved(journal: string, login: string): void {
  appendFileSync(journal, `removed ${login}\n`);
}

export function recordWait(journal: string, ms: number): void {
  appendFileSync(journal, `wait ${Math.round(ms)}\n`);
}

export function readJournal(journal: string): JournalContents {
  const contents: JournalContents = { logins: [], waitedMs: 0, waits: 0 };
  if (!existsSync(journal)) return contents;
  const removed = new Set<string>();
  for (const line of readFileSync(journal, 'utf8').split('\n')) {
    const [kind, value] = line.split(' ', 2);
    if (kind === 'user' && value) contents.logins.push(value);
    if (kind === 'removed' && value) removed.add(value);
    if (kind === 'wait' && value) {
      contents.waitedMs += Number(value) || 0;
      contents.waits++;
    }
  }
  contents.logins = contents.logins.filter((login) => !removed.has(login));
  return contents;
}

/** The run is stopping (interrupted): create nothing more. */
export function isStopping(stopFile: string | undefined): boolean {
  return stopFile !== undefined && existsSync(stopFile);
}
