import * as s from "../../db/schema";
import { CONFLICTS } from "../data/conflicts";
import { EVENTS_2025 } from "../data/events-2025";
import { EVENTS_2026 } from "../data/events-2026";
import { fuzzyColumns } from "../dates";
import { findBy, type SeedContext } from "./context";

/** Events with who acted and what they concern, then the conflicts and the records they touch. */
export function loadEvents({ db, w }: SeedContext): void {
  for (const event of [...EVENTS_2025, ...EVENTS_2026]) {
    const eventId = w.record(
      "event",
      event.slug,
      {
        slug: event.slug,
        kind: event.kind,
        title: event.title,
        description: event.description,
        ...fuzzyColumns("date", event.date),
        caseId: w.optionalNum("case", event.case),
        subpoenaId: w.optionalNum("subpoena", event.subpoena),
      },
      { cites: event.cites, naturalMatch: findBy(db, s.events, s.events.slug, event.slug) },
    ) as number;
    const links = [
      ...(event.actors ?? []).map((ref) => ({ ref, role: "actor" as const })),
      ...(event.subjects ?? []).map((ref) => ({ ref, role: "subject" as const })),
    ];
    for (const { ref, role } of links) {
      w.link(["event", eventId], s.eventLinks, { eventId, recordType: ref.type, recordId: String(w.ref(ref.type, ref.key)), role }, [
        "eventId",
        "recordType",
        "recordId",
        "role",
      ]);
    }
  }

  for (const conflict of CONFLICTS) {
    const conflictId = w.record(
      "conflict",
      conflict.code,
      {
        code: conflict.code,
        title: conflict.title,
        description: conflict.description,
        status: conflict.status ?? "open",
        resolution: conflict.resolution ?? null,
      },
      { cites: conflict.cites, naturalMatch: findBy(db, s.conflicts, s.conflicts.code, conflict.code) },
    ) as number;
    for (const record of conflict.records) {
      if (record.field !== undefined) w.assertField(record.type, record.field);
      w.link(
        ["conflict", conflictId],
        s.conflictRecords,
        {
          conflictId,
          recordType: record.type,
          recordId: String(w.ref(record.type, record.key)),
          field: record.field ?? null,
        },
        ["conflictId", "recordType", "recordId", "field"],
      );
    }
  }
}
