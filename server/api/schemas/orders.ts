import { z } from "zod";
import { MOTION_KINDS, MOTION_STATUSES } from "../../../db/schema";
import { coverageTerms, orderIdentity, orderSigning } from "./cases";
import { AccountRef, CaseRef, Conflicts, OrganizationRef, Sources, SubpoenaRef } from "./common";

export const OrderItem = z
  .object({
    ...orderIdentity,
    case: CaseRef,
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
