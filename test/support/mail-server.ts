import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { Clock } from "../../server/shared/clock";

/** A real SMTP server on 127.0.0.1 (smtp-server), keeping every message it receives parsed by mailparser. */
export async function startSmtpServer() {
  const received: { to: string[]; mail: ParsedMail }[] = [];
  let refuseWith: number | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuseWith) {
        const error = new Error("mailbox unavailable") as Error & { responseCode: number };
        error.responseCode = refuseWith;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    smtp: { host: "127.0.0.1", port, secure: false, user: null, password: null },
    refuse(code: number | null) {
      refuseWith = code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type ReceivedRequest = { headers: IncomingMessage["headers"]; body: string };

/** A real HTTP webhook receiver on 127.0.0.1 answering with `status()` (200 unless told). */
export async function startWebhookReceiver() {
  const requests: ReceivedRequest[] = [];
  let status: () => number = () => 200;
  let delayMs = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      setTimeout(() => {
        res.statusCode = status();
        res.end("ok");
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests,
    answer(next: number | (() => number)) {
      status = typeof next === "number" ? () => next : next;
    },
    delay(ms: number) {
      delayMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A clock the test moves by hand. */
export function movableClock(start: string): Clock & { advance: (ms: number) => void; set: (iso: string) => void } {
  let at = new Date(start).getTime();
  return {
    now: () => new Date(at).toISOString(),
    today: (timeZone = "America/Los_Angeles") =>
      new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(at)),
    advance: (ms: number) => void (at += ms),
    set: (iso: string) => void (at = new Date(iso).getTime()),
  };
}
