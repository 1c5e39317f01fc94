import { z } from "zod";
import { RecordIdParam } from "../shared/record-id";

export const UserIdParams = z.object({ id: RecordIdParam });
export const TokenIdParams = UserIdParams;

/** Which change the page just made, so it can say so after the 303. */
export const ADMIN_NOTICES = {
  added: "The user was added. Give them their password in person or over a secure channel.",
  disabled: "The user was disabled and signed out everywhere; their API tokens no longer work.",
  enabled: "The user was enabled.",
  revoked: "The token was revoked; scripts using it now get 401.",
} as const;

export const AdminUsersQuery = z.object({
  done: z.enum(Object.keys(ADMIN_NOTICES) as [keyof typeof ADMIN_NOTICES, ...(keyof typeof ADMIN_NOTICES)[]]).optional(),
});
