import {
  CONTROL_OPERATIONS,
  CONTROL_PREFIX,
  type ControlInput,
  type ControlOperation,
  type ControlOperationName,
  type ControlOutput,
  type ControlParams,
} from '../../schemas/control/operations.js';
import type { ApiResponse } from '../contract.js';
import type { HttpApiClient } from '../http-client.js';

type ControlValidation = typeof import('../../schemas/control/validate.js');

/**
 * The control schemas' validators, loaded with the first operation sent: a process that never speaks the control
 * protocol (the CLI's main thread, which imports the drivers through its commands) does not load the project's
 * validators (~60 ms). Every answer answerOf checks comes from send, which waits for them.
 */
let validation: Promise<ControlValidation> | undefined;
let loadedValidation: ControlValidation | undefined;

function controlValidation(): Promise<ControlValidation> {
  validation ??= import('../../schemas/control/validate.js').then((loaded) => (loadedValidation = loaded));
  return validation;
}

/** The target answered a control operation with something other than success, or off the protocol. */
export class ControlError extends Error {
  constructor(
    readonly operation: ControlOperationName,
    readonly status: number,
    message: string,
  ) {
    super(`control: ${operation} ${message}`);
  }
}

type CallArguments<K extends ControlOperationName> = [
  ...(keyof ControlParams<K> extends never ? [] : [params: ControlParams<K>]),
  ...(ControlInput<K> extends undefined ? [] : [input: ControlInput<K>]),
];

/**
 * The control protocol as a driver speaks it: every operation by its entry in the one table
 * (`schemas/control/operations.ts`), every answer validated against the operation's schema.
 */
export class ControlClient {
  constructor(private readonly http: HttpApiClient) {}

  /** Performs an operation; throws a ControlError unless the target answers it as the protocol says. */
  async call<K extends ControlOperationName>(name: K, ...args: CallArguments<K>): Promise<ControlOutput<K>> {
    const res = await this.send(name, ...args);
    return this.answerOf(name, res);
  }

  /** Performs an operation and answers the raw response (for operations whose refusal means something). */
  async send<K extends ControlOperationName>(name: K, ...args: CallArguments<K>): Promise<ApiResponse<unknown>> {
    const operation: ControlOperation = CONTROL_OPERATIONS[name];
    const hasParams = operation.path.includes(':');
    const params = stringsOf(hasParams ? args[0] : undefined);
    const input = hasParams ? args[1] : args[0];
    const path = operation.path.replace(/:(\w+)/g, (_, param: string) => encodeURIComponent(params[param] ?? ''));
    const url = `${CONTROL_PREFIX}/${path}`;
    await controlValidation();
    if (operation.method === 'GET') return this.http.get(url, { query: stringsOf(input) });
    return this.http.post(url, input);
  }

  /** The answer of a successful operation, checked against its schema; else a ControlError. */
  answerOf<K extends ControlOperationName>(name: K, res: ApiResponse<unknown>): ControlOutput<K> {
    const operation: ControlOperation = CONTROL_OPERATIONS[name];
    const expected = operation.output ? 200 : 204;
    if (res.status !== expected && !(res.status === 200 && !operation.output)) {
      throw new ControlError(name, res.status, `failed with HTTP ${res.status}: ${res.text.slice(0, 300)}`);
    }
    if (!operation.output) return undefined as ControlOutput<K>;
    if (!loadedValidation) throw new Error(`control: ${name}: an answer not received through send()`);
    const issues = loadedValidation.controlSchemaIssues(operation.output, res.body);
    if (issues.length > 0) {
      throw new ControlError(name, res.status, `answered off the protocol: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`);
    }
    return res.body as ControlOutput<K>;
  }
}

/** The string members of a params or query object (the only kind the table's paths and queries carry). */
function stringsOf(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
