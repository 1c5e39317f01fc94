import type {
  CASE_GROUPS,
  COUNSEL_STANDINGS,
  COVERAGE_STATUSES,
  DatePrecision,
  ENTRY_KINDS,
  EVENT_KINDS,
  HEARING_STATUSES,
  MOTION_KINDS,
  MOTION_STATUSES,
  ORDER_KINDS,
  ORGANIZATION_KINDS,
  AUTHORITY_KINDS,
  REACHED,
  Reliability,
  SUBPOENA_KINDS,
  JUDGE_TITLES,
} from "../db/schema";
import type { EditableType } from "../server/records/tables";

/*
 * The bundled record as plain data. Records point at each other by natural key (slug, source
 * tag, conflict code, or a composite such as "case-slug/J. Doe/Movant"), never by database id,
 * so the same data loads into any database and a second load can recognise what is there.
 */

/** One source behind a seeded fact: a register tag, optionally for one field, with the words that support it. */
export type Cite = {
  /** Register tag ("S01") or authority-source tag ("L-talley-v-california"). */
  tag: string;
  /** The camelCase field the source backs; omitted when it backs the record as a whole. */
  field?: string;
  /**
   * A short phrase from the source, never more than a fragment, and only words the research
   * record itself quotes from that source: no source page was re-read, so nothing else is
   * known to be verbatim.
   */
  quote?: string;
  /** Present only for facts the research record marks inferred: why we believe it. */
  inferred?: string;
};

/** A date as precisely as the sources know it; spread into the `<x>`, `<x>_latest`, `<x>_precision`, `<x>_label` columns. */
export type FuzzyDate = {
  date: string | null;
  latest: string | null;
  precision: DatePrecision;
  label: string | null;
};

/** A pointer at any seeded record, by type and natural key. */
export type SeedRef = { type: EditableType; key: string; field?: string };

export type SourceSeed = {
  tag: string;
  url: string | null;
  publisher: string;
  title: string;
  description: string;
  date?: { date: string; precision: DatePrecision };
  reliability: Reliability;
  /** The register's own note, verbatim in substance. */
  note: string;
};

export type CourtSeed = { id: string; name: string; shortName: string; timeZone: string; cites: Cite[] };

export type OrganizationSeed = {
  slug: string;
  name: string;
  shortName?: string;
  kind: (typeof ORGANIZATION_KINDS)[number];
  /** Slug of the parent; the parent must come earlier in the list. */
  parent?: string;
  url?: string;
  cites: Cite[];
};

export type JudgeSeed = {
  slug: string;
  name: string;
  title: (typeof JUDGE_TITLES)[number];
  court: string | null;
  notes?: string;
  cites: Cite[];
};

export type PersonSeed = {
  slug: string;
  name: string;
  position: string;
  organization?: string;
  notes?: string;
  cites: Cite[];
};

export type AttorneySeed = { slug: string; name: string; organization?: string; position?: string; cites: Cite[] };

export type AccountSeed = {
  slug: string;
  platform: string;
  handle: string | null;
  displayName?: string;
  description: string;
  cites: Cite[];
};

export type NoticeSeed = {
  account: string | null;
  platform: string;
  notified: { date: string | null; precision: DatePrecision };
  responseWindowStated?: string;
  responseWindowDays?: number;
  cites: Cite[];
};

export type SubpoenaSeed = {
  slug: string;
  title: string;
  kind: (typeof SUBPOENA_KINDS)[number];
  issuer: string | null;
  issuingComponent?: string;
  recipient: string | null;
  /** Null while unknown; a conflict explains why. */
  authorityCited: string | null;
  issued: FuzzyDate;
  dateReturn?: string;
  statedPurpose?: string;
  howKnown?: string;
  accountsCovered?: number;
  summary: string;
  demands: string[];
  accounts: { account: string; note?: string }[];
  notices?: NoticeSeed[];
  cites: Cite[];
};

export type CaseSeed = {
  slug: string;
  position: number;
  group: (typeof CASE_GROUPS)[number];
  label: string;
  court: string | null;
  /** Only where a source states one (Case 5). */
  docketNumber?: string;
  caption?: string;
  filed: FuzzyDate;
  assignedJudge?: string;
  nature?: string;
  summary: string;
  statusNote?: string;
  subpoenas: string[];
  related: { case: string; relation: string }[];
  cites: Cite[];
};

export type RepresentationSeed = {
  attorney?: string;
  organization?: string;
  standing: (typeof COUNSEL_STANDINGS)[number];
  cites: Cite[];
};

export type PartySeed = {
  case: string;
  name: string;
  role: string;
  pseudonymous: boolean;
  description: string;
  organization?: string;
  position: number;
  accounts?: string[];
  representations?: RepresentationSeed[];
  cites: Cite[];
};

export type EntrySeed = {
  case: string;
  /** Orders the press-known entries; ECF numbers are unknown, so `number` stays null. */
  sequence: number;
  dateFiled: string;
  description: string;
  shortDescription: string;
  kind: (typeof ENTRY_KINDS)[number];
  filedBy?: string;
  cites: Cite[];
};

export type MotionSeed = {
  /** "case-slug/short-name" */
  key: string;
  case: string;
  entry?: number;
  kind: (typeof MOTION_KINDS)[number];
  title: string;
  reliefSought?: string;
  filed: FuzzyDate;
  status: (typeof MOTION_STATUSES)[number];
  statusNote?: string;
  /** Party keys ("case-slug/J. Doe/Movant"). */
  movants: string[];
  cites: Cite[];
};

export type CoverageSeed = {
  subpoena: string;
  /** Null when the order protects every account of the movant, or the accounts are not known. */
  account: string | null;
  addressee: string;
  endCondition: string;
  status: (typeof COVERAGE_STATUSES)[number];
  statusReason?: string;
  dateEnded?: string;
  cites: Cite[];
};

export type OrderSeed = {
  slug: string;
  case: string;
  entry?: number;
  judge: string | null;
  title: string;
  kind: (typeof ORDER_KINDS)[number];
  signed: FuzzyDate;
  summary: string;
  quotedText?: string;
  coverages: CoverageSeed[];
  cites: Cite[];
};

export type HearingSeed = {
  /** "case-slug/short-name" */
  key: string;
  case: string;
  motion?: string;
  judge?: string;
  title: string;
  date: FuzzyDate;
  status: (typeof HEARING_STATUSES)[number];
  notes: string;
  cites: Cite[];
};

export type EventSeed = {
  slug: string;
  kind: (typeof EVENT_KINDS)[number];
  title: string;
  description: string;
  date: FuzzyDate;
  case?: string;
  subpoena?: string;
  /** Who acted, and what else the event concerns. */
  actors?: SeedRef[];
  subjects?: SeedRef[];
  cites: Cite[];
};

export type ConflictSeed = {
  code: string;
  title: string;
  description: string;
  records: SeedRef[];
  cites: Cite[];
};

export type AuthoritySeed = {
  slug: string;
  kind: (typeof AUTHORITY_KINDS)[number];
  citation: string;
  shortName: string;
  court: string | null;
  year: number | null;
  tags: string[];
  /** One line, in our own words. */
  holding: string;
  url: string | null;
  cites: Cite[];
};

export type DoctrineSeed = {
  slug: string;
  title: string;
  /** Doctrine tags it gathers, its own slug first. */
  tags: string[];
  /** A short explanation in our own words, saying only what its sources say. */
  summary: string;
  cites: Cite[];
};

export type ArgumentSeed = {
  motion: string;
  party?: string;
  doctrineTag: string;
  text: string;
  reached: (typeof REACHED)[number];
  treatment?: string;
  authorities?: string[];
  cites: Cite[];
};
