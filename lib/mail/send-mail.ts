import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";
import { componentLogger, errorFields } from "../log";

export type Mail = { to: string; subject: string; text: string; html: string };

/** Whether it went out; callers show the link to copy whenever it did not. */
export type MailResult = { sent: true } | { sent: false; reason: "not_configured" | "failed" };

const DEFAULT_FROM = "Marginalia <marginalia@localhost>";

let cached: { url: string; transporter: Transporter } | undefined;

/** One transporter per SMTP_URL; short timeouts so a dead mail server never holds up a request for long. */
function transporter(url: string): Transporter {
  if (cached?.url !== url) {
    cached = { url, transporter: nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 15_000 }) };
  }
  return cached.transporter;
}

/** True when SMTP_URL is set, so the UI can say whether an email will go out. */
export function isMailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

/** Sends one email through SMTP_URL. Never throws: a failure is logged and reported as `sent: false`. */
export async function sendMail(mail: Mail): Promise<MailResult> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) return { sent: false, reason: "not_configured" };
  try {
    await transporter(SMTP_URL).sendMail({ from: MAIL_FROM ?? DEFAULT_FROM, ...mail });
    return { sent: true };
  } catch (error) {
    componentLogger("mail").warn(errorFields(error), "sending failed");
    return { sent: false, reason: "failed" };
  }
}
