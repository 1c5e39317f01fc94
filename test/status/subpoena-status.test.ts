import { describe, expect, it } from "vitest";
import type { PublicRecord } from "../../server/privacy/projection";
import type { Citation } from "../../server/sources/markers";
import {
  deriveSubpoenaStatus,
  judgesPhrase,
  joinWords,
  statusMarkers,
  surname,
  type StatusCoverage,
  type StatusMotion,
  type StatusOrder,
  type SubpoenaStatusInput,
} from "../../server/status/subpoena-status";

// Pure inputs: projected records built by hand, no database.

const org = (id: number, name: string, shortName: string | null = null): PublicRecord<"organization"> => ({
  id,
  slug: `org-${id}`,
  name,
  shortName,
  kind: "agency",
  parentId: null,
  url: null,
});
const DHS = org(1, "U.S. Department of Homeland Security", "DHS");
const ICE = { ...org(2, "U.S. Immigration and Customs Enforcement", "ICE"), parentId: 1 };
const META = { ...org(3, "Meta Platforms, Inc.", "Meta"), kind: "platform" as const };

const judge = (id: number, name: string, title = "U.S. Magistrate Judge"): PublicRecord<"judge"> => ({
  id,
  slug: `judge-${id}`,
  name,
  title,
  courtId: "cand",
  initials: null,
  updatedAt: "2026-11-01T00:00:00.000Z",
});
const HIXSON = judge(1, "Thomas S. Hixson");
const TSE = judge(2, "Alex G. Tse");
const KANG = judge(3, "Peter H. Kang");

function subpoena(o: Partial<PublicRecord<"subpoena">> = {}): PublicRecord<"subpoena"> {
  return {
    id: 10,
    slug: "dhs-meta-2025-09",
    title: "DHS subpoena to Meta",
    updatedAt: "2026-11-01T00:00:00.000Z",
    kind: "administrative_subpoena",
    issuerId: 1,
    issuingComponent: null,
    recipientId: 3,
    authorityCited: null,
    dateIssued: "2025-09-03",
    dateIssuedLatest: null,
    dateIssuedPrecision: "day",
    dateIssuedLabel: null,
    dateReturn: null,
    statedPurpose: null,
    howKnown: null,
    accountsCovered: null,
    summary: null,
    ...o,
  };
}

function order(id: number, j: PublicRecord<"judge"> | null, o: Partial<PublicRecord<"order">> = {}): StatusOrder {
  return {
    order: {
      id,
      slug: `order-${id}`,
      caseId: 1,
      entryId: null,
      judgeId: j?.id ?? null,
      title: `Order ${id}`,
      kind: "non_production",
      dateSigned: "2025-09-19",
      dateSignedLatest: null,
      dateSignedPrecision: "day",
      dateSignedLabel: null,
      summary: null,
      quotedText: null,
      updatedAt: "2026-11-01T00:00:00.000Z",
      ...o,
    },
    judge: j,
  };
}

function coverage(id: number, ord: StatusOrder, o: Partial<PublicRecord<"coverage">> = {}): StatusCoverage {
  return {
    coverage: {
      id,
      orderId: ord.order.id,
      subpoenaId: 10,
      accountId: null,
      addresseeId: 3,
      endCondition: "until further order of the Court",
      status: "in_force",
      statusReason: null,
      dateEnded: null,
      ...o,
    },
    order: ord,
    addressee: META,
  };
}

function motion(id: number, o: Partial<PublicRecord<"motion">> = {}, decidedBy: StatusOrder | null = null): StatusMotion {
  return {
    motion: {
      id,
      caseId: 1,
      entryId: null,
      kind: "motion_to_quash",
      title: "Motion to quash",
      reliefSought: null,
      dateFiled: "2025-09-18",
      dateFiledLatest: null,
      dateFiledPrecision: "day",
      dateFiledLabel: null,
      track: "noticed",
      status: "pending",
      statusNote: null,
      decidedByOrderId: decidedBy?.order.id ?? null,
      updatedAt: "2026-11-01T00:00:00.000Z",
      ...o,
    },
    decidedBy,
  };
}

function kase(id: number, o: Partial<PublicRecord<"case">> = {}): PublicRecord<"case"> {
  return {
    id,
    slug: `case-${id}`,
    courtId: "cand",
    docketNumber: null,
    dnOffice: null,
    dnYear: null,
    dnType: null,
    dnSerial: null,
    dnJudgeInitials: null,
    docketNumberCore: null,
    caption: null,
    label: `Case ${id}`,
    group: "meta",
    position: id,
    dateFiled: "2025-09-18",
    dateFiledLatest: null,
    dateFiledPrecision: "day",
    dateFiledLabel: null,
    dateTerminated: null,
    assignedJudgeId: null,
    referredJudgeId: null,
    nature: null,
    cause: null,
    jurisdiction: null,
    summary: null,
    statusNote: null,
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...o,
  };
}

function withdrawal(id: number, o: Partial<PublicRecord<"event">> = {}, actors: PublicRecord<"organization">[] = [DHS]) {
  return {
    event: {
      id,
      slug: `event-${id}`,
      kind: "withdrawal" as const,
      title: "DHS withdraws the subpoena",
      description: null,
      updatedAt: "2026-11-01T00:00:00.000Z",
      date: "2025-11-01",
      dateLatest: "2025-11-30",
      datePrecision: "month" as const,
      dateLabel: null,
      caseId: null,
      subpoenaId: 10,
      ...o,
    },
    actors,
  };
}

function input(o: Partial<SubpoenaStatusInput> = {}): SubpoenaStatusInput {
  return { subpoena: subpoena(), issuer: DHS, recipient: META, events: [], coverages: [], motions: [], challenges: [], ...o };
}

function cite(recordType: string, recordId: number, tag: string, o: Partial<Citation> = {}): Citation {
  return {
    id: Math.floor(Math.random() * 1e6),
    recordType: recordType as Citation["recordType"],
    recordId: String(recordId),
    field: null,
    sourceId: 1,
    quote: null,
    verifiedAgainstDocket: false,
    inferred: false,
    inferredReason: null,
    source: {
      id: 1,
      tag,
      url: `https://example.org/${tag}`,
      publisher: "Example",
      title: tag,
      description: null,
      datePublished: null,
      datePublishedPrecision: null,
      reliability: "reliable_press",
      reliabilityNote: null,
    },
    ...o,
  };
}

function citations(list: Citation[]): Map<string, Citation[]> {
  const map = new Map<string, Citation[]>();
  for (const c of list) {
    const key = `${c.recordType}:${c.recordId}`;
    map.set(key, [...(map.get(key) ?? []), c]);
  }
  return map;
}

describe("wording helpers", () => {
  it("joins lists the way a sentence does", () => {
    expect(joinWords([])).toBe("");
    expect(joinWords(["Hixson"])).toBe("Hixson");
    expect(joinWords(["Hixson", "Tse"])).toBe("Hixson and Tse");
    expect(joinWords(["Hixson", "Tse", "Kang"])).toBe("Hixson, Tse and Kang");
  });

  it("finds the surname, ignoring generational suffixes", () => {
    expect(surname("Thomas S. Hixson")).toBe("Hixson");
    expect(surname("John Smith Jr.")).toBe("Smith");
    expect(surname("Boasberg")).toBe("Boasberg");
  });

  it("names one judge in full and several by title and surname", () => {
    expect(judgesPhrase([HIXSON])).toBe("Magistrate Judge Thomas S. Hixson");
    expect(judgesPhrase([HIXSON, TSE])).toBe("Magistrate Judges Hixson and Tse");
    expect(judgesPhrase([HIXSON, TSE, KANG])).toBe("Magistrate Judges Hixson, Tse and Kang");
    expect(judgesPhrase([HIXSON, HIXSON])).toBe("Magistrate Judge Thomas S. Hixson");
    // Sources print the same office two ways; it is still one group.
    expect(judgesPhrase([HIXSON, judge(2, "Alex G. Tse", "Magistrate Judge")])).toBe("Magistrate Judges Hixson and Tse");
    expect(judgesPhrase([HIXSON, judge(9, "James E. Boasberg", "Chief U.S. District Judge")])).toBe(
      "Magistrate Judge Hixson and Chief Judge Boasberg",
    );
  });

  it("never names a judge the record does not hold", () => {
    expect(judgesPhrase([null])).toBe("the court");
    expect(judgesPhrase([HIXSON, null])).toBe("Magistrate Judge Thomas S. Hixson and another judge not named on the record");
  });
});

describe("deriveSubpoenaStatus", () => {
  it("withdrawn: names who withdrew, keeps month precision and says which order came first", () => {
    const hixson = order(1, HIXSON);
    const status = deriveSubpoenaStatus(
      input({ events: [withdrawal(5)], coverages: [coverage(1, hixson, { status: "moot" })], motions: [motion(1, { status: "moot" })] }),
    );
    expect(status.key).toBe("withdrawn");
    expect(status.line).toBe("Withdrawn by DHS, November 2025 — after Magistrate Judge Thomas S. Hixson ordered Meta not to produce");
    expect(status.date.text).toBe("November 2025");
    expect(status.date.exact).toBe(false);
    expect(status.sources).toContainEqual({ type: "event", id: 5 });
    expect(status.sources).toContainEqual({ type: "order", id: 1 });
  });

  it("withdrawn: several orders on one subpoena read as one sentence", () => {
    const covs = [
      coverage(1, order(1, HIXSON)),
      coverage(2, order(2, TSE, { dateSigned: "2025-09-22" })),
      coverage(3, order(3, KANG, { dateSigned: null, dateSignedPrecision: "unknown" })),
    ];
    const status = deriveSubpoenaStatus(input({ events: [withdrawal(5)], coverages: covs }));
    expect(status.line).toBe("Withdrawn by DHS, November 2025 — after Magistrate Judges Hixson, Tse and Kang ordered Meta not to produce");
  });

  it("withdrawn: an order signed after the withdrawal is not what the withdrawal followed", () => {
    const later = coverage(2, order(2, TSE, { dateSigned: "2025-12-05" }));
    const status = deriveSubpoenaStatus(input({ events: [withdrawal(5)], coverages: [coverage(1, order(1, HIXSON)), later] }));
    expect(status.line).toContain("after Magistrate Judge Thomas S. Hixson ordered");
    expect(status.line).not.toContain("Tse");
  });

  it("withdrawn: falls back to the issuer when the event names no actor, and marks an inferred date", () => {
    const ev = withdrawal(5, { date: "2026-01-16", dateLatest: null, datePrecision: "day" }, []);
    const cites = citations([cite("event", 5, "S14", { field: "date", inferred: true, inferredReason: "Friday" })]);
    const status = deriveSubpoenaStatus(input({ issuer: ICE, events: [ev], citations: cites }));
    expect(status.line).toBe("Withdrawn by ICE, January 16, 2026 (date inferred)");
    expect(status.inferred).toBe(true);
  });

  it("withdrawn: mentions the motion when no order was entered, and says so when the date is unknown", () => {
    const ev = withdrawal(5, { date: null, dateLatest: null, datePrecision: "unknown" });
    const status = deriveSubpoenaStatus(input({ events: [ev], motions: [motion(1, { status: "moot" })], challenges: [kase(1)] }));
    expect(status.line).toBe("Withdrawn by DHS, date unknown — after a motion to quash was filed");
    expect(status.date.known).toBe(false);
  });

  it("withdrawn wins over an order still marked in force", () => {
    const status = deriveSubpoenaStatus(input({ events: [withdrawal(5)], coverages: [coverage(1, order(1, HIXSON))] }));
    expect(status.key).toBe("withdrawn");
  });

  it("ignores events that are not withdrawals", () => {
    const issuance = { ...withdrawal(6), event: { ...withdrawal(6).event, kind: "issuance" as const } };
    const status = deriveSubpoenaStatus(input({ events: [issuance] }));
    expect(status.key).toBe("issued");
  });

  it("stayed: the addressee, the pending ruling, the judge and the day since", () => {
    const hixson = order(1, HIXSON);
    const status = deriveSubpoenaStatus(input({ coverages: [coverage(1, hixson)], motions: [motion(1)], challenges: [kase(1)] }));
    expect(status.key).toBe("stayed");
    expect(status.line).toBe("Meta ordered not to produce pending ruling — Magistrate Judge Thomas S. Hixson, since September 19, 2025");
    expect(status.date.datetime).toBe("2025-09-19");
    expect(status.sources).toContainEqual({ type: "coverage", id: 1 });
  });

  it("stayed: several orders, dated from the earliest, with an inferred date marked", () => {
    const covs = [coverage(2, order(2, TSE, { dateSigned: "2025-09-22" })), coverage(1, order(1, HIXSON))];
    const cites = citations([cite("order", 1, "S01", { field: "dateSigned", inferred: true, inferredReason: "on Friday" })]);
    const status = deriveSubpoenaStatus(input({ coverages: covs, citations: cites }));
    expect(status.line).toBe("Meta ordered not to produce — Magistrate Judges Hixson and Tse, since September 19, 2025 (date inferred)");
    expect(status.inferred).toBe(true);
  });

  it("stayed: an order known only by a window keeps its window", () => {
    const tse = order(2, TSE, { dateSigned: "2025-09-19", dateSignedLatest: "2025-09-26", dateSignedPrecision: "range" });
    const status = deriveSubpoenaStatus(input({ coverages: [coverage(1, tse)] }));
    expect(status.line).toBe(
      "Meta ordered not to produce — Magistrate Judge Alex G. Tse, since a day between September 19, 2025 and September 26, 2025",
    );
  });

  it("stayed: says how far the orders reach when they name fewer accounts than the subpoena covers", () => {
    const covs = [coverage(1, order(1, HIXSON), { accountId: 100 }), coverage(2, order(1, HIXSON), { accountId: 101 })];
    const status = deriveSubpoenaStatus(input({ subpoena: subpoena({ accountsCovered: 6 }), coverages: covs }));
    expect(status.line).toContain("Meta ordered not to produce as to 2 of 6 accounts — Magistrate Judge Thomas S. Hixson");
  });

  it("stayed: an unnamed judge is never invented", () => {
    const status = deriveSubpoenaStatus(input({ coverages: [coverage(1, order(1, null))] }));
    expect(status.line).toBe("Meta ordered not to produce — by court order, since September 19, 2025");
  });

  it("not stayed when every coverage has lapsed", () => {
    const status = deriveSubpoenaStatus(
      input({ coverages: [coverage(1, order(1, HIXSON), { status: "dissolved" })], motions: [motion(1)], challenges: [kase(1)] }),
    );
    expect(status.key).toBe("challenged");
    expect(status.line).toBe("Motion to quash pending — no order in force; filed September 18, 2025");
  });

  it("challenged: a pending motion with no order on the record", () => {
    const status = deriveSubpoenaStatus(input({ motions: [motion(1)], challenges: [kase(1)] }));
    expect(status.key).toBe("challenged");
    expect(status.line).toBe("Motion to quash pending — no order on the record; filed September 18, 2025");
    expect(status.sources).toEqual([{ type: "motion", id: 1 }]);
  });

  it("challenged: counts several pending motions", () => {
    const status = deriveSubpoenaStatus(input({ motions: [motion(1), motion(2, { dateFiled: null, dateFiledPrecision: "unknown" })] }));
    expect(status.line).toMatch(/^2 motions to quash pending — no order on the record/);
  });

  it("challenged: a denied motion names the deciding judge and date", () => {
    const ruling = order(7, KANG, { kind: "ruling", dateSigned: "2026-01-21" });
    const status = deriveSubpoenaStatus(input({ motions: [motion(1, { status: "denied" }, ruling)], challenges: [kase(1)] }));
    expect(status.line).toBe("Motion to quash denied — Magistrate Judge Peter H. Kang, January 21, 2026");
    expect(status.sources).toContainEqual({ type: "order", id: 7 });
  });

  it("challenged: a granted motion reads as quashed", () => {
    const ruling = order(7, KANG, { kind: "ruling", dateSigned: "2026-01-21" });
    const status = deriveSubpoenaStatus(input({ motions: [motion(1, { status: "granted" }, ruling)] }));
    expect(status.line).toBe("Quashed — Magistrate Judge Peter H. Kang granted the motion to quash, January 21, 2026");
  });

  it("challenged: a motion whose outcome is unknown says so", () => {
    const status = deriveSubpoenaStatus(input({ motions: [motion(1, { status: "unknown" })], challenges: [kase(1)] }));
    expect(status.line).toBe("Motion to quash filed — outcome not on the record");
  });

  it("challenged: a case with no motion recorded", () => {
    const status = deriveSubpoenaStatus(
      input({ challenges: [kase(1, { dateFiled: "2026-05-01", dateFiledLatest: "2026-05-31", dateFiledPrecision: "month" })] }),
    );
    expect(status.key).toBe("challenged");
    expect(status.line).toBe("Challenged in court — no order on the record; filed May 2026");
  });

  it("issued: an unchallenged subpoena with its real precision", () => {
    const sp = subpoena({ dateIssued: "2026-03-01", dateIssuedLatest: "2026-03-31", dateIssuedPrecision: "month" });
    const status = deriveSubpoenaStatus(input({ subpoena: sp }));
    expect(status.key).toBe("issued");
    expect(status.line).toBe("Issued March 2026; no court challenge recorded");
    expect(status.sources).toEqual([{ type: "subpoena", id: 10, field: "dateIssued" }]);
  });

  it("unknown: nothing on the record to go on", () => {
    const sp = subpoena({ dateIssued: null, dateIssuedPrecision: "unknown" });
    const status = deriveSubpoenaStatus(input({ subpoena: sp }));
    expect(status.key).toBe("unknown");
    expect(status.line).toContain("Status unknown");
    expect(status.date.known).toBe(false);
  });
});

describe("statusMarkers", () => {
  it("shows the withdrawal event's and the order's sources once each", () => {
    const cites = citations([
      cite("event", 5, "S02"),
      cite("event", 5, "S29", { field: "date" }),
      cite("order", 1, "S01"),
      cite("order", 1, "S02"),
      cite("subpoena", 10, "S99"),
    ]);
    const status = deriveSubpoenaStatus(input({ events: [withdrawal(5)], coverages: [coverage(1, order(1, HIXSON))], citations: cites }));
    const markers = statusMarkers(status, cites);
    expect(markers.map((m) => m.tag)).toEqual(["S02", "S29", "S01"]);
    expect(markers[0]!.href).toBe("/sources#source-S02");
  });
});
