import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from './config';
import type { Logger } from './logger';

interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/**
 * Mail over SMTP (SMTP_URL). Without SMTP_URL mails are written to the log instead of being sent,
 * so a developer can read verification codes there.
 */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>, logger: Logger): Mailer {
  if (!config.smtpUrl) {
    logger.info('mails are logged, not sent: SMTP_URL is unset');
    return {
      send(mail) {
        logger.info({ mail: { from: config.mailFrom, ...mail } }, 'mail not sent (no SMTP_URL): logged instead');
        return Promise.resolve();
      },
      close() {},
    };
  }
  const transport: Transporter = nodemailer.createTransport(config.smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from: config.mailFrom, ...mail });
    },
    close() {
      transport.close();
    },
  };
}
