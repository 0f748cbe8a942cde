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

export class Outbox {
  readonly #messages: OutboxMessage[] = [];

  send(message: OutboxMessage): void {
    this.#messages.push(message);
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
