/** The mock org's virtual clock: time moves only when told to (control protocol), never by sleeping. */
export class VirtualClock {
  #offsetMs = 0;
  readonly #base: () => number;

  /** `base` is the real clock the virtual one starts from; tests pass a fixed function. */
  constructor(base: () => number = Date.now) {
    this.#base = base;
  }

  now(): number {
    return this.#base() + this.#offsetMs;
  }

  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('the clock only moves forward');
    this.#offsetMs += ms;
    return this.now();
  }

  iso(): string {
    return new Date(this.now()).toISOString();
  }
}
