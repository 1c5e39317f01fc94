import type { UserRole } from "../../db/schema";

/** Each role can do everything the roles below it can: admin ⊃ editor ⊃ viewer. */
const RANK: Record<UserRole, number> = { viewer: 1, editor: 2, admin: 3 };

export function hasRole(role: UserRole, atLeast: UserRole): boolean {
  return RANK[role] >= RANK[atLeast];
}

export const ROLE_DESCRIPTIONS: Record<UserRole, string> = {
  admin: "manages users and tokens, and writes records",
  editor: "writes records",
  viewer: "reads staff-only pages",
};
