import type { UserRole } from "../../db/schema";
import { paths } from "../paths";

/**
 * What the staff home links to. A staff feature adds its entry here; each link shows only to
 * users with at least `role`.
 */
export type StaffLink = { href: string; label: string; description: string; role: UserRole };

export const STAFF_LINKS: StaffLink[] = [
  {
    href: paths.adminUsers(),
    label: "Users and API tokens",
    description: "Add staff accounts, disable or enable them, and revoke API tokens.",
    role: "admin",
  },
  {
    href: paths.staffImport(),
    label: "Import from PACER",
    description: "Upload docket reports, RSS feeds or NEF e-mails, preview what will change, then import.",
    role: "editor",
  },
  {
    href: paths.staffUnpublished(),
    label: "Unpublished cases",
    description: "Cases the public sees nothing of yet (every new import starts here): review each, then publish it with a reason.",
    role: "viewer",
  },
  {
    href: paths.staffSealed(),
    label: "Sealed records",
    description:
      "Cases, party names, entries and documents sealed after the fact, with the order and reason; seal or unseal from each record's page.",
    role: "viewer",
  },
  {
    href: paths.staffReview(),
    label: "Held for review",
    description:
      "Records the publication guard kept from the public (an SSN, a birth date, a minor's name, a never-publish name): release or redact each.",
    role: "viewer",
  },
  {
    href: paths.staffAlerts(),
    label: "Alerts and webhooks",
    description:
      "Delivery health of e-mail alerts and webhooks (what was sent, what waits, what failed and why); admins register webhooks.",
    role: "viewer",
  },
  {
    href: paths.staffWatching(),
    label: "Watched dockets",
    description: "Cases whose court RSS feed is polled, the NEF mailbox, when each was last checked, errors, and messages to review.",
    role: "viewer",
  },
  // The record forms (server/forms): each list links every record to its form; viewers see them read-only.
  {
    href: paths.staffRecords("cases"),
    label: "Cases and dockets",
    description: "Log docket entries in a few keystrokes; edit a case, its parties, counsel, motions, orders, hearings and deadlines.",
    role: "viewer",
  },
  {
    href: paths.staffRecords("subpoenas"),
    label: "Subpoenas and summonses",
    description: "What each demand asks for, of which accounts, and how it became known.",
    role: "viewer",
  },
  { href: paths.staffRecords("accounts"), label: "Accounts", description: "The targeted accounts, by public handle only.", role: "viewer" },
  {
    href: paths.staffRecords("notices"),
    label: "Platform notices",
    description: "Notices to users, with the response window as stated.",
    role: "viewer",
  },
  {
    href: paths.staffRecords("attorneys"),
    label: "Attorneys",
    description: "Lawyers that counsel of record are drawn from.",
    role: "viewer",
  },
  {
    href: paths.staffRecords("events"),
    label: "Events",
    description: "Dated facts outside the dockets: withdrawals, takedowns, letters, statements.",
    role: "viewer",
  },
  {
    href: paths.staffRecords("sources"),
    label: "Source register",
    description: "Where facts come from; each record's form says which source backs which field.",
    role: "viewer",
  },
  {
    href: paths.staffDeleted(),
    label: "Deleted records",
    description: "Everything deleted, and every stricken docket entry: who, when, why; restore from here.",
    role: "viewer",
  },
  {
    href: paths.staffSearch(),
    label: "Search filings",
    description: "Full-text search of docket text and the text of uploaded PDFs, sealed material included (labelled).",
    role: "viewer",
  },
  {
    href: paths.apiDocs(),
    label: "API for scripts",
    description: "Log filings and edit records with an API token: every write keeps a revision, stale edits are refused.",
    role: "editor",
  },
];
