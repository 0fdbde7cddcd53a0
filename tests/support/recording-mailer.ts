import type { Mailer, MailMessage } from '../../src/server/mail/mailer';

/** A mailer that keeps what it is given, for tests that read the mail a verb caused. */
export class RecordingMailer implements Mailer {
  readonly sent: MailMessage[] = [];
  async send(message: MailMessage) {
    this.sent.push(message);
  }
}
