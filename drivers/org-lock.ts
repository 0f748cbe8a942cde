/**
 * A readers-writer lock on the target org. A running check holds shared use of the org; a check that changes
 * something every other check would see (the org's clock, its policies) holds exclusive use: it waits until it is
 * alone and keeps the others out until it ends. Requests are granted in the order they came (a waiting exclusive
 * use is not starved by shared uses that arrive after it).
 */
export type OrgUse = 'shared' | 'exclusive';

interface Waiting {
  use: OrgUse;
  grant: () => void;
}

export class OrgLock {
  #shared = 0;
  #exclusive = false;
  readonly #waiting: Waiting[] = [];
  /** Shared holders paused in `whileOthersWait`, and whether one of them is making its change. */
  #paused = 0;
  #changing = false;
  #pauseWaiters: (() => void)[] = [];

  /** Waits for the use; answers its release (calling it twice releases once). */
  async acquire(use: OrgUse): Promise<() => void> {
    if (this.#waiting.length === 0 && this.#free(use)) this.#take(use);
    else await new Promise<void>((grant) => this.#waiting.push({ use, grant }));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (use === 'exclusive') this.#exclusive = false;
      else this.#shared--;
      this.#wake();
    };
  }

  /**
   * For a shared holder that must change org-wide state half-way (a rate-limit wait that moves the target's clock):
   * pauses it until every other shared holder has ended or is paused the same way, then makes the change while
   * they wait, so that no check sees the org change under it unless it is itself waiting. No new use is granted
   * while a change is pending.
   */
  async whileOthersWait<T>(change: () => Promise<T>): Promise<T> {
    this.#paused++;
    this.#wake();
    try {
      while (this.#shared > this.#paused || this.#changing) await new Promise<void>((wake) => this.#pauseWaiters.push(wake));
      this.#changing = true;
      try {
        return await change();
      } finally {
        this.#changing = false;
      }
    } finally {
      this.#paused--;
      this.#wake();
    }
  }

  #free(use: OrgUse): boolean {
    return !this.#exclusive && this.#paused === 0 && (use === 'shared' || this.#shared === 0);
  }

  #take(use: OrgUse): void {
    if (use === 'exclusive') this.#exclusive = true;
    else this.#shared++;
  }

  #wake(): void {
    for (const wake of this.#pauseWaiters.splice(0)) wake();
    for (let next = this.#waiting[0]; next && this.#free(next.use); next = this.#waiting[0]) {
      this.#waiting.shift();
      this.#take(next.use);
      next.grant();
    }
  }
}
