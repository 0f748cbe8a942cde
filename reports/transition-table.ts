/**
 * The Authentication API's transition table as a run saw it: every documented cell (from-state ×
 * operation → outcomes) and every forbidden cell (→ 403 E0000079, state unchanged), each with the
 * checks that exercised it and their result. Built from the checks' `transitions` (task meta) and
 * the one table in requirements/authn-transitions.ts.
 */
import { AUTHN_TRANSITIONS, cellId, forbiddenCells } from '../requirements/authn-transitions.js';

/** What the table reads of a check record (reports/summary.ts's CheckRecord has these fields). */
interface CheckRecord {
  name: string;
  state: CheckState;
  transitions?: string[];
}
type CheckState = 'passed' | 'failed' | 'blocked' | 'skipped';

export type CellResult = 'pass' | 'fail' | 'blocked' | 'skip' | 'unchecked';

export interface TransitionCellResult {
  /** `MFA_ENROLL_ACTIVATE previous`. */
  cell: string;
  from: string;
  operation: string;
  /** `documented`: the docs name the cell; `forbidden`: they do not, so it must answer 403 E0000079. */
  kind: 'documented' | 'forbidden';
  outcomes: string[];
  when?: string;
  result: CellResult;
  /** Names of the checks that exercise the cell, in run order. */
  checks: string[];
}

export interface TransitionTableSummary {
  cells: TransitionCellResult[];
  totals: { documented: number; documentedChecked: number; forbidden: number; forbiddenChecked: number };
  /** Documented cells no check of the run exercised. */
  uncheckedDocumented: string[];
}

const RESULT_OF: Record<CheckState, CellResult> = { passed: 'pass', failed: 'fail', blocked: 'blocked', skipped: 'skip' };

/** A cell's result: a failed check fails it; a blocked one blocks it; a passing one passes it; else skip (or unchecked). */
function judge(checks: readonly CheckRecord[]): CellResult {
  const results = new Set(checks.map((check) => RESULT_OF[check.state]));
  for (const result of ['fail', 'blocked', 'pass', 'skip'] as const) if (results.has(result)) return result;
  return 'unchecked';
}

export function buildTransitionTable(checks: readonly CheckRecord[]): TransitionTableSummary {
  const byCell = new Map<string, CheckRecord[]>();
  for (const check of checks) {
    for (const id of new Set(check.transitions ?? [])) byCell.set(id, [...(byCell.get(id) ?? []), check]);
  }
  const row = (id: string, base: Omit<TransitionCellResult, 'result' | 'checks' | 'cell'>): TransitionCellResult => {
    const exercising = byCell.get(id) ?? [];
    return { cell: id, ...base, result: judge(exercising), checks: exercising.map((check) => check.name) };
  };
  const documented = AUTHN_TRANSITIONS.map((c) =>
    row(cellId(c.from, c.operation), {
      from: c.from,
      operation: c.operation,
      kind: 'documented',
      outcomes: [...c.outcomes],
      ...(c.when !== undefined ? { when: c.when } : {}),
    }),
  );
  const forbidden = forbiddenCells().map((id) => {
    const [from = '', operation = ''] = id.split(' ');
    return row(id, { from, operation, kind: 'forbidden', outcomes: ['403 E0000079'] });
  });
  const cells = [...documented, ...forbidden];
  const checked = (list: TransitionCellResult[]) => list.filter((c) => c.checks.length > 0).length;
  return {
    cells,
    totals: { documented: documented.length, documentedChecked: checked(documented), forbidden: forbidden.length, forbiddenChecked: checked(forbidden) },
    uncheckedDocumented: documented.filter((c) => c.checks.length === 0).map((c) => c.cell),
  };
}

const LABEL: Record<CellResult, string> = { pass: 'PASS', fail: 'FAIL', blocked: 'BLOCKED', skip: 'SKIP', unchecked: 'NO CHECK' };

/**
 * The table as Markdown (after the requirements): the documented cells one row each; the forbidden cells only those a check exercised (the
 * rest are counted), so the report stays readable.
 */
export function renderTransitionTable(table: TransitionTableSummary | undefined): string[] {
  // A run that exercised no cell (one filtered to the Factors API) has no table to show.
  if (!table || table.totals.documentedChecked + table.totals.forbiddenChecked === 0) return [];
  const { totals } = table;
  const lines = ['## Authentication API transition table', ''];
  lines.push(
    `${totals.documentedChecked} of ${totals.documented} documented cells exercised; ` +
      `${totals.forbiddenChecked} of ${totals.forbidden} forbidden cells (403 E0000079, state unchanged) exercised.`,
    '',
  );
  lines.push('| Result | From | Operation | Outcomes | Checks |', '|---|---|---|---|---|');
  const shown = table.cells.filter((c) => c.kind === 'documented' || c.checks.length > 0);
  for (const c of shown) {
    const outcomes = `${c.kind === 'forbidden' ? '(forbidden) ' : ''}${c.outcomes.join(', ')}${c.when ? ` (${c.when})` : ''}`;
    lines.push(`| ${LABEL[c.result]} | ${c.from} | ${c.operation} | ${escape(outcomes)} | ${c.checks.length} |`);
  }
  lines.push('');
  return lines;
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|');
}
