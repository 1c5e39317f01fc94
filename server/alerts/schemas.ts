import { SearchQueryError, toMatchQuery } from "../public-search/query";
import { z } from "zod";
import { ALERT_FREQUENCIES, SUBSCRIPTION_TARGETS } from "../../db/schema";
import { ALERT_ENTRY_KINDS } from "./entry-kinds";

/** A form field that may come once (a string) or several times (an array), as checkboxes do. */
const many = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.enum(ALERT_ENTRY_KINDS, { error: "Choose from the kinds listed." })),
);

export const SubscribeForm = z
  .object({
    email: z
      .string()
      .trim()
      .max(254, { error: "An address is at most 254 characters." })
      .pipe(z.email({ error: "Enter an e-mail address such as name@example.org." })),
    target: z.enum(SUBSCRIPTION_TARGETS, { error: "Choose what to follow." }),
    case: z.string().max(200).optional(),
    subpoena: z.string().max(200).optional(),
    query: z.string().trim().max(200, { error: "A saved query is at most 200 characters." }).optional(),
    frequency: z.enum(ALERT_FREQUENCIES, { error: "Choose how often." }).default("immediate"),
    exclude: many,
    note: z.string().trim().max(500, { error: "A note is at most 500 characters." }).optional(),
    _csrf: z.string().optional(),
  })
  .superRefine((form, ctx) => {
    if (form.target === "case" && !form.case) ctx.addIssue({ code: "custom", path: ["case"], message: "Choose the case to follow." });
    if (form.target === "subpoena" && !form.subpoena)
      ctx.addIssue({ code: "custom", path: ["subpoena"], message: "Choose the subpoena to follow." });
    if (form.target === "query" && !form.query)
      ctx.addIssue({ code: "custom", path: ["query"], message: "Enter the words an entry must contain." });
    if (form.target === "query" && form.query) {
      // The public search's own language (server/public-search/query.ts), refused here as it would be there.
      try {
        toMatchQuery(form.query);
      } catch (error) {
        if (!(error instanceof SearchQueryError)) throw error;
        ctx.addIssue({ code: "custom", path: ["query"], message: error.message });
      }
    }
  });
export type SubscribeInput = z.infer<typeof SubscribeForm>;

export const SubscribeQuery = z.object({
  case: z.string().max(200).optional(),
  subpoena: z.string().max(200).optional(),
  // "Alert me" on the search page: the search as a saved query.
  query: z.string().max(200).optional(),
});
// Any text: an unknown token is a 404 from the handler, after the CSRF check a signed-in browser meets first.
export const TokenParams = z.object({ token: z.string().min(1).max(100) });
export const SubscriptionParams = TokenParams.extend({ id: z.coerce.number().int().positive() });
export const ManageQuery = z.object({ done: z.enum(["confirmed", "cancelled", "cancelled-all", "unsubscribed"]).optional() });

export const WebhookForm = z.object({
  url: z
    .string()
    .trim()
    .max(2000)
    .pipe(z.url({ protocol: /^https?$/, error: "Enter the receiver's http:// or https:// address." })),
  label: z.string().trim().min(1, { error: "Name the webhook (who or what receives it)." }).max(100),
  events: z.preprocess(
    (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.enum(["entry", "order", "status", "hearing", "deadline"], { error: "Choose from the events listed." }))
      .min(1, { error: "Choose at least one event." }),
  ),
  _csrf: z.string().optional(),
});
export const WebhookParams = z.object({ id: z.coerce.number().int().positive() });
