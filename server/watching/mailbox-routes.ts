import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { MAILBOX_TLS_MODES } from "../../db/schema";
import { setFlash } from "../forms/flash";
import { mailboxSettingsView, saveMailboxSettings, type MailboxSettingsView } from "../nef-intake/settings";
import { paths } from "../paths";
import { actorFor, requireCsrf, requireRole } from "../auth/hooks";
import { createNefIntakeRepository } from "../nef-intake/repository";
import { MailboxForm } from "./schemas";

const TLS_LABELS: Record<string, string> = {
  tls: "TLS from the start (port 993)",
  starttls: "STARTTLS, required (port 143)",
  none: "none: only for a server on this machine",
};

type FormValues = Omit<MailboxSettingsView, "source" | "hasSecret" | "updatedAt" | "updatedBy">;

/** The settings form's fields; the password is never filled in, only said to be stored. */
function fieldsOf(values: FormValues, hasSecret: boolean, errors: Record<string, string>) {
  const text = (name: keyof FormValues, label: string, hint = "", type = "text", autocomplete = "off") => ({
    name,
    label,
    hint,
    type,
    autocomplete,
    value: String(values[name] ?? ""),
    error: errors[name],
  });
  return [
    text("host", "IMAP server", "imap.example.org"),
    text("port", "Port", "993 for TLS, 143 for STARTTLS", "number"),
    {
      name: "tls",
      label: "Encryption",
      choices: MAILBOX_TLS_MODES.map((m) => ({ value: m, label: TLS_LABELS[m], selected: values.tls === m })),
      error: errors.tls,
    },
    text("username", "User name", "Often the whole address: nef@clinic.example.org", "text", "username"),
    {
      name: "secret",
      label: "Password or app token",
      hint: hasSecret
        ? "A password is stored. Leave this empty to keep it; it is never shown."
        : "Use an app password where the provider offers one.",
      type: "password",
      autocomplete: "new-password",
      value: "",
      error: errors.secret,
    },
    text("folder", "Folder to read", "INBOX, or the folder a filter puts NEFs in"),
    text("processedFolder", "Move processed messages to", "Created if missing. Empty: leave them in the folder, flagged as read."),
    text("intervalMinutes", "Minutes between reads", "At least 1", "number"),
    { name: "enabled", label: "Read this mailbox", checkbox: true, checked: values.enabled },
  ];
}

export async function mailboxRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const repo = createNefIntakeRepository(app.db);
  const admin = { onRequest: requireRole("admin"), preHandler: requireCsrf };

  const render = (reply: FastifyReply, values: FormValues, errors: Record<string, string> = {}, formError: string | null = null) => {
    const view = mailboxSettingsView(app.config, repo);
    return reply.view("watching/mailbox.hbs", {
      title: "NEF mailbox",
      fromEnvironment: view.source === "environment",
      formError,
      action: paths.staffWatchingMailbox(),
      removeAction: paths.staffWatchingMailboxRemove(),
      canRemove: view.source === "settings page",
      backHref: paths.staffWatching(),
      fields: fieldsOf(values, view.hasSecret, errors),
    });
  };

  app.get(paths.staffWatchingMailbox(), { onRequest: requireRole("admin") }, async (_request, reply) =>
    render(reply, mailboxSettingsView(app.config, repo)),
  );

  app.post(paths.staffWatchingMailbox(), admin, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, string>;
    const parsed = MailboxForm.safeParse(body);
    const typed: FormValues = {
      host: body.host ?? "",
      port: Number(body.port) || 0,
      tls: (body.tls as FormValues["tls"]) ?? "tls",
      username: body.username ?? "",
      folder: body.folder ?? "",
      processedFolder: body.processedFolder ?? "",
      intervalMinutes: Number(body.intervalMinutes) || 0,
      enabled: body.enabled === "on",
    };
    if (!parsed.success) {
      const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
      return render(reply.code(422), typed, errors, "The mailbox was not saved: see the fields marked below.");
    }
    if (!parsed.data.secret && !repo.mailboxSettings()) {
      return render(
        reply.code(422),
        typed,
        { secret: "is needed the first time" },
        "The mailbox was not saved: see the fields marked below.",
      );
    }
    saveMailboxSettings(app.config, app.db, parsed.data, actorFor(request).label, app.clock.now());
    setFlash(
      reply,
      `Saved the mailbox ${parsed.data.username} at ${parsed.data.host}; it is read ${parsed.data.enabled ? `every ${parsed.data.intervalMinutes} min` : "no more (turned off)"}.`,
    );
    return reply.redirect(`${paths.staffWatching()}#mailbox`, 303);
  });

  app.post(paths.staffWatchingMailboxRemove(), admin, async (_request, reply) => {
    repo.deleteMailboxSettings();
    setFlash(reply, "Removed the mailbox: NEF e-mails are imported only when uploaded now.");
    return reply.redirect(`${paths.staffWatching()}#mailbox`, 303);
  });
}
