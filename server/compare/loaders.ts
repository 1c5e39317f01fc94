import type { Db } from "../../db/client";
import { loadPublicArguments, type PublicArgument } from "../arguments/loaders";
import { loadCaseSummaries, type CaseSummary } from "../cases/loaders";
import { loadInstrumentPaths, type InstrumentPath } from "../patterns/loaders";
import {
  challengeOf,
  lastWithdrawal,
  outcomeOf,
  rulingOf,
  stayOf,
  withdrawalOf,
  type Challenge,
  type Outcome,
  type Stage,
} from "../patterns/stages";
import { toPublic, toPublicText, type PublicRecord } from "../privacy/projection";
import { spanBetween, type DaySpan } from "../shared/date-bounds";
import type { Citation, ConflictRef } from "../sources/markers";
import type { StatusMotion } from "../status/subpoena-status";
import { authorityInvokedFinder } from "./authority-invoked";
import { createCompareRepository } from "./repository";

/** One challenged demand as a row of the comparison shows it. */
export type ComparedInstrument = {
  path: InstrumentPath;
  /** The authority on the record its statute names; null when none does or no statute is known. */
  authority: PublicRecord<"authority"> | null;
  demands: string[];
};

/** One proceeding: a public case that challenges at least one demand, with what the comparison derives. */
export type Proceeding = {
  summary: CaseSummary;
  instruments: ComparedInstrument[];
  /** The case's own motions with the orders that decided them. */
  motions: StatusMotion[];
  arguments: PublicArgument[];
  challenge: Challenge | null;
  /** The first order not to produce covering a demand it challenges, from this case. */
  stay: Stage | null;
  /** What ended it: a ruling in this case, or the withdrawal of every demand it challenges. */
  outcome: Outcome | null;
  /** A ruling on a motion to quash in this case (null when none is on the record). */
  ruling: Outcome | null;
  pending: boolean;
  /** Days from the first challenge to the outcome, as a window. */
  days: DaySpan | null;
};

export type Comparison = {
  proceedings: Proceeding[];
  citations: Map<string, Citation[]>;
  conflicts: Map<string, ConflictRef[]>;
};

/**
 * Every proceeding that challenges a subpoena or summons, computed from the records: the
 * instrument and its statute, the data demanded, the movants' arguments, whether and how a
 * court ruled, what ended it and how long that took. Public records only: the bundles, case
 * summaries and arguments are each read through the public projection.
 */
export function loadComparison(db: Db): Comparison {
  const { instruments, citations, conflicts } = loadInstrumentPaths(db);
  const repo = createCompareRepository(db);
  const authorities = repo.authorities().map((a) => toPublic("authority", a));
  const invoked = authorityInvokedFinder(authorities);
  const demands = repo.demands(instruments.map((i) => i.subpoena.id));
  const argumentsByCase = new Map<number, PublicArgument[]>();
  for (const a of loadPublicArguments(db)) argumentsByCase.set(a.case.id, [...(argumentsByCase.get(a.case.id) ?? []), a]);

  const compared = instruments.map((path): ComparedInstrument => ({
    path,
    authority: invoked(path.subpoena.authorityCited) ?? null,
    demands: demands.filter((d) => d.subpoenaId === path.subpoena.id).map((d) => toPublicText(d.item)),
  }));

  const proceedings = loadCaseSummaries(db).flatMap((summary): Proceeding[] => {
    const caseId = summary.case.id;
    const mine = compared.filter((c) => c.path.challenges.some((k) => k.id === caseId));
    if (mine.length === 0) return [];
    const motions = mine[0]!.path.motions.filter((m) => m.motion.caseId === caseId);
    const challenge = challengeOf(
      [summary.case],
      motions.map((m) => m.motion),
    );
    const coverages = mine.flatMap((c) => c.path.coverages.filter((cov) => cov.order.order.caseId === caseId));
    const ruling = rulingOf(motions);
    const outcome = outcomeOf(lastWithdrawal(mine.map((c) => withdrawalOf(c.path.events))), ruling);
    return [
      {
        summary,
        instruments: mine,
        motions,
        arguments: argumentsByCase.get(caseId) ?? [],
        challenge,
        stay: stayOf(coverages),
        outcome,
        ruling,
        pending: !outcome && motions.some((m) => m.motion.kind === "motion_to_quash" && m.motion.status === "pending"),
        days: spanBetween(challenge?.window ?? null, outcome?.window ?? null),
      },
    ];
  });
  return { proceedings, citations, conflicts };
}
