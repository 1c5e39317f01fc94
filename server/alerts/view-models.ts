import type * as s from "../../db/schema";
import { DELIVERY_STATUSES, type AlertEventKind } from "../../db/schema";
import { paths } from "../paths";
import type { FieldError } from "../errors";
import { errorsByField } from "../errors";
import { ALERT_ENTRY_KIND_LABELS, ALERT_ENTRY_KINDS, ROUTINE_ENTRY_KINDS, type AlertEntryKind } from "./entry-kinds";
import { FREQUENCY_WORDS } from "./describe";
import type { DeliveryHealth } from "./health";
import { parseKinds } from "./recipients";

export const EVENT_LABELS: Record<AlertEventKind, string> = {
  entry: "New docket entries",
  order: "New orders",
  status: "Status changes of subpoenas and cases",
  hearing: "Hearings set",
  deadline: "Deadlines set",
};

type Choice = { value: string; label: string; selected: boolean };

export type SubscribeValues = {
  email: string;
  target: string;
  case: string;
  subpoena: string;
  query: string;
  frequency: string;
  exclude: string[];
  note: string;
};

export const EMPTY_SUBSCRIBE: SubscribeValues = {
  email: "",
  target: "all",
  case: "",
  subpoena: "",
  query: "",
  frequency: "immediate",
  exclude: [],
  note: "",
};

export function toSubscribeView(input: {
  csrfToken: string;
  mailReady: boolean;
  cases: { slug: string; caption: string }[];
  subpoenas: { slug: string; title: string }[];
  values: SubscribeValues;
  errors?: FieldError[];
  message?: string | null;
}) {
  const errors = errorsByField(input.errors ?? []);
  const v = input.values;
  const choice = (value: string, label: string, current: string): Choice => ({ value, label, selected: value === current });
  return {
    title: "Follow what matters: e-mail alerts",
    action: paths.alerts(),
    csrfToken: input.csrfToken,
    mailReady: input.mailReady,
    message: input.message ?? null,
    errorSummary: input.errors?.length
      ? { heading: "The alert was not saved", items: input.errors.map((e) => ({ text: e.message, href: `#alert-${e.path || "email"}` })) }
      : null,
    errors,
    values: v,
    targets: [
      choice("all", "Everything on the tracker", v.target),
      choice("case", "One case", v.target),
      choice("subpoena", "One subpoena (and the cases challenging it)", v.target),
      choice("query", "Docket entries containing these words", v.target),
    ],
    cases: input.cases.map((c) => choice(c.slug, c.caption, v.case)),
    subpoenas: input.subpoenas.map((sp) => choice(sp.slug, sp.title, v.subpoena)),
    frequencies: [
      choice("immediate", "One message per update", v.frequency),
      choice("daily", "A daily digest (07:00 Pacific)", v.frequency),
    ],
    kinds: ALERT_ENTRY_KINDS.map((k) => ({
      value: k,
      label: ALERT_ENTRY_KIND_LABELS[k],
      checked: v.exclude.includes(k),
      routine: (ROUTINE_ENTRY_KINDS as readonly string[]).includes(k),
    })),
  };
}

export function toSubscribeSentView(input: { what: string }) {
  return { title: "Check your inbox", what: input.what, home: paths.home() };
}

type SubscriptionRow = typeof s.subscriptions.$inferSelect;

const DONE_WORDS = {
  confirmed: "Your alert is confirmed. Updates will come to this address.",
  cancelled: "That alert is cancelled: nothing more will be sent for it.",
  "cancelled-all": "Every alert of this address is cancelled: nothing more will be sent.",
  unsubscribed: "You are unsubscribed from that alert.",
} as const;

export function toManageView(input: {
  token: string;
  csrfToken: string;
  subscriptions: (SubscriptionRow & { what: string })[];
  done?: keyof typeof DONE_WORDS;
}) {
  const live = input.subscriptions.filter((sub) => !sub.cancelledAt);
  return {
    title: "Your alerts",
    csrfToken: input.csrfToken,
    done: input.done ? DONE_WORDS[input.done] : null,
    newAlert: paths.alerts(),
    cancelAll: live.length > 0 ? paths.alertsCancelAll(input.token) : null,
    subscriptions: input.subscriptions.map((sub) => ({
      what: sub.what,
      frequency: FREQUENCY_WORDS[sub.frequency],
      excluded: parseKinds(sub.excludedKinds).map((k: AlertEntryKind) => ALERT_ENTRY_KIND_LABELS[k]),
      note: sub.note,
      state: sub.cancelledAt ? "cancelled" : sub.confirmedAt ? "active" : "waiting for confirmation",
      active: !sub.cancelledAt,
      cancelUrl: sub.cancelledAt ? null : paths.alertsCancel(input.token, sub.id),
    })),
  };
}

export function toConfirmView(input: { what: string; frequency: string; action: string; csrfToken: string; already: boolean }) {
  return { title: "Confirm your alert", ...input };
}

export function toUnsubscribeView(input: { what: string; action: string; csrfToken: string; manageUrl: string }) {
  return { title: "Unsubscribe", ...input };
}

export function toStaffAlertsView(input: {
  health: DeliveryHealth;
  mailReady: boolean;
  csrfToken: string;
  canEdit: boolean;
  job: { nextRunAt: string; lastSuccessAt: string | null; lastError: string | null; attempts: number } | null;
  webhookForm?: { values: { url: string; label: string; events: string[] }; errors: FieldError[] };
  newSecret?: { label: string; secret: string } | null;
}) {
  const h = input.health;
  const count = (channel: string, status: string) => h.counts.find((c) => c.channel === channel && c.status === status)?.n ?? 0;
  const formErrors = errorsByField(input.webhookForm?.errors ?? []);
  const formValues = input.webhookForm?.values ?? { url: "", label: "", events: ["entry", "order", "status", "hearing", "deadline"] };
  const hookLabel = new Map(h.webhooks.map((w) => [w.id, w.label]));
  return {
    title: "Alerts: delivery health",
    csrfToken: input.csrfToken,
    canEdit: input.canEdit,
    mailReady: input.mailReady,
    job: input.job,
    subscribers: h.subscribers,
    unconfirmed: h.unconfirmed,
    subscriptions: h.subscriptions.map((r) => ({ target: r.target, frequency: FREQUENCY_WORDS[r.frequency], n: r.n })),
    channels: (["email", "webhook"] as const).map((channel) => ({
      channel: channel === "email" ? "E-mail" : "Webhooks",
      statuses: DELIVERY_STATUSES.map((status) => ({ status, n: count(channel, status) })),
      sentToday: h.sentToday.find((r) => r.channel === channel)?.n ?? 0,
    })),
    oldestPending: h.oldestPending,
    failures: h.recentFailures.map((f) => ({
      at: f.at,
      to: f.channel === "email" ? "e-mail" : `webhook “${hookLabel.get(f.webhookId ?? -1) ?? "removed"}”`,
      message: f.message ?? (f.httpStatus ? `HTTP ${f.httpStatus}` : "failed"),
      attempts: f.attempts,
      status: f.status,
    })),
    webhooks: h.webhooks.map((w) => {
      const stats = h.webhookStats.filter((r) => r.webhookId === w.id);
      const n = (status: string) => stats.find((r) => r.status === status)?.n ?? 0;
      const lastSent =
        stats
          .map((r) => r.lastSent)
          .filter((x): x is string => Boolean(x))
          .sort()
          .pop() ?? null;
      return {
        label: w.label,
        url: w.url,
        events: (JSON.parse(w.events) as AlertEventKind[]).map((e) => EVENT_LABELS[e]).join(", "),
        disabled: w.disabledAt !== null,
        disabledAt: w.disabledAt,
        disabledReason: w.disabledReason,
        sent: n("sent"),
        pending: n("pending"),
        failed: n("failed"),
        lastSent,
        toggleUrl: w.disabledAt ? paths.staffWebhookEnable(w.id) : paths.staffWebhookDisable(w.id),
        toggleLabel: w.disabledAt ? "Enable again" : "Disable",
      };
    }),
    webhookAction: paths.staffWebhooks(),
    webhookValues: formValues,
    webhookErrors: formErrors,
    webhookErrorSummary: input.webhookForm?.errors.length
      ? {
          heading: "The webhook was not registered",
          items: input.webhookForm.errors.map((e) => ({ text: e.message, href: `#webhook-${e.path}` })),
        }
      : null,
    eventChoices: (Object.keys(EVENT_LABELS) as AlertEventKind[]).map((e) => ({
      value: e,
      label: EVENT_LABELS[e],
      checked: formValues.events.includes(e),
    })),
    newSecret: input.newSecret ?? null,
    signingDoc: "server/alerts/README.md",
  };
}
