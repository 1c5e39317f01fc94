import { resolve } from "node:path";
import { z } from "zod";
import { MAX_PACER_INPUT_BYTES } from "./pacer/errors";

/** 20 MB: the largest request body, document upload or PACER file unless MAX_UPLOAD_BYTES says otherwise. */
export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/**
 * The only module that reads the environment. Every default works on a first run:
 * the tracker listens on 127.0.0.1:3000 and keeps its database and files under data/.
 */
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_FILE: z.string().min(1).default("data/quash.db"),
  DATA_DIR: z.string().min(1).default("data"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // Public base URL used in feeds and calendar links; defaults to the local address.
  PUBLIC_URL: z.string().url().optional(),
  // Largest accepted request body, upload or import file, in bytes: one limit, stated wherever a
  // page or a message names it (README, docs/staff.md). At most what the PACER parsers will read.
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive().max(MAX_PACER_INPUT_BYTES).default(DEFAULT_MAX_UPLOAD_BYTES),
  // Session cookies are marked Secure unless the operator runs plain HTTP on purpose.
  // Background jobs (court RSS polls, NEF intake…) run in this process unless turned off; with
  // several processes on one database, they share the jobs through leases, so "on" everywhere is safe.
  JOB_RUNNER: z.enum(["on", "off"]).default("on"),
  // Scheduled online backups: off unless BACKUP_DIR names a directory. Each is checked (a restore
  // drill) and the newest BACKUP_KEEP are kept; see docs/staff.md.
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_INTERVAL_HOURS: z.coerce
    .number()
    .min(1 / 60)
    .max(24 * 366)
    .default(24),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(10_000).default(14),
  // E-mail alerts (server/alerts): without SMTP_HOST the tracker refuses e-mail subscriptions and says why.
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().min(3).default("Quash alerts <alerts@localhost>"),
  // "true": TLS from the first byte (port 465); "false": plain, upgraded by STARTTLS when the server offers it.
  SMTP_SECURE: z.enum(["true", "false"]).optional(),
  // Court RSS polls: how long one fetch may take, and who to name in the User-Agent the courts see.
  POLL_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(30),
  POLL_CONTACT: z.string().max(200).optional(),
  // The NEF mailbox, when the operator sets it here rather than on the staff settings page.
  IMAP_HOST: z.string().min(1).optional(),
  IMAP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  IMAP_TLS: z.enum(["tls", "starttls", "none"]).default("tls"),
  IMAP_USER: z.string().optional(),
  IMAP_PASSWORD: z.string().optional(),
  IMAP_FOLDER: z.string().min(1).default("INBOX"),
  IMAP_PROCESSED_FOLDER: z.string().optional(),
  IMAP_POLL_MINUTES: z.coerce.number().int().min(1).max(1440).default(5),
  // The public read API's quota: requests a minute per client address (documented in the API's description and docs/api.md).
  API_REQUESTS_PER_MINUTE: z.coerce.number().int().positive().default(600),
  // Off renders every page on every request (bench/http-docket.ts measures the render with it).
  PAGE_CACHE: z.enum(["on", "off"]).default("on"),
  COOKIE_SECURE: z.enum(["true", "false", "auto"]).default("auto"),
});

export type Config = {
  port: number;
  host: string;
  databaseFile: string;
  dataDir: string;
  logLevel: z.infer<typeof ConfigSchema>["LOG_LEVEL"];
  publicUrl: string;
  maxUploadBytes: number;
  cookieSecure: "true" | "false" | "auto";
  jobRunner: boolean;
  /** Scheduled backups, or null when BACKUP_DIR is not set. */
  backups: { dir: string; intervalHours: number; keep: number } | null;
  /** SMTP for e-mail alerts; null when SMTP_HOST is not set (e-mail subscriptions are then refused). */
  smtp: SmtpConfig | null;
  /** The From: of every alert message. */
  mailFrom: string;
  pollTimeoutMs: number;
  /** What the courts' servers see: the product, and where to find who runs it. */
  pollUserAgent: string;
  /** The NEF mailbox from the environment; null when IMAP_HOST is not set (the settings page decides then). */
  imap: ImapConfig | null;
  apiRequestsPerMinute: number;
  /** Whether rendered public pages are kept (server/cache/page-cache.ts); off only to measure the render. */
  pageCache: boolean;
};

export type ImapConfig = {
  host: string;
  port: number;
  tls: "tls" | "starttls" | "none";
  username: string;
  secret: string;
  folder: string;
  processedFolder: string | null;
  intervalMinutes: number;
};

export type SmtpConfig = { host: string; port: number; secure: boolean; user: string | null; password: string | null };

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ConfigError(`Invalid configuration: ${String(first?.path[0])} ${first?.message}`);
  }
  const c = parsed.data;
  if (c.IMAP_HOST && (!c.IMAP_USER || !c.IMAP_PASSWORD))
    throw new ConfigError("Invalid configuration: IMAP_HOST needs IMAP_USER and IMAP_PASSWORD too");
  const publicUrl = (c.PUBLIC_URL ?? `http://${c.HOST === "0.0.0.0" ? "localhost" : c.HOST}:${c.PORT}`).replace(/\/$/, "");
  return {
    port: c.PORT,
    host: c.HOST,
    databaseFile: c.DATABASE_FILE === ":memory:" ? ":memory:" : resolve(c.DATABASE_FILE),
    dataDir: resolve(c.DATA_DIR),
    logLevel: c.LOG_LEVEL,
    publicUrl,
    maxUploadBytes: c.MAX_UPLOAD_BYTES,
    cookieSecure: c.COOKIE_SECURE,
    jobRunner: c.JOB_RUNNER === "on",
    backups: c.BACKUP_DIR ? { dir: resolve(c.BACKUP_DIR), intervalHours: c.BACKUP_INTERVAL_HOURS, keep: c.BACKUP_KEEP } : null,
    smtp: c.SMTP_HOST
      ? {
          host: c.SMTP_HOST,
          port: c.SMTP_PORT ?? (c.SMTP_SECURE === "true" ? 465 : 587),
          secure: c.SMTP_SECURE ? c.SMTP_SECURE === "true" : c.SMTP_PORT === 465,
          user: c.SMTP_USER ?? null,
          password: c.SMTP_PASSWORD ?? null,
        }
      : null,
    mailFrom: c.SMTP_FROM,
    pollTimeoutMs: c.POLL_TIMEOUT_SECONDS * 1000,
    pollUserAgent: userAgent(publicUrl, c.POLL_CONTACT),
    imap: c.IMAP_HOST
      ? {
          host: c.IMAP_HOST,
          port: c.IMAP_PORT ?? (c.IMAP_TLS === "tls" ? 993 : 143),
          tls: c.IMAP_TLS,
          username: c.IMAP_USER!,
          secret: c.IMAP_PASSWORD!,
          folder: c.IMAP_FOLDER,
          processedFolder: c.IMAP_PROCESSED_FOLDER || null,
          intervalMinutes: c.IMAP_POLL_MINUTES,
        }
      : null,
    apiRequestsPerMinute: c.API_REQUESTS_PER_MINUTE,
    pageCache: c.PAGE_CACHE === "on",
  };
}

const VERSION = "0.1";

/** "Quash/0.1 (docket tracker; +https://tracker.example.org; clinic@example.org)". */
function userAgent(publicUrl: string, contact: string | undefined): string {
  return `Quash/${VERSION} (docket tracker; +${publicUrl}${contact ? `; ${contact}` : ""})`;
}

/** Configuration for tests: in-memory database, no listening port needed. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: "127.0.0.1",
    databaseFile: ":memory:",
    dataDir: resolve(".test-results/data"),
    logLevel: "silent",
    publicUrl: "http://127.0.0.1:3000",
    maxUploadBytes: DEFAULT_MAX_UPLOAD_BYTES,
    cookieSecure: "false",
    jobRunner: false,
    backups: null,
    smtp: null,
    mailFrom: "Quash alerts <alerts@quash.test>",
    pollTimeoutMs: 30_000,
    pollUserAgent: userAgent("http://127.0.0.1:3000", undefined),
    imap: null,
    // Tests send thousands of API requests from one address; the quota's own tests set a small one.
    apiRequestsPerMinute: 100_000,
    pageCache: true,
    ...overrides,
  };
}
