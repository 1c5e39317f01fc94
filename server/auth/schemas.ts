import { z } from "zod";
import { USER_ROLES } from "../../db/schema";
import { MAX_PASSWORD_LENGTH, passwordProblem } from "./passwords";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const Email = z
  .string({ error: "is required" })
  .trim()
  .toLowerCase()
  .min(1, "is required")
  .max(254, "must be at most 254 characters")
  .regex(EMAIL, "must be an e-mail address like name@example.org");

/** A new staff account, from the admin page or `quash user add`. */
export const NewUser = z.object({
  email: Email,
  name: z.string({ error: "is required" }).trim().min(1, "is required").max(200, "must be at most 200 characters"),
  role: z.enum(USER_ROLES, { error: "must be admin, editor or viewer" }),
  password: z.string({ error: "is required" }).superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
});
export type NewUser = z.infer<typeof NewUser>;

/** The sign-in form. Only shape is checked here; whether it matches an account is not a field error. */
export const LoginForm = z.object({
  email: z.string().trim().toLowerCase().max(254).default(""),
  password: z.string().max(MAX_PASSWORD_LENGTH).default(""),
  next: z.string().max(500).optional(),
});

export const TokenLabel = z.string().trim().max(100, "must be at most 100 characters");
