import { z } from "zod";
import { PUBLIC_CASE_GROUPS } from "../../db/schema";

/*
 * What a publication decision takes: always a reason, which goes into the case's revision;
 * publishing may also place the case in a group (it must, when the case is Unsorted). The API
 * bodies and the staff forms share these fields and their messages.
 */

export const REASON_MAX = 500;

const reason = z
  .string({ error: (i) => (i.input === undefined ? "is required: say why" : "must be text") })
  .trim()
  .min(1, "is required: say why")
  .max(REASON_MAX, `must be at most ${REASON_MAX} characters`);

const group = z.enum(PUBLIC_CASE_GROUPS, { error: `must be one of: ${PUBLIC_CASE_GROUPS.join(", ")}` });

export const PublishBody = z
  .strictObject({
    reason: reason.meta({ description: "Why the public may now see the case; kept in its revision." }),
    group: group.optional().meta({ description: "Where the case goes on the public lists; required while the case is `unsorted`." }),
  })
  .meta({ id: "PublishCase", description: "Publish a case: it and everything of it reach the public pages, feeds and API." });
export type PublishInput = z.infer<typeof PublishBody>;

export const UnpublishBody = z
  .strictObject({ reason: reason.meta({ description: "Why the public may no longer see the case; kept in its revision." }) })
  .meta({ id: "UnpublishCase", description: "Take a case back from the public: staff still see it." });
export type UnpublishInput = z.infer<typeof UnpublishBody>;

/** The staff forms: the same fields as text, an empty group meaning "keep the case's own". */
export const PublishForm = z.object({
  reason: z.string().default(""),
  group: z.string().default(""),
  version: z.coerce.number().int().positive().optional(),
});

export const ORDER_REFERENCE_MAX = 300;

/** What is sealed after the fact: a docket entry, a document, a party's name, a whole case. */
export const SEAL_KINDS = ["entry", "document", "party", "case"] as const;
export type SealKind = (typeof SEAL_KINDS)[number];

const orderReference = z
  .string({ error: (i) => (i.input === undefined ? 'is required: cite the court\'s order ("ECF No. 45")' : "must be text") })
  .trim()
  .min(1, 'is required: cite the court\'s order ("ECF No. 45")')
  .max(ORDER_REFERENCE_MAX, `must be at most ${ORDER_REFERENCE_MAX} characters`);

export const SealBody = z
  .strictObject({
    reason: reason.meta({ description: "Why, in staff's words; kept with the record while the seal lasts and in its revision for good." }),
    orderReference: orderReference.meta({
      description: 'The court\'s order that seals (or unseals) it, as the docket cites it: "ECF No. 45", "Order of 2026-02-03".',
    }),
  })
  .meta({ id: "SealDecision", description: "Seal or unseal a record after the fact, citing the court's order." });
export type SealInput = z.infer<typeof SealBody>;

/** The seal forms: the same fields as text. */
export const SealForm = z.object({
  reason: z.string().default(""),
  orderReference: z.string().default(""),
  version: z.coerce.number().int().positive().optional(),
});
