import { z } from "zod";
import { CaseListItem } from "./cases";
import { addressed, Conflicts, CourtRef, Sources } from "./common";
import { OrderItem } from "./orders";

const judgeBase = {
  ...addressed,
  name: z.string(),
  title: z.string(),
  initials: z.string().nullable().meta({ description: 'Initials the court appends to docket numbers ("TSH").' }),
  court: CourtRef.nullable(),
  caseCount: z.number().int(),
  orderCount: z.number().int(),
  sources: Sources,
  conflicts: Conflicts,
};

export const JudgeListItem = z.object(judgeBase).meta({ id: "JudgeListItem" });

export const JudgeRecord = z
  .object({
    ...judgeBase,
    assignedCases: z.array(CaseListItem),
    referredCases: z.array(CaseListItem).meta({ description: "Cases referred to the judge and assigned to someone else." }),
    orders: z.array(OrderItem).meta({ description: "The orders the judge signed, in date order." }),
  })
  .meta({ id: "Judge" });
