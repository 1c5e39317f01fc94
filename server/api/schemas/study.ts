import { z } from "zod";
import { AUTHORITY_KINDS, CITE_KINDS, REACHED } from "../../../db/schema";
import { CaseRef, Conflicts, htmlUrl, Sources, url } from "./common";

/*
 * The law students' part of the public API (issue 11): doctrines, authorities and arguments,
 * encoded through these schemas like every answer (a key not declared here is dropped).
 */

export const DoctrineRef = z.object({ slug: z.string(), title: z.string(), url, htmlUrl }).meta({ id: "DoctrineRef" });

export const AuthorityRef = z
  .object({ slug: z.string(), shortName: z.string(), citation: z.string(), url, htmlUrl })
  .meta({ id: "AuthorityRef" });

export const Argument = z
  .object({
    id: z.number().int(),
    slug: z.string().meta({ description: 'Its anchor on /arguments ("argument-12"): arguments have no slug of their own.' }),
    htmlUrl,
    text: z.string().meta({ description: "The argument, as the sources attribute it." }),
    doctrineTag: z.string(),
    doctrine: DoctrineRef.nullable().meta({ description: "The doctrine that gathers its tag; null for a tag no doctrine gathers." }),
    madeBy: z
      .object({ partyId: z.number().int().nullable(), name: z.string(), role: z.string().nullable() })
      .array()
      .meta({ description: "The party the sources name, or else the motion's movants; empty when neither is known." }),
    case: CaseRef,
    motion: z
      .object({ motionId: z.number().int(), title: z.string(), htmlUrl })
      .nullable()
      .meta({ description: "The motion it is made in, with its own page." }),
    filing: z
      .object({ entryId: z.number().int(), name: z.string(), htmlUrl })
      .nullable()
      .meta({ description: 'The docket entry that makes it ("ECF No. 12").' }),
    authorities: z
      .array(AuthorityRef)
      .meta({ description: "The authorities it cites. Empty when no source lists them: no source in the bundled record does." }),
    reached: z.enum(REACHED).meta({ description: "Whether the court reached the argument: yes, no, or unknown." }),
    treatment: z.string().nullable().meta({ description: "How the court treated it, or why it was not reached." }),
    sources: Sources,
    conflicts: Conflicts,
  })
  .meta({ id: "Argument" });

export const ArgumentListQuery = z.object({
  doctrine: z.string().max(200).optional().meta({ description: "Only arguments under this doctrine (its slug) or with this tag." }),
  case: z.string().max(200).optional().meta({ description: "Only arguments in this case (its slug)." }),
  motion: z.coerce.number().int().positive().optional().meta({ description: "Only arguments of this motion (its id)." }),
  reached: z
    .enum(REACHED)
    .optional()
    .meta({ description: "Only arguments the court reached (yes), did not reach (no), or of which that is unknown." }),
});

export const Citing = z
  .object({
    case: CaseRef,
    filing: z.object({ entryId: z.number().int(), name: z.string(), description: z.string(), htmlUrl }),
    attachmentNumber: z.number().int().meta({ description: "0 for the main document." }),
    byCourt: z
      .boolean()
      .meta({ description: "True when the filing is the court's own (an order): its sentences are how the court treated the authority." }),
    citations: z.array(
      z.object({
        kind: z.enum(CITE_KINDS).meta({ description: "eyecite's class: case, shortCase, id, supra, law, journal, reference." }),
        citedText: z.string().meta({ description: "The citation as printed in the filing." }),
        pinCite: z.string().nullable(),
        sentence: z.string().meta({ description: "The sentence of the filing it appears in." }),
      }),
    ),
  })
  .meta({ id: "Citing", description: "A filing whose text cites the authority; only citations staff confirmed are listed." });

const authorityBase = {
  id: z.number().int(),
  slug: z.string(),
  url,
  htmlUrl,
  kind: z.enum(AUTHORITY_KINDS),
  citation: z.string().meta({ description: "The full citation." }),
  shortName: z.string(),
  court: z.string().nullable(),
  year: z.number().int().nullable(),
  holding: z.string().nullable().meta({ description: "One line, in the tracker's words; its sources say what it was checked against." }),
  textUrl: z.string().nullable().meta({ description: "Where its text can be read." }),
  doctrines: z.array(DoctrineRef),
  tags: z.array(z.string()).meta({ description: "Every doctrine tag, those no doctrine gathers included." }),
  filingCount: z.number().int().meta({ description: "Filings in the cluster whose confirmed citations name it." }),
  argumentCount: z.number().int(),
  sources: Sources,
  conflicts: Conflicts,
};

export const AuthorityListItem = z.object(authorityBase).meta({ id: "AuthorityListItem" });

export const AuthorityRecord = z
  .object({
    ...authorityBase,
    citedIn: z.array(Citing),
    arguments: z.array(Argument),
  })
  .meta({ id: "AuthorityRecord" });

export const AuthorityListQuery = z.object({
  doctrine: z.string().max(200).optional().meta({ description: "Only authorities of this doctrine (its slug)." }),
  kind: z
    .enum(AUTHORITY_KINDS)
    .optional()
    .meta({ description: "Only authorities of this kind: case, statute, rule, constitution, regulation, journal or other." }),
});

export const DoctrinesQuery = z.object({
  slug: z.string().max(200).optional().meta({ description: 'Only the doctrine with this slug ("anonymous-speech").' }),
});

export const DoctrineListItem = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    url,
    htmlUrl,
    title: z.string(),
    summary: z.string().meta({ description: "A short explanation from the research behind the tracker; its sources are in `sources`." }),
    tags: z.array(z.string()).meta({ description: "The doctrine tags it gathers, its own slug first." }),
    authorityCount: z.number().int(),
    argumentCount: z.number().int(),
    sources: Sources,
    conflicts: Conflicts,
  })
  .meta({ id: "DoctrineListItem" });

export const DoctrineRecord = z
  .object({
    ...DoctrineListItem.shape,
    authorities: z.array(AuthorityListItem).meta({
      description:
        "Its authorities, leading ones first: the Constitution and statutes, the Supreme Court, the courts of appeals, rules, district and state courts.",
    }),
    arguments: z.array(Argument),
  })
  .meta({ id: "DoctrineRecord" });
