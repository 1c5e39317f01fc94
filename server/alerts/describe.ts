import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { toPublic } from "../privacy/projection";
import { publicCauseOfRecord } from "../records/public-scope";

/** What a subscription follows, in words for its messages and the manage page ("the case Doe v. DHS"). */
export function subscriptionWhat(db: Db, sub: Pick<typeof s.subscriptions.$inferSelect, "target" | "targetId" | "query">): string {
  switch (sub.target) {
    case "all":
      return "everything on the tracker";
    case "query":
      return `docket entries matching “${sub.query ?? ""}”`;
    case "case": {
      const row = sub.targetId === null ? undefined : db.select().from(s.cases).where(eq(s.cases.id, sub.targetId)).get();
      const kase = row && publicCauseOfRecord(db, "case", row.id) === null ? toPublic("case", row) : null;
      return kase ? `the case ${kase.caption ?? kase.label}` : "a case no longer public on the tracker";
    }
    case "subpoena": {
      const row = sub.targetId === null ? undefined : db.select().from(s.subpoenas).where(eq(s.subpoenas.id, sub.targetId)).get();
      return row && publicCauseOfRecord(db, "subpoena", row.id) === null
        ? `the subpoena ${toPublic("subpoena", row).title}`
        : "a subpoena no longer on the tracker";
    }
  }
}

export const FREQUENCY_WORDS = { immediate: "one message per update", daily: "a daily digest" } as const;
