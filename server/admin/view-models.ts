import { USER_ROLES } from "../../db/schema";
import type { Accounts, AuthUser } from "../auth/accounts";
import { MIN_PASSWORD_LENGTH } from "../auth/passwords";
import { ROLE_DESCRIPTIONS } from "../auth/roles";
import type { FieldError } from "../errors";
import { paths } from "../paths";
import { formatDay } from "../shared/dates";
import { ADMIN_NOTICES } from "./schemas";

type Users = ReturnType<Accounts["listUsers"]>;
type Tokens = ReturnType<Accounts["listTokens"]>;

const day = (iso: string | null) => (iso ? { text: formatDay(iso.slice(0, 10)), datetime: iso } : null);

export type AddUserInput = { email?: string; name?: string; role?: string };

export function toAdminUsersView(input: {
  me: AuthUser;
  users: Users;
  tokens: Tokens;
  notice?: keyof typeof ADMIN_NOTICES;
  form?: AddUserInput;
  errors?: FieldError[];
}) {
  const errors = Object.fromEntries((input.errors ?? []).map((e) => [e.path, e.message]));
  const form = input.form ?? {};
  return {
    title: "Users and API tokens",
    notice: input.notice ? ADMIN_NOTICES[input.notice] : null,
    hasErrors: (input.errors ?? []).length > 0,
    users: input.users.map((user) => ({
      name: user.name,
      email: user.email,
      role: user.role,
      disabled: user.disabledAt !== null,
      created: day(user.createdAt),
      isMe: user.id === input.me.id,
      disableAction: paths.adminUserDisable(user.id),
      enableAction: paths.adminUserEnable(user.id),
    })),
    tokens: input.tokens.map(({ token, user }) => ({
      id: token.id,
      userEmail: user.email,
      label: token.label,
      prefix: token.prefix,
      created: day(token.createdAt),
      lastUsed: day(token.lastUsedAt),
      revoked: token.revokedAt !== null,
      revokeAction: paths.adminTokenRevoke(token.id),
    })),
    addUser: {
      action: paths.adminUsers(),
      email: form.email ?? "",
      name: form.name ?? "",
      roles: USER_ROLES.map((role) => ({
        value: role,
        label: `${role}: ${ROLE_DESCRIPTIONS[role]}`,
        selected: (form.role ?? "editor") === role,
      })),
      minPasswordLength: MIN_PASSWORD_LENGTH,
      errors: {
        email: errors["email"] ?? null,
        name: errors["name"] ?? null,
        role: errors["role"] ?? null,
        password: errors["password"] ?? null,
      },
    },
  };
}
