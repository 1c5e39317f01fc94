import { z } from "zod";
import { RELIABILITY_LEVELS } from "../../../db/schema";
import { FuzzyDate, htmlUrl, pageMembers, Sources } from "./common";

export const RegisterSource = z
  .object({
    tag: z.string(),
    slug: z.string().meta({ description: "Same as `tag`." }),
    htmlUrl,
    sourceUrl: z.string().nullable().meta({ description: "Where the source itself is." }),
    title: z.string(),
    publisher: z.string().nullable(),
    description: z.string().nullable(),
    datePublished: FuzzyDate,
    reliability: z.enum(RELIABILITY_LEVELS),
    reliabilityNote: z.string().nullable(),
    factCount: z.number().int().meta({ description: "How many facts in the record it backs." }),
  })
  .meta({ id: "RegisterSource" });

export const RegisterConflict = z
  .object({
    id: z.number().int(),
    code: z.string(),
    htmlUrl,
    title: z.string(),
    description: z.string(),
    status: z.enum(["open", "resolved"]),
    resolution: z.string().nullable(),
    records: z.array(
      z.object({
        type: z.string(),
        field: z.string().nullable(),
        label: z.string(),
        url: z.string().nullable().meta({ description: "The record in the API, when it has its own URL there." }),
        htmlUrl: z.string().nullable(),
      }),
    ),
    sources: Sources,
  })
  .meta({ id: "RegisterConflict" });

export const SourceRegisterResponse = z
  .object({
    data: z.array(RegisterSource),
    ...pageMembers,
    conflicts: z.array(RegisterConflict).meta({ description: "Every disagreement between sources, with the records it affects." }),
    verification: z
      .object({ citations: z.number().int(), verified: z.number().int(), inferred: z.number().int() })
      .meta({ description: "How many citations there are, how many were checked against a docket, and how many are inferences." }),
  })
  .meta({ description: "The source register." });
