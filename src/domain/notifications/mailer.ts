// The SMTP transport for the outbox (src/domain/notifications/delivery.ts), from SMTP_URL.
import nodemailer, { type Transporter } from "nodemailer";

export type MailTransport = Pick<Transporter, "sendMail" | "close">;

/** smtp://user:pass@host:port or smtps://... (config.smtpUrl, validated by loadConfig). */
export function createMailTransport(smtpUrl: string): Transporter {
  return nodemailer.createTransport(smtpUrl);
}
