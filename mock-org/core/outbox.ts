/**
 * Where the mock org "sends" SMS, voice calls and emails: a driver with the `otp-outbox`
 * capability reads them back through the control protocol.
 */
export type OutboxChannel = 'sms' | 'call' | 'email';

export interface OutboxMessage {
  userId: string;
  /** The factor the message belongs to; absent for an account-recovery message. */
  factorId?: string;
  channel: OutboxChannel;
  to: string;
  /** The one-time secret the message carries: an OTP, or for a recovery email the recovery token its link holds. */
  passCode: string;
  sentAt: string;
  /** Account-recovery messages (Authentication API A12/A13): what is recovered. */
  recoveryType?: 'PASSWORD' | 'UNLOCK';
  /** Which template and language the message was rendered with (sms `templateId`, `Accept-Language`). */
  templateId?: string;
  language?: string;
}

/** Delivers a message elsewhere (a telephony inline hook); false when it could not, and the outbox keeps it. */
export type MessageDelivery = (message: OutboxMessage) => Promise<boolean>;

export class Outbox {
  readonly #messages: OutboxMessage[] = [];
  readonly #pending = new Set<Promise<void>>();
  #delivery: { channels: ReadonlySet<OutboxChannel>; deliver: MessageDelivery } | undefined;

  /** Sends messages of these channels through `deliver` first (Okta's fallback providers: the outbox). */
  deliverThrough(channels: readonly OutboxChannel[], deliver: MessageDelivery): void {
    this.#delivery = { channels: new Set(channels), deliver };
  }

  send(message: OutboxMessage): void {
    const delivery = this.#delivery;
    if (!delivery?.channels.has(message.channel)) {
      this.#messages.push(message);
      return;
    }
    const sent: Promise<void> = delivery
      .deliver(message)
      .catch(() => false)
      .then((delivered) => {
        if (!delivered) this.#messages.push(message);
      })
      .finally(() => this.#pending.delete(sent));
    this.#pending.add(sent);
  }

  /** Resolves once every delivery under way has ended (the API request waits for its hook, as Okta's does). */
  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  list(filter: { userId?: string; channel?: string } = {}): OutboxMessage[] {
    return this.#messages.filter(
      (m) => (filter.userId === undefined || m.userId === filter.userId) && (filter.channel === undefined || m.channel === filter.channel),
    );
  }

  clear(): void {
    this.#messages.length = 0;
  }
}
