import * as s from "../../db/schema";
import { AUTHORITIES, AUTHORITY_SOURCES } from "../data/authorities";
import { ATTORNEYS } from "../data/attorneys";
import { COURTS } from "../data/courts";
import { DOCTRINES } from "../data/doctrines";
import { JUDGES } from "../data/judges";
import { ORGANIZATIONS } from "../data/organizations";
import { PEOPLE } from "../data/people";
import { SOURCES } from "../data/sources";
import { findBy, type SeedContext } from "./context";

/** Sources first (every fact source points at one), then courts, organisations, people, authorities and doctrines. */
export function loadReference({ db, w }: SeedContext): void {
  for (const source of [...SOURCES, ...AUTHORITY_SOURCES]) {
    w.record(
      "source",
      source.tag,
      {
        tag: source.tag,
        url: source.url,
        publisher: source.publisher,
        title: source.title,
        description: source.description,
        datePublished: source.date?.date ?? null,
        datePublishedPrecision: source.date?.precision ?? null,
        reliability: source.reliability,
        reliabilityNote: source.note,
      },
      // A source is its own evidence; it carries no fact sources.
      { cites: [], naturalMatch: findBy(db, s.sources, s.sources.tag, source.tag) },
    );
  }

  for (const court of COURTS) {
    const { cites, ...values } = court;
    w.record("court", court.id, values, { cites, naturalMatch: findBy(db, s.courts, s.courts.id, court.id) });
  }

  for (const org of ORGANIZATIONS) {
    w.record(
      "organization",
      org.slug,
      {
        slug: org.slug,
        name: org.name,
        shortName: org.shortName ?? null,
        kind: org.kind,
        parentId: w.optionalNum("organization", org.parent),
        url: org.url ?? null,
      },
      { cites: org.cites, naturalMatch: findBy(db, s.organizations, s.organizations.slug, org.slug) },
    );
  }

  for (const judge of JUDGES) {
    w.record(
      "judge",
      judge.slug,
      {
        slug: judge.slug,
        name: judge.name,
        title: judge.title,
        courtId: judge.court === null ? null : String(w.ref("court", judge.court)),
        initials: null,
        notes: judge.notes ?? null,
      },
      { cites: judge.cites, naturalMatch: findBy(db, s.judges, s.judges.slug, judge.slug) },
    );
  }

  for (const person of PEOPLE) {
    w.record(
      "person",
      person.slug,
      {
        slug: person.slug,
        name: person.name,
        position: person.position,
        organizationId: w.optionalNum("organization", person.organization),
        notes: person.notes ?? null,
      },
      { cites: person.cites, naturalMatch: findBy(db, s.people, s.people.slug, person.slug) },
    );
  }

  for (const attorney of ATTORNEYS) {
    w.record(
      "attorney",
      attorney.slug,
      {
        slug: attorney.slug,
        name: attorney.name,
        organizationId: w.optionalNum("organization", attorney.organization),
        position: attorney.position ?? null,
      },
      { cites: attorney.cites, naturalMatch: findBy(db, s.attorneys, s.attorneys.slug, attorney.slug) },
    );
  }

  for (const authority of AUTHORITIES) {
    w.record(
      "authority",
      authority.slug,
      {
        slug: authority.slug,
        kind: authority.kind,
        citation: authority.citation,
        shortName: authority.shortName,
        court: authority.court,
        year: authority.year,
        doctrineTags: authority.tags.join(","),
        holding: authority.holding,
        url: authority.url,
      },
      { cites: authority.cites, naturalMatch: findBy(db, s.authorities, s.authorities.slug, authority.slug) },
    );
  }

  DOCTRINES.forEach((doctrine, position) => {
    w.record(
      "doctrine",
      doctrine.slug,
      { slug: doctrine.slug, title: doctrine.title, summary: doctrine.summary, tags: doctrine.tags.join(","), position },
      { cites: doctrine.cites, naturalMatch: findBy(db, s.doctrines, s.doctrines.slug, doctrine.slug) },
    );
  });
}
