import type { ImapFlowOptions } from "imapflow";

/**
 * Reading the NEF mailbox over IMAP with imapflow: log in, open the folder, hand each message's
 * bytes to the caller, and move it to the processed folder (or flag it \Seen when there is none)
 * once the caller has recorded it. imapflow's own logging is off: it could echo what the server
 * says about the login. Every failure becomes a MailboxError in words for staff.
 */

export type MailboxTls = "tls" | "starttls" | "none";

export type MailboxSettings = {
  host: string;
  port: number;
  tls: MailboxTls;
  username: string;
  secret: string;
  folder: string;
  processedFolder: string | null;
};

export type MailboxMessage = {
  uid: number;
  bytes: Buffer;
  messageId: string | null;
  subject: string | null;
  sender: string | null;
  sentAt: string | null;
};

export class MailboxError extends Error {
  constructor(
    message: string,
    readonly kind: "credentials" | "unreachable" | "folder" | "protocol",
  ) {
    super(message);
    this.name = "MailboxError";
  }
}

const TIMEOUT_MS = 30_000;

function clientOptions(s: MailboxSettings): ImapFlowOptions {
  return {
    host: s.host,
    port: s.port,
    secure: s.tls === "tls",
    // "starttls" must upgrade (credentials never go in clear); "none" is for a server on this machine.
    doSTARTTLS: s.tls === "starttls" ? true : s.tls === "none" ? false : undefined,
    auth: { user: s.username, pass: s.secret },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS * 2,
    clientInfo: { name: "Quash NEF intake" },
  };
}

function explain(error: unknown, s: MailboxSettings): MailboxError {
  if (error instanceof MailboxError) return error;
  const e = error as { authenticationFailed?: boolean; code?: string; message?: string; responseText?: string };
  if (e.authenticationFailed)
    return new MailboxError(`the mailbox refused the user name or password for ${s.username} (bad credentials)`, "credentials");
  const where = `${s.host}:${s.port}`;
  if (
    e.code === "ECONNREFUSED" ||
    e.code === "ENOTFOUND" ||
    e.code === "EHOSTUNREACH" ||
    e.code === "ETIMEDOUT" ||
    e.code === "CONNECT_TIMEOUT" ||
    e.code === "GREETING_TIMEOUT"
  ) {
    return new MailboxError(`could not reach the mailbox server ${where} (${e.code})`, "unreachable");
  }
  if (e.code === "NoConnection" || e.code === "EConnectionClosed" || e.code === "ECONNRESET")
    return new MailboxError(`the mailbox server ${where} closed the connection (${e.code})`, "unreachable");
  const detail = (e.responseText ?? e.message ?? String(error)).split("\n")[0]!.slice(0, 200);
  return new MailboxError(`the mailbox server ${where} answered an error: ${detail}`, "protocol");
}

function firstAddress(list: { name?: string; address?: string }[] | undefined): string | null {
  const a = list?.[0];
  if (!a) return null;
  return a.name && a.address ? `${a.name} <${a.address}>` : (a.address ?? a.name ?? null);
}

/**
 * Reads every message waiting in the folder (all of them when processed messages are moved
 * away; the unseen ones when they stay), oldest first, and calls `handle` for each. A message is
 * moved (or flagged) only after `handle` returned, so one the process dies on is read again.
 */
export async function readMailbox(
  s: MailboxSettings,
  handle: (message: MailboxMessage) => Promise<void> | void,
  signal?: AbortSignal,
): Promise<{ read: number }> {
  // Loaded when a mailbox is first read: 6 MB of heap a server without one never holds.
  const { ImapFlow } = await import("imapflow");
  const client = new ImapFlow(clientOptions(s));
  client.on("error", () => undefined); // a dropped socket is reported by the pending call instead
  let read = 0;
  try {
    await client.connect();
    const lock = await client.getMailboxLock(s.folder).catch((error) => {
      throw new MailboxError(
        `the folder "${s.folder}" does not exist on the mailbox (${(error as Error).message.split("\n")[0]})`,
        "folder",
      );
    });
    try {
      if (s.processedFolder) {
        const exists = (await client.list()).some((m) => m.path === s.processedFolder);
        if (!exists) await client.mailboxCreate(s.processedFolder);
      }
      const uids = (await client.search(s.processedFolder ? { all: true } : { seen: false }, { uid: true })) || [];
      for (const uid of uids.sort((a, b) => a - b)) {
        if (signal?.aborted) break;
        const message = await client.fetchOne(String(uid), { uid: true, source: true, envelope: true }, { uid: true });
        if (!message || !message.source) continue;
        const envelope = message.envelope;
        await Promise.resolve(
          handle({
            uid,
            bytes: message.source,
            messageId: envelope?.messageId?.replace(/^<|>$/g, "") || null,
            subject: envelope?.subject ?? null,
            sender: firstAddress(envelope?.from),
            sentAt: envelope?.date ? new Date(envelope.date).toISOString() : null,
          }),
        ).catch((error: unknown) => {
          // Our own failure (the database), not the mailbox's: passed on as it is.
          throw new HandlerFailure(error);
        });
        if (s.processedFolder) await client.messageMove(String(uid), s.processedFolder, { uid: true });
        else await client.messageFlagsAdd(String(uid), ["\\Seen"], { uid: true });
        read++;
      }
    } finally {
      lock.release();
    }
    await client.logout();
    return { read };
  } catch (error) {
    client.close();
    if (error instanceof HandlerFailure) throw error.failure;
    throw explain(error, s);
  }
}

class HandlerFailure extends Error {
  constructor(readonly failure: unknown) {
    super("handler failed");
  }
}
