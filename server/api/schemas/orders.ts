import { z } from "zod";
import { MOTION_KINDS, MOTION_STATUSES } from "../../../db/schema";
import { coverageTerms, orderIdentity, orderSigning } from "./cases";
import { AccountRef, CaseRef, Conflicts, OrganizationRef, Sources, SubpoenaRef } from "./common";

export const OrderItem = z
  .object({
    ...orderIdentity,
    case: CaseRef,
    entry: z
      .object({
        id: z.number().int(),
        number: z
          .number()
          .int()
          .nullable()
          .meta({ description: "The entry's number on the docket (its ECF No.); null for an unnumbered entry." }),
        ecf: z.string().nullable().meta({ description: "How to cite it: `ECF No. 12`." }),
        htmlUrl: z.string().meta({ description: "The entry's own page." }),
      })
      .nullable()
      .meta({
        description: "The order's docket entry, when the public may see it (a sealed entry's number is public, as the docket shows it).",
      }),
    ...orderSigning,
    standing: z.enum(["in_force", "ended", "none"]).meta({
      description:
        "Derived from its coverage: `in_force` while anything it protects is in force, `ended` when all has ended, `none` when it protects nothing (rulings, scheduling).",
    }),
    dispositions: z.array(
      z.object({
        motion: z.object({
          id: z.number().int(),
          title: z.string(),
          kind: z.enum(MOTION_KINDS),
          status: z.enum(MOTION_STATUSES),
          sources: Sources,
        }),
        disposition: z.enum(MOTION_STATUSES),
      }),
    ),
    coverage: z.array(
      z.object({
        id: z.number().int(),
        subpoena: SubpoenaRef,
        account: AccountRef.nullable(),
        allAccountsOfMovant: z.boolean(),
        addressee: OrganizationRef.nullable().meta({ description: "Who is told not to produce (Meta)." }),
        ...coverageTerms,
        sources: Sources,
        conflicts: Conflicts,
      }),
    ),
    sources: Sources,
    conflicts: Conflicts,
  })
  .meta({ id: "Order" });
