import * as s from "../../db/schema";
import { ARGUMENTS, argumentKey } from "../data/arguments";
import { ENTRIES, entryKey } from "../data/docket";
import { HEARINGS } from "../data/hearings";
import { MOTIONS } from "../data/motions";
import { ORDERS, coverageKey } from "../data/orders";
import { fuzzyColumns } from "../dates";
import { findBy, type SeedContext } from "./context";

/** Docket entries, orders with what they protect, motions, hearings and arguments. */
export function loadDocket({ db, w }: SeedContext): void {
  for (const entry of ENTRIES) {
    w.record(
      "entry",
      entryKey(entry.case, entry.sequence),
      {
        caseId: w.num("case", entry.case),
        number: null,
        sequence: entry.sequence,
        dateFiled: entry.dateFiled,
        description: entry.description,
        shortDescription: entry.shortDescription,
        kind: entry.kind,
        filedBy: entry.filedBy ?? null,
        source: "press",
      },
      { cites: entry.cites },
    );
  }

  for (const order of ORDERS) {
    const orderId = w.record(
      "order",
      order.slug,
      {
        slug: order.slug,
        caseId: w.num("case", order.case),
        entryId: order.entry === undefined ? null : w.num("entry", entryKey(order.case, order.entry)),
        judgeId: w.optionalNum("judge", order.judge),
        title: order.title,
        kind: order.kind,
        ...fuzzyColumns("dateSigned", order.signed),
        summary: order.summary,
        quotedText: order.quotedText ?? null,
      },
      { cites: order.cites, naturalMatch: findBy(db, s.orders, s.orders.slug, order.slug) },
    ) as number;
    for (const coverage of order.coverages) {
      w.record(
        "coverage",
        coverageKey(order.slug, coverage.subpoena, coverage.account),
        {
          orderId,
          subpoenaId: w.num("subpoena", coverage.subpoena),
          accountId: w.optionalNum("account", coverage.account),
          addresseeId: w.num("organization", coverage.addressee),
          endCondition: coverage.endCondition,
          status: coverage.status,
          statusReason: coverage.statusReason ?? null,
          dateEnded: coverage.dateEnded ?? null,
        },
        { cites: coverage.cites },
      );
    }
  }

  for (const motion of MOTIONS) {
    const motionId = w.record(
      "motion",
      motion.key,
      {
        caseId: w.num("case", motion.case),
        entryId: motion.entry === undefined ? null : w.num("entry", entryKey(motion.case, motion.entry)),
        kind: motion.kind,
        title: motion.title,
        reliefSought: motion.reliefSought ?? null,
        ...fuzzyColumns("dateFiled", motion.filed),
        status: motion.status,
        statusNote: motion.statusNote ?? null,
      },
      { cites: motion.cites },
    ) as number;
    for (const movant of motion.movants) {
      w.link(["motion", motionId], s.motionMovants, { motionId, partyId: w.num("party", movant) }, ["motionId", "partyId"]);
    }
  }

  for (const hearing of HEARINGS) {
    w.record(
      "hearing",
      hearing.key,
      {
        caseId: w.num("case", hearing.case),
        motionId: w.optionalNum("motion", hearing.motion),
        judgeId: w.optionalNum("judge", hearing.judge),
        title: hearing.title,
        ...fuzzyColumns("date", hearing.date),
        status: hearing.status,
        notes: hearing.notes,
      },
      { cites: hearing.cites },
    );
  }

  for (const argument of ARGUMENTS) {
    const argumentId = w.record(
      "argument",
      argumentKey(argument),
      {
        motionId: w.num("motion", argument.motion),
        partyId: w.optionalNum("party", argument.party),
        doctrineTag: argument.doctrineTag,
        text: argument.text,
        reached: argument.reached,
        treatment: argument.treatment ?? null,
      },
      { cites: argument.cites },
    ) as number;
    for (const authority of argument.authorities ?? []) {
      w.link(["argument", argumentId], s.argumentAuthorities, { argumentId, authorityId: w.num("authority", authority) }, [
        "argumentId",
        "authorityId",
      ]);
    }
  }
}
