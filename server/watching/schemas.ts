import { z } from "zod";
import { MAILBOX_TLS_MODES } from "../../db/schema";
import { isFeedUrl, MIN_POLL_MINUTES } from "../court-feeds/feed-url";
import { MIN_MAILBOX_MINUTES } from "../nef-intake/settings";

export const CourtParams = z.object({ court: z.string().min(1).max(20) });
export const CaseSlugParams = z.object({ slug: z.string().min(1).max(200) });
export const MessageParams = z.object({ id: z.coerce.number().int().positive() });

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);

/** The "Watch" and "Stop watching" buttons. */
export const WatchForm = z.object({
  watched: z.enum(["true", "false"]).transform((v) => v === "true"),
  version: z.coerce.number().int().positive(),
});

/** A court's feed settings; empty fields go back to the defaults. */
export const FeedSettingsForm = z.object({
  feedUrl: z.preprocess(blankToUndefined, z.string().max(500).refine(isFeedUrl, "must be an http:// or https:// address").optional()),
  intervalMinutes: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ message: "must be a whole number of minutes" })
      .int("must be a whole number of minutes")
      .min(MIN_POLL_MINUTES, `must be at least ${MIN_POLL_MINUTES}: the courts' servers are polled no faster`)
      .max(1440, "must be at most 1440 (a day)")
      .optional(),
  ),
});

/** The mailbox settings page. The password field is empty unless the user types a new one. */
export const MailboxForm = z.object({
  host: z
    .string()
    .trim()
    .min(1, "is needed")
    .max(255)
    .regex(/^[A-Za-z0-9.-]+$|^\[[0-9a-fA-F:]+\]$/, "must be a host name or address, such as imap.example.org"),
  port: z.coerce
    .number({ message: "must be a port number" })
    .int("must be a port number")
    .min(1, "must be between 1 and 65535")
    .max(65535, "must be between 1 and 65535"),
  tls: z.enum(MAILBOX_TLS_MODES, { message: "must be one of the choices" }),
  username: z.string().trim().min(1, "is needed").max(320),
  secret: z.string().max(1000).default(""),
  folder: z.string().trim().max(200).default("INBOX"),
  processedFolder: z.string().trim().max(200).default(""),
  intervalMinutes: z.coerce
    .number({ message: "must be a whole number of minutes" })
    .int("must be a whole number of minutes")
    .min(MIN_MAILBOX_MINUTES, `must be at least ${MIN_MAILBOX_MINUTES}`)
    .max(1440, "must be at most 1440 (a day)"),
  enabled: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
});
