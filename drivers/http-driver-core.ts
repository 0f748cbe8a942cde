import type { ClockCapability } from './contract.js';
import type { HttpApiClient } from './http-client.js';
import type { Redactor } from './redact.js';

/**
 * What the drivers that speak to a target over HTTP with its control protocol beside (HttpDriver, DuoDriver) share:
 * their redactor, the target's time (its clock when it has one), and closing: the fixtures cleaned up, then the
 * clients closed, then the tasks registered for the close.
 */
export abstract class HttpDriverCore {
  readonly redactor: Redactor;
  /** The target's clock, set by the subclass among the capabilities the target offers. */
  declare readonly clock?: ClockCapability;
  abstract readonly api: HttpApiClient;
  abstract readonly fixtures: { cleanup(): Promise<void> };
  readonly #control: HttpApiClient;
  readonly #onClose: (() => Promise<void>)[] = [];

  protected constructor(redactor: Redactor, control: HttpApiClient, onClose: readonly ((() => Promise<void>) | undefined)[]) {
    this.redactor = redactor;
    this.#control = control;
    for (const task of onClose) if (task) this.#onClose.push(task);
  }

  /** Runs `task` when the driver closes, after what it already had to do. */
  afterClose(task: () => Promise<void>): this {
    this.#onClose.push(task);
    return this;
  }

  registerSecret(value: string): void {
    this.redactor.addSecret(value);
  }

  redactText(text: string): string {
    return this.redactor.text(text);
  }

  redactJson(value: unknown): unknown {
    return this.redactor.json(value);
  }

  async now(): Promise<number> {
    return this.clock ? this.clock.now() : Date.now();
  }

  async close(): Promise<void> {
    try {
      await this.fixtures.cleanup();
    } finally {
      await this.api.close();
      await this.#control.close();
      for (const onClose of this.#onClose.splice(0)) await onClose();
    }
  }
}
