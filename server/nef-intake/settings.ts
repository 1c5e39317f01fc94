import type { Config } from "../config";
import { createNefIntakeRepository, type NefIntakeRepository } from "./repository";
import type { MailboxSettings, MailboxTls } from "./mailbox";
import { openSecret, sealSecret } from "./secret-box";

/**
 * Which mailbox the intake reads: the environment's (IMAP_HOST and the rest, see the README)
 * when it names a host, else the one staff saved on the settings page. The password never
 * leaves this module except to log in: what the page shows is `MailboxSettingsView`.
 */

export type MailboxSource = "environment" | "settings page";

export type ResolvedMailbox =
  | { source: MailboxSource; settings: MailboxSettings; intervalMinutes: number; enabled: boolean }
  | { source: "settings page"; problem: string; intervalMinutes: number; enabled: boolean };

/** The floor for the mailbox: a server on the clinic's side, but still no reason to ask more than once a minute. */
export const MIN_MAILBOX_MINUTES = 1;

export type MailboxSettingsView = {
  source: MailboxSource | null;
  host: string;
  port: number;
  tls: MailboxTls;
  username: string;
  /** Whether a password is stored; the password itself is never shown. */
  hasSecret: boolean;
  folder: string;
  processedFolder: string;
  intervalMinutes: number;
  enabled: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
};

export function resolveMailbox(config: Config, repo: NefIntakeRepository): ResolvedMailbox | null {
  if (config.imap) {
    const { intervalMinutes, ...settings } = config.imap;
    return { source: "environment", settings, intervalMinutes: Math.max(MIN_MAILBOX_MINUTES, intervalMinutes), enabled: true };
  }
  const row = repo.mailboxSettings();
  if (!row) return null;
  const secret = openSecret(config.dataDir, row.secretEncrypted);
  const intervalMinutes = Math.max(MIN_MAILBOX_MINUTES, row.intervalMinutes);
  if (secret === null) {
    return {
      source: "settings page",
      problem:
        "the saved mailbox password cannot be read (the key file DATA_DIR/mailbox.key is missing or different): enter the password again on the settings page",
      intervalMinutes,
      enabled: row.enabled,
    };
  }
  return {
    source: "settings page",
    settings: {
      host: row.host,
      port: row.port,
      tls: row.tls,
      username: row.username,
      secret,
      folder: row.folder,
      processedFolder: row.processedFolder,
    },
    intervalMinutes,
    enabled: row.enabled,
  };
}

export function mailboxSettingsView(config: Config, repo: NefIntakeRepository): MailboxSettingsView {
  if (config.imap) {
    const i = config.imap;
    return {
      source: "environment",
      host: i.host,
      port: i.port,
      tls: i.tls,
      username: i.username,
      hasSecret: i.secret.length > 0,
      folder: i.folder,
      processedFolder: i.processedFolder ?? "",
      intervalMinutes: i.intervalMinutes,
      enabled: true,
      updatedAt: null,
      updatedBy: null,
    };
  }
  const row = repo.mailboxSettings();
  if (!row)
    return {
      source: null,
      host: "",
      port: 993,
      tls: "tls",
      username: "",
      hasSecret: false,
      folder: "INBOX",
      processedFolder: "Quash-processed",
      intervalMinutes: 5,
      enabled: true,
      updatedAt: null,
      updatedBy: null,
    };
  return {
    source: "settings page",
    host: row.host,
    port: row.port,
    tls: row.tls,
    username: row.username,
    hasSecret: true,
    folder: row.folder,
    processedFolder: row.processedFolder ?? "",
    intervalMinutes: row.intervalMinutes,
    enabled: row.enabled,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

export type MailboxForm = {
  host: string;
  port: number;
  tls: MailboxTls;
  username: string;
  /** Empty: keep the stored one. */
  secret: string;
  folder: string;
  processedFolder: string;
  intervalMinutes: number;
  enabled: boolean;
};

/** Saves the settings page's mailbox; an empty password keeps the stored one (it is never sent back to the form). */
export function saveMailboxSettings(
  config: Config,
  db: Parameters<typeof createNefIntakeRepository>[0],
  form: MailboxForm,
  who: string,
  now: string,
): void {
  const repo = createNefIntakeRepository(db);
  const current = repo.mailboxSettings();
  const secretEncrypted = form.secret ? sealSecret(config.dataDir, form.secret) : current?.secretEncrypted;
  if (!secretEncrypted) throw new Error("a password or app token is needed");
  repo.saveMailboxSettings({
    host: form.host,
    port: form.port,
    tls: form.tls,
    username: form.username,
    secretEncrypted,
    folder: form.folder || "INBOX",
    processedFolder: form.processedFolder || null,
    intervalMinutes: form.intervalMinutes,
    enabled: form.enabled,
    updatedAt: now,
    updatedBy: who,
  });
}
