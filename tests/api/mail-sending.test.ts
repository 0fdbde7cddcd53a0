/** Which mailer sends, what the send_email binding receives, and what the development outbox keeps. */
import { describe, expect, it } from 'vitest';
import { composeMail } from '../../src/server/mail/layout';
import {
  DroppingMailer,
  listOutbox,
  MailDeliveryError,
  mailerFor,
  OutboxMailer,
  type SendEmailBinding,
  SendEmailMailer,
} from '../../src/server/mail/mailer';
import { passwordResetMail } from '../../src/server/mail/messages';
import { migratedMemoryDatabase } from '../support/libsql';

/** A stand-in for env.EMAIL that records what it is asked to send (or refuses, as an unverified sender is). */
function recordingBinding(refuse = false) {
  const sent: Parameters<SendEmailBinding['send']>[0][] = [];
  const binding: SendEmailBinding = {
    async send(message) {
      if (refuse) throw new Error('sender domain not verified');
      sent.push(message);
      return { messageId: `m${sent.length}` };
    },
  };
  return { binding, sent };
}

describe('mailer choice', () => {
  it('keeps mail in the outbox when DEV_OUTBOX is set, sends through the binding otherwise, and drops without', async () => {
    const { db } = await migratedMemoryDatabase();
    const { binding } = recordingBinding();
    expect(mailerFor({ DEV_OUTBOX: '1', EMAIL: binding }, db)).toBeInstanceOf(OutboxMailer);
    expect(mailerFor({ EMAIL: binding }, db)).toBeInstanceOf(SendEmailMailer);
    const dropping = mailerFor({}, db);
    expect(dropping).toBeInstanceOf(DroppingMailer);
    await dropping.send({ to: 'a@example.test', subject: 's', text: 't' });
    expect(await listOutbox(db)).toEqual([]);
  });
});

describe('SendEmailMailer', () => {
  it('hands the binding the sender as name and address, both parts and the extra headers', async () => {
    const { binding, sent } = recordingBinding();
    const mail = passwordResetMail('en', 'x@example.test', 'https://cho.example/reset?t=1');
    await new SendEmailMailer(binding, 'Chợ HTX <no-reply@cho.example>').send({
      ...mail,
      headers: { 'List-Unsubscribe': '<https://cho.example/u>' },
    });
    expect(sent).toEqual([
      {
        from: { name: 'Chợ HTX', email: 'no-reply@cho.example' },
        to: 'x@example.test',
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: { 'List-Unsubscribe': '<https://cho.example/u>' },
      },
    ]);
    expect(mail.html).toContain('lang="en"');
  });

  it('a bare sender address goes as it is; a refusal is a MailDeliveryError, so the outboxes retry', async () => {
    const ok = recordingBinding();
    await new SendEmailMailer(ok.binding, 'no-reply@cho.example').send({
      to: 'x@example.test',
      subject: 'S',
      text: 'T',
    });
    expect(ok.sent[0]).toEqual({ from: 'no-reply@cho.example', to: 'x@example.test', subject: 'S', text: 'T' });
    const refusing = recordingBinding(true);
    await expect(
      new SendEmailMailer(refusing.binding, 'no-reply@cho.example').send({
        to: 'x@example.test',
        subject: 'S',
        text: 'T',
      }),
    ).rejects.toThrow(MailDeliveryError);
  });
});

describe('the development outbox', () => {
  it('keeps the text part, the HTML part and the extra header fields', async () => {
    const { db } = await migratedMemoryDatabase();
    const mail = composeMail('vi', 'a@example.test', 'Chào', 'Xin chào <b>bạn</b>');
    await new OutboxMailer(db).send({ ...mail, headers: { 'X-Test': '1' } });
    const [stored] = await listOutbox(db);
    expect(stored).toMatchObject({ textBody: 'Xin chào <b>bạn</b>', htmlBody: mail.html, headers: { 'X-Test': '1' } });
    expect(stored?.htmlBody).toContain('Xin chào &lt;b&gt;bạn&lt;/b&gt;');
  });
});
