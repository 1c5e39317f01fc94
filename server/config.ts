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
  BACKUP_INTERVAL_HOURS: z.coerce.number().min(1 / 60).max(24 * 366).default(24),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(10_000).default(14),
  // E-mail alerts (server/alerts): without SMTP_HOST the tracker refuses e-mail subscriptions and says why.
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().min(3).default("Quash alerts <alerts@localhost>"),
  // "true": TLS from the first byte (port 465); "false": plain, upgraded by STARTTLS when the server offers it.
  SMTP_SECURE: z.enum(["true", "false"]).optional(),
  COOKIE_SECURE: z
    .enum(["true", "false", "auto"])
    .default("auto"),
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
  return {
    port: c.PORT,
    host: c.HOST,
    databaseFile: c.DATABASE_FILE === ":memory:" ? ":memory:" : resolve(c.DATABASE_FILE),
    dataDir: resolve(c.DATA_DIR),
    logLevel: c.LOG_LEVEL,
    publicUrl: (c.PUBLIC_URL ?? `http://${c.HOST === "0.0.0.0" ? "localhost" : c.HOST}:${c.PORT}`).replace(/\/$/, ""),
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
  };
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
    ...overrides,
  };
}
