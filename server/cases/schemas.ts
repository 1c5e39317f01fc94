import { z } from "zod";
import { ENTRY_KINDS } from "../../db/schema";
import { isCalendarDate } from "../shared/dates";
import { DOCKET_PAGE_SIZE } from "../records/docket-position";

const day = z
  .string()
  .trim()
  .refine((v) => v === "" || isCalendarDate(v), "must be a real date in YYYY-MM-DD form")
  .transform((v) => (v === "" ? undefined : v));

export const CaseParams = z.object({ slug: z.string().min(1).max(200) });

/** Filters of the docket page; every one is optional and a blank field means "any". */
export const DocketQuery = z
  .object({
    from: day.optional(),
    to: day.optional(),
    kind: z
      .union([z.enum(ENTRY_KINDS), z.literal("")])
      .optional()
      .transform((v) => (v === "" ? undefined : v)),
    q: z
      .string()
      .trim()
      .max(200, "must be at most 200 characters")
      .optional()
      .transform((v) => v || undefined),
    order: z.enum(["asc", "desc"]).default("asc"),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    per: z.coerce.number().int().min(10).max(500).default(DOCKET_PAGE_SIZE),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "must not be before the start date", path: ["to"] });

export type DocketQuery = z.infer<typeof DocketQuery>;

export const CaseListQuery = z.object({
  group: z.enum(["meta", "other_platform", "related", "out_of_scope"]).optional(),
});

/** The cases page pages through the cases, CASES_PER_PAGE at a time. */
export const CASES_PER_PAGE = 100;
export const CaseIndexQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) });
