import { z } from "zod";
import { NEVER_PUBLISH_NOTICES, REVIEW_NOTICES } from "./view-models";

export const HoldParams = z.object({
  holdId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});
export const TermParams = z.object({
  slug: z.string().min(1).max(200),
  termId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});
export const ReviewQuery = z.object({ done: z.enum(Object.keys(REVIEW_NOTICES) as [keyof typeof REVIEW_NOTICES]).optional() });
export const NeverPublishQuery = z.object({
  done: z.enum(Object.keys(NEVER_PUBLISH_NOTICES) as [keyof typeof NEVER_PUBLISH_NOTICES]).optional(),
  held: z.coerce.number().int().min(0).max(1_000_000).optional(),
});

/** A form field as sent: text, or nothing. */
export const formText = (body: unknown, key: string): string => {
  const value = (body as Record<string, unknown> | undefined)?.[key];
  return typeof value === "string" ? value : "";
};
