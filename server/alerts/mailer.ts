import type { Transporter } from "nodemailer";
import type { SmtpConfig } from "../config";
import type { OutgoingMail } from "./mail";

/** Sends one message; resolves with the server's reply, rejects with an error whose message names no address. */
export type Mailer = { send: (to: string, mail: OutgoingMail) => Promise<{ response: string }>; close: () => void };

export class MailError extends Error {
  constructor(
    message: string,
    /** The SMTP reply code when the server refused (5xx: do not try again). */
    readonly responseCode: number | null,
  ) {
    super(message);
    this.name = "MailError";
  }
}

/** An SMTP mailer through nodemailer, from the configuration (server/config.ts: SMTP_*). */
export function createSmtpMailer(smtp: SmtpConfig, from: string): Mailer {
  // nodemailer is loaded with the first message sent: 3 MB of heap a server that sends none never holds.
  let transport: Promise<Transporter> | undefined;
  const open = () =>
    (transport ??= import("nodemailer").then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? "" } : undefined,
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 30_000,
      }),
    ));
  return {
    async send(to, mail) {
      const smtpTransport = await open();
      try {
        const info = await smtpTransport.sendMail({
          from,
          to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          headers: mail.headers,
        });
        return { response: String(info.response ?? "") };
      } catch (error) {
        // nodemailer's messages can quote the envelope; keep the code and the server's words only.
        const e = error as { responseCode?: number; code?: string; response?: string };
        const words = e.response ? e.response.replace(/<[^>]*>/g, "<…>").slice(0, 200) : (e.code ?? "the mail server did not answer");
        throw new MailError(`SMTP: ${words}`, typeof e.responseCode === "number" ? e.responseCode : null);
      }
    },
    close: () => void transport?.then((t) => t.close()),
  };
}
