import type { AuthUser } from "../auth/accounts";
import { hasRole, ROLE_DESCRIPTIONS } from "../auth/roles";
import { paths } from "../paths";
import { STAFF_LINKS } from "./links";

export type StaffHomeView = {
  title: string;
  user: { name: string; email: string; role: string; roleDescription: string };
  links: { href: string; label: string; description: string }[];
  logoutAction: string;
};

export function toStaffHomeView(user: AuthUser): StaffHomeView {
  return {
    title: "Staff",
    user: { name: user.name, email: user.email, role: user.role, roleDescription: ROLE_DESCRIPTIONS[user.role] },
    links: STAFF_LINKS.filter((link) => hasRole(user.role, link.role)).map(({ href, label, description }) => ({
      href,
      label,
      description,
    })),
    logoutAction: paths.logout(),
  };
}
