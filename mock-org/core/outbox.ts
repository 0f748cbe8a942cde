/**
 * Where the mock org "sends" SMS, voice calls and emails: a driver with the `otp-outbox`
 * capability reads them back through the control protocol.
 */
export type OutboxChannel = 'sms' | 'call' | 'email';

export interface OutboxMessage {
  userId: string;
  factorId: string;
  channel: OutboxChannel;
  to: string;
  passCode: string;
  sentAt: string;
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
