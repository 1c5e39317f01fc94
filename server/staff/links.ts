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
    href: paths.staffDeleted(),
    label: "Deleted records",
    description: "Everything deleted, and every stricken docket entry: who, when, why; restore from here.",
    role: "viewer",
  },
  {
    href: paths.apiDocs(),
    label: "API for scripts",
    description: "Log filings and edit records with an API token: every write keeps a revision, stale edits are refused.",
    role: "editor",
  },
];
