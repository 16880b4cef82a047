import { Writable } from 'node:stream';
import { expect } from 'chai';
import pino from 'pino';
import { loadConfig } from '../shared/config';
import { createMailer } from '../shared/mail';

describe('Configuration and mail without SMTP', () => {
  it('When nothing is set, the defaults of DESIGN §7 apply', () => {
    const config = loadConfig({});
    expect(config).to.include({
      port: 8080,
      databaseUrl: 'mysql://root@127.0.0.1:3306/reservation_purchase',
      redisUrl: 'redis://127.0.0.1:6379',
      paymentFailureRate: 0.2,
      smtpUrl: undefined,
      workerNice: 19,
    });
  });

  it('When a setting is invalid, start-up fails with a message naming it', () => {
    expect(() => loadConfig({ PORT: 'eighty', PAYMENT_FAILURE_RATE: '2', WORKER_NICE: '20' })).to.throw(/"PORT" must be a number.*"PAYMENT_FAILURE_RATE" must be less than or equal to 1.*"WORKER_NICE" must be less than or equal to 19/);
  });

  it('When the admin credential is half set or its password short, start-up fails; empty values (as compose passes them) mean unset', () => {
    expect(() => loadConfig({ ADMIN_USER: 'operator' })).to.throw(/ADMIN_PASSWORD/);
    expect(() => loadConfig({ ADMIN_USER: 'operator', ADMIN_PASSWORD: 'short' })).to.throw(/"ADMIN_PASSWORD" length must be at least 12/);
    expect(loadConfig({ ADMIN_USER: '', ADMIN_PASSWORD: '', SMTP_URL: '' })).to.include({ admin: undefined, smtpUrl: undefined });
    expect(loadConfig({ ADMIN_USER: 'operator', ADMIN_PASSWORD: 'long-enough-secret' }).admin).to.deep.equal({ user: 'operator', password: 'long-enough-secret' });
  });

  it('When NODE_ENV is production, JWT_SECRET is required', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).to.throw(/"JWT_SECRET" is required/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'a-long-production-secret' }).jwtSecret).to.equal('a-long-production-secret');
  });

  it('When SMTP_URL is unset, a mail is written to the log instead of being sent', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const mailer = createMailer({ smtpUrl: undefined, mailFrom: 'shop <shop@example.com>' }, pino(sink));
    await mailer.send({ to: 'kim@example.com', subject: 'code', text: 'Your verification code is 123456.' });
    expect(lines.join('')).to.contain('kim@example.com').and.to.contain('123456');
  });
});
