import type { Reliability } from "../../db/schema";
import type { AuthoritySeed, SourceSeed } from "../types";

/*
 * Authorities for the law-student pages: legal-rules.md section 3 (First Amendment anonymity,
 * associational privacy, unmasking tests, administrative-subpoena standards, statutes) and the
 * pseudonymity and redaction authorities of section 2. Holdings are one line in our own words.
 *
 * Each authority cites the page it was checked against at research time, registered as a
 * source tagged "L-<slug>". The research file grades them V (checked against the primary
 * text or a close copy), S (secondary only) or U (general knowledge, unchecked); the grade
 * becomes the source's reliability and note, since the authorities table has no column for it.
 */

type Verification = "V" | "S" | "U";

type Entry = Omit<AuthoritySeed, "cites" | "url"> & {
  check: { verification: Verification; url: string | null; publisher: string; what: string };
};

/** Compiler's notes for the authorities the research marks U; no page was checked. */
export const RESEARCH_NOTES_SOURCE: SourceSeed = {
  tag: "L-research-notes",
  url: null,
  publisher: "Quash research notes (legal-rules.md)",
  title: "Research notes: authorities from general knowledge, not checked at research time",
  description: "The compiler's own list of commonly cited authorities that were not verified against any text.",
  reliability: "unreliable",
  note: "U — from general knowledge, not confirmed at research time; verify before relying on it",
};

const ENTRIES: Entry[] = [
  {
    slug: "talley-v-california",
    kind: "case",
    citation: "Talley v. California, 362 U.S. 60 (1960)",
    shortName: "Talley",
    court: "U.S. Supreme Court",
    year: 1960,
    tags: ["anonymous-speech"],
    holding:
      "A city ban on handbills that did not name who wrote, distributed or sponsored them was void on its face; anonymous pamphlets have long served dissent.",
    check: { verification: "V", url: "https://supreme.justia.com/cases/federal/us/362/60/", publisher: "Justia", what: "opinion" },
  },
  {
    slug: "mcintyre-v-ohio-elections-commn",
    kind: "case",
    citation: "McIntyre v. Ohio Elections Comm'n, 514 U.S. 334 (1995)",
    shortName: "McIntyre",
    court: "U.S. Supreme Court",
    year: 1995,
    tags: ["anonymous-speech", "exacting-scrutiny"],
    holding:
      "A state ban on anonymous campaign leaflets violates the First Amendment; choosing anonymity is protected, and burdens on core political speech get exacting scrutiny.",
    check: {
      verification: "V",
      url: "https://caselaw.findlaw.com/court/us-supreme-court/514/334.html",
      publisher: "FindLaw",
      what: "opinion",
    },
  },
  {
    slug: "buckley-v-aclf",
    kind: "case",
    citation: "Buckley v. American Constitutional Law Found., Inc., 525 U.S. 182 (1999)",
    shortName: "Buckley v. ACLF",
    court: "U.S. Supreme Court",
    year: 1999,
    tags: ["anonymous-speech"],
    holding:
      "A state may not make petition circulators wear name badges or be registered voters; the badge forces identification when anonymity matters most.",
    check: { verification: "V", url: "https://law.onecle.com/ussc/525/525us198.html", publisher: "Onecle", what: "opinion" },
  },
  {
    slug: "watchtower-v-village-of-stratton",
    kind: "case",
    citation: "Watchtower Bible & Tract Soc'y of N.Y., Inc. v. Village of Stratton, 536 U.S. 150 (2002)",
    shortName: "Watchtower",
    court: "U.S. Supreme Court",
    year: 2002,
    tags: ["anonymous-speech"],
    holding: "A permit-and-registration rule for door-to-door advocacy is unconstitutional, partly because it strips canvassers of anonymity.",
    check: { verification: "V", url: "https://supreme.justia.com/cases/federal/us/536/150/", publisher: "Justia", what: "opinion" },
  },
  {
    slug: "naacp-v-alabama",
    kind: "case",
    citation: "NAACP v. Alabama ex rel. Patterson, 357 U.S. 449 (1958)",
    shortName: "NAACP v. Alabama",
    court: "U.S. Supreme Court",
    year: 1958,
    tags: ["associational-privacy"],
    holding:
      "Forcing the NAACP to hand over its membership lists violated members' freedom of association; the state's interest could not justify the deterrent effect.",
    check: { verification: "V", url: "https://supreme.justia.com/cases/federal/us/357/449/", publisher: "Justia", what: "opinion" },
  },
  {
    slug: "doe-v-reed",
    kind: "case",
    citation: "Doe v. Reed, 561 U.S. 186 (2010)",
    shortName: "Doe v. Reed",
    court: "U.S. Supreme Court",
    year: 2010,
    tags: ["associational-privacy", "exacting-scrutiny"],
    holding:
      "Disclosing referendum-petition signatures generally survives exacting scrutiny, leaving room for as-applied challenges based on threats or harassment.",
    check: { verification: "V", url: "https://casetext.com/case/doe-v-reed-2", publisher: "Casetext", what: "opinion" },
  },
  {
    slug: "afp-v-bonta",
    kind: "case",
    citation: "Americans for Prosperity Found. v. Bonta, 594 U.S. 595 (2021)",
    shortName: "AFP v. Bonta",
    court: "U.S. Supreme Court",
    year: 2021,
    tags: ["associational-privacy", "exacting-scrutiny"],
    holding:
      "California's blanket demand for charities' major-donor lists is facially invalid; exacting scrutiny requires narrow tailoring, though not the least restrictive means.",
    check: {
      verification: "V",
      url: "https://www.lexplug.com/casebrief/americans_for_prosperity_foundation_v_bonta_6911e335c85de16af321fe13",
      publisher: "LexPlug",
      what: "case brief",
    },
  },
  {
    slug: "perry-v-schwarzenegger",
    kind: "case",
    citation: "Perry v. Schwarzenegger, 591 F.3d 1126 (9th Cir. 2009)",
    shortName: "Perry v. Schwarzenegger",
    court: "U.S. Court of Appeals for the Ninth Circuit",
    year: 2009,
    tags: ["associational-privacy", "first-amendment-privilege"],
    holding:
      "The First Amendment privilege reaches a campaign's internal communications: after a prima facie showing of chill, the requester must show a compelling need met by the least restrictive means (opinion amended 4 Jan 2010).",
    check: {
      verification: "V",
      url: "https://app.midpage.ai/document/perry-v-schwarzenegger-3065295",
      publisher: "Midpage",
      what: "opinion",
    },
  },
  {
    slug: "bursey-v-united-states",
    kind: "case",
    citation: "Bursey v. United States, 466 F.2d 1059 (9th Cir. 1972)",
    shortName: "Bursey",
    court: "U.S. Court of Appeals for the Ninth Circuit",
    year: 1972,
    tags: ["associational-privacy", "grand-jury"],
    holding:
      "Grand-jury questions about a newspaper's staff and associations could not be compelled over First Amendment objections without a compelling interest closely tied to the questions.",
    check: { verification: "V", url: "https://casetext.com/case/bursey-v-united-states/", publisher: "Casetext", what: "opinion" },
  },
  {
    slug: "brock-v-local-375",
    kind: "case",
    citation: "Brock v. Local 375, Plumbers Int'l Union of Am., AFL-CIO, 860 F.2d 346 (9th Cir. 1988)",
    shortName: "Brock v. Local 375",
    court: "U.S. Court of Appeals for the Ninth Circuit",
    year: 1988,
    tags: ["associational-privacy", "administrative-subpoena"],
    holding:
      "Associational rights can defeat an agency subpoena: once chill is shown prima facie, the government must show a compelling need pursued by narrowly drawn means.",
    check: { verification: "V", url: "http://www.openjurist.org/860/f2d/346", publisher: "OpenJurist", what: "opinion" },
  },
  {
    slug: "dendrite-v-doe",
    kind: "case",
    citation: "Dendrite Int'l, Inc. v. Doe No. 3, 775 A.2d 756 (N.J. Super. Ct. App. Div. 2001)",
    shortName: "Dendrite",
    court: "N.J. Superior Court, Appellate Division",
    year: 2001,
    tags: ["unmasking", "anonymous-speech"],
    holding:
      "Before unmasking an anonymous poster: give notice, identify the statements, plead and support a prima facie claim, then balance anonymity against the need for disclosure.",
    check: {
      verification: "V",
      url: "https://law.justia.com/cases/new-jersey/appellate-division-published/2001/a2774-00-opn.html",
      publisher: "Justia",
      what: "opinion",
    },
  },
  {
    slug: "doe-v-cahill",
    kind: "case",
    citation: "Doe v. Cahill, 884 A.2d 451 (Del. 2005)",
    shortName: "Cahill",
    court: "Delaware Supreme Court",
    year: 2005,
    tags: ["unmasking", "anonymous-speech"],
    holding:
      "A defamation plaintiff must try to notify the poster and produce evidence that would survive summary judgment before unmasking; good faith alone is not enough.",
    check: { verification: "V", url: "https://cetient.com/opinion/1472540/doe-v-cahill", publisher: "Cetient", what: "opinion" },
  },
  {
    slug: "highfields-capital-v-doe",
    kind: "case",
    citation: "Highfields Capital Mgmt., L.P. v. Doe, 385 F. Supp. 2d 969 (N.D. Cal. 2005)",
    shortName: "Highfields",
    court: "N.D. Cal.",
    year: 2005,
    tags: ["unmasking", "anonymous-speech"],
    holding:
      "Quashed a subpoena to Yahoo!: the plaintiff needs a real evidentiary basis for actionable harm, and the court then weighs the harms of disclosure against denial.",
    check: {
      verification: "V",
      url: "https://cetient.com/opinion/2441012/highfields-capital-management-lp-v-doe",
      publisher: "Cetient",
      what: "opinion",
    },
  },
  {
    slug: "doe-v-2themart",
    kind: "case",
    citation: "Doe v. 2TheMart.com Inc., 140 F. Supp. 2d 1088 (W.D. Wash. 2001)",
    shortName: "2TheMart",
    court: "W.D. Wash.",
    year: 2001,
    tags: ["unmasking", "anonymous-speech", "pseudonymity"],
    holding:
      "To unmask a non-party speaker the subpoena must be in good faith, go to a core claim or defense, need the identity directly, and seek what is unavailable elsewhere; quashed.",
    check: { verification: "V", url: "http://casetext.com/case/doe-v-2themartcom-inc", publisher: "Casetext", what: "opinion" },
  },
  {
    slug: "in-re-anonymous-online-speakers",
    kind: "case",
    citation: "In re Anonymous Online Speakers, 661 F.3d 1168 (9th Cir. 2011)",
    shortName: "Anonymous Online Speakers",
    court: "U.S. Court of Appeals for the Ninth Circuit",
    year: 2011,
    tags: ["unmasking", "anonymous-speech"],
    holding:
      "How much protection an anonymous speaker gets depends on the speech (political more than commercial); mandamus denied (replacing 611 F.3d 653).",
    check: {
      verification: "V",
      url: "https://case-law.vlex.com/vid/%7F-speakers-v-united-892083312",
      publisher: "vLex",
      what: "opinion",
    },
  },
  {
    slug: "usa-technologies-v-doe",
    kind: "case",
    citation: "USA Technologies, Inc. v. Doe, 713 F. Supp. 2d 901 (N.D. Cal. 2010)",
    shortName: "USA Technologies",
    court: "N.D. Cal.",
    year: 2010,
    tags: ["unmasking", "anonymous-speech"],
    holding: "Granted an anonymous poster's motion to quash in a miscellaneous proceeding because the plaintiff failed the Highfields evidentiary showing.",
    check: {
      verification: "V",
      url: "https://cetient.com/case/2539143/usa-technologies-inc-v-john-doe",
      publisher: "Cetient",
      what: "opinion",
    },
  },
  {
    slug: "art-of-living-v-does",
    kind: "case",
    citation: "Art of Living Found. v. Does 1-10, No. 10-cv-05022-LHK (N.D. Cal. Nov. 9, 2011) (ECF No. 129)",
    shortName: "Art of Living",
    court: "N.D. Cal.",
    year: 2011,
    tags: ["unmasking", "anonymous-speech"],
    holding:
      "Applying Highfields to anonymous critical blogging, granted relief from a magistrate judge's order: the speech interest outweighed the need for discovery at that stage.",
    check: {
      verification: "V",
      url: "https://docs.justia.com/cases/federal/district-courts/california/candce/5:2010cv05022/236963/129/",
      publisher: "Justia Dockets",
      what: "order",
    },
  },
  {
    slug: "united-states-v-powell",
    kind: "case",
    citation: "United States v. Powell, 379 U.S. 48 (1964)",
    shortName: "Powell",
    court: "U.S. Supreme Court",
    year: 1964,
    tags: ["administrative-subpoena"],
    holding:
      "To enforce a summons the government needs no probable cause, only a legitimate purpose, relevance, information not already held, and required steps followed; then the challenger must show abuse.",
    check: { verification: "V", url: "https://supreme.justia.com/cases/federal/us/379/48/", publisher: "Justia", what: "opinion" },
  },
  {
    slug: "eeoc-v-childrens-hospital",
    kind: "case",
    citation: "EEOC v. Children's Hosp. Med. Ctr. of N. Cal., 719 F.2d 1426 (9th Cir. 1983) (en banc)",
    shortName: "EEOC v. Children's Hospital",
    court: "U.S. Court of Appeals for the Ninth Circuit",
    year: 1983,
    tags: ["administrative-subpoena"],
    holding:
      "Review of an agency subpoena is narrow: authority to investigate, procedure followed, relevance; then enforce unless overbroad or unduly burdensome (three-part wording not checked against the opinion).",
    check: { verification: "V", url: "https://case-law.vlex.com/vid/e-c-v-children-885125145", publisher: "vLex", what: "opinion (citation only)" },
  },
  {
    slug: "united-states-v-minker",
    kind: "case",
    citation: "United States v. Minker, 350 U.S. 179 (1956)",
    shortName: "Minker",
    court: "U.S. Supreme Court",
    year: 1956,
    tags: ["administrative-subpoena", "immigration-subpoena", "statutory-authority"],
    holding:
      "Read the immigration subpoena power (now 8 U.S.C. § 1225(d)) narrowly: it did not reach the naturalised citizen who was the target of a denaturalisation inquiry (the answer is unverified).",
    check: {
      verification: "V",
      url: "https://app.midpage.ai/document/united-states-v-minker-105341",
      publisher: "Midpage",
      what: "opinion (question presented)",
    },
  },
  {
    slug: "united-states-v-morton-salt",
    kind: "case",
    citation: "United States v. Morton Salt Co., 338 U.S. 632 (1950)",
    shortName: "Morton Salt",
    court: "U.S. Supreme Court",
    year: 1950,
    tags: ["administrative-subpoena"],
    holding: "An agency's investigative demand need only be within its authority, not too indefinite, and reasonably relevant (not checked at research time).",
    check: { verification: "U", url: null, publisher: "", what: "" },
  },
  {
    slug: "oklahoma-press-v-walling",
    kind: "case",
    citation: "Oklahoma Press Publ'g Co. v. Walling, 327 U.S. 186 (1946)",
    shortName: "Oklahoma Press",
    court: "U.S. Supreme Court",
    year: 1946,
    tags: ["administrative-subpoena"],
    holding: "Agency subpoenas for records are judged by authority, definiteness and reasonable relevance, not probable cause (not checked at research time).",
    check: { verification: "U", url: null, publisher: "", what: "" },
  },
  {
    slug: "frcp-81-a-5",
    kind: "rule",
    citation: "Fed. R. Civ. P. 81(a)(5)",
    shortName: "Rule 81(a)(5)",
    court: null,
    year: null,
    tags: ["administrative-subpoena", "procedure"],
    holding:
      "The civil rules govern proceedings to compel compliance with a federal agency's subpoena unless a statute, local rule or order says otherwise.",
    check: {
      verification: "V",
      url: "https://github.com/ctiblier/federal-rules/blob/main/src/content/civil/rule-81/current.md",
      publisher: "GitHub (copy of the Federal Rules)",
      what: "rule text",
    },
  },
  {
    slug: "19-usc-1509",
    kind: "statute",
    citation: "19 U.S.C. § 1509",
    shortName: "Customs summons (§ 1509)",
    court: null,
    year: null,
    tags: ["customs-summons", "statutory-authority"],
    holding:
      "Lets customs officials summon records and testimony to check entries, duties, fines and compliance with customs laws; movants argue unmasking social-media critics is no such inquiry.",
    check: {
      verification: "V",
      url: "https://uscodeweb1.house.gov/view.xhtml?edition=prelim&num=0&req=granuleid%3AUSC-prelim-title19-section1509",
      publisher: "Office of the Law Revision Counsel (U.S. House)",
      what: "statute text",
    },
  },
  {
    slug: "19-usc-1510",
    kind: "statute",
    citation: "19 U.S.C. § 1510",
    shortName: "Enforcement of customs summons (§ 1510)",
    court: null,
    year: null,
    tags: ["customs-summons", "statutory-authority"],
    holding: "Provides for court enforcement of a customs summons (not checked at research time).",
    check: { verification: "U", url: null, publisher: "", what: "" },
  },
  {
    slug: "19-cfr-162-1d",
    kind: "regulation",
    citation: "19 C.F.R. § 162.1d",
    shortName: "Customs summons regulation",
    court: null,
    year: null,
    tags: ["customs-summons"],
    holding: "The regulation implementing customs summonses under § 1509.",
    check: {
      verification: "S",
      url: "http://federal.elaws.us/cfr/title19.part162.section162.1d",
      publisher: "eLaws",
      what: "regulation text (secondary copy)",
    },
  },
  {
    slug: "8-usc-1225-d",
    kind: "statute",
    citation: "8 U.S.C. § 1225(d)",
    shortName: "Immigration subpoena (§ 1225(d))",
    court: null,
    year: null,
    tags: ["immigration-subpoena", "statutory-authority"],
    holding:
      "Lets immigration officers subpoena witnesses and documents about a person's privilege to enter, reside in or pass through the U.S., or matters material to enforcing the INA; limited by Minker.",
    check: {
      verification: "V",
      url: "https://en.m.wikisource.org/wiki/Page:United_States_Statutes_at_Large_Volume_66.djvu/245",
      publisher: "Wikisource (Statutes at Large, vol. 66)",
      what: "1952 statute text",
    },
  },
  {
    slug: "18-usc-2703-c-2",
    kind: "statute",
    citation: "18 U.S.C. § 2703(c)(2)",
    shortName: "Subscriber records (§ 2703(c)(2))",
    court: null,
    year: null,
    tags: ["subscriber-data", "administrative-subpoena"],
    holding:
      "Providers must disclose basic subscriber information in answer to an administrative subpoena authorised by statute — why platforms treat such subpoenas as enough for subscriber data.",
    check: {
      verification: "V",
      url: "http://about.meta.com/actions/safety/audiences/law/guidelines/",
      publisher: "Meta (law-enforcement guidelines)",
      what: "platform guidelines citing the statute",
    },
  },
  {
    slug: "frcp-5-2",
    kind: "rule",
    citation: "Fed. R. Civ. P. 5.2",
    shortName: "Rule 5.2",
    court: null,
    year: null,
    tags: ["privacy", "redaction"],
    holding:
      "Filings may show only the last four digits of SSNs, taxpayer and financial-account numbers, the year of birth, and a minor's initials, unless the court orders otherwise.",
    check: {
      verification: "V",
      url: "https://github.com/usarscotus/legal-directory/blob/main/_frcp/rule_5.2.md",
      publisher: "GitHub (copy of the Federal Rules)",
      what: "rule text",
    },
  },
  {
    slug: "frcrp-49-1",
    kind: "rule",
    citation: "Fed. R. Crim. P. 49.1",
    shortName: "Criminal Rule 49.1",
    court: null,
    year: null,
    tags: ["privacy", "redaction"],
    holding: "The criminal twin of Rule 5.2; it also limits home addresses to city and state (the tracker's house style).",
    check: {
      verification: "V",
      url: "https://github.com/usarscotus/legal-directory/blob/main/_frcmp/rule_49.1.md",
      publisher: "GitHub (copy of the Federal Rules)",
      what: "rule text",
    },
  },
  {
    slug: "does-v-advanced-textile",
    kind: "case",
    citation: "Does I thru XXIII v. Advanced Textile Corp., 214 F.3d 1058 (9th Cir. 2000)",
    shortName: "Advanced Textile",
    court: "U.S. Court of Appeals for the Ninth Circuit",
    year: 2000,
    tags: ["pseudonymity"],
    holding:
      "A party may proceed under a pseudonym in special circumstances, when the need for anonymity outweighs prejudice to the opponent and the public's interest in knowing who it is.",
    check: {
      verification: "S",
      url: "https://law.onecle.com/tax/2006/anonymous.tc.wpd08.html",
      publisher: "Onecle (quoted in a later opinion)",
      what: "later opinion quoting the case",
    },
  },
  {
    slug: "doe-v-kamehameha-schools",
    kind: "case",
    citation: "Doe v. Kamehameha Schools/Bernice Pauahi Bishop Estate, 596 F.3d 1036 (9th Cir. 2010)",
    shortName: "Kamehameha Schools",
    court: "U.S. Court of Appeals for the Ninth Circuit",
    year: 2010,
    tags: ["pseudonymity"],
    holding: "Applies the Advanced Textile balance to fear of retaliation; the refusal of anonymity was upheld (outcome not checked at research time).",
    check: {
      verification: "V",
      url: "http://ecases.us/case/ca9/c6027239/doe-v-kamehameha-schoolspauahi-bishop-estate",
      publisher: "eCases",
      what: "opinion (citation)",
    },
  },
];

const RELIABILITY: Record<Exclude<Verification, "U">, Reliability> = {
  // A checked copy of the primary text; the schema's closest level for primary legal text.
  V: "court_record",
  S: "secondary",
};

const NOTE: Record<Verification, string> = {
  V: "V — checked at research time against a copy of the primary text",
  S: "S — confirmed only through a secondary source",
  U: "U — from general knowledge, not confirmed at research time",
};

function sourceTag(entry: Entry): string {
  return entry.check.url ? `L-${entry.slug}` : RESEARCH_NOTES_SOURCE.tag;
}

/** One source per checked authority, plus the research-notes source for the unchecked ones. */
export const AUTHORITY_SOURCES: SourceSeed[] = [
  RESEARCH_NOTES_SOURCE,
  ...ENTRIES.flatMap((entry): SourceSeed[] =>
    entry.check.url && entry.check.verification !== "U"
      ? [
          {
            tag: sourceTag(entry),
            url: entry.check.url,
            publisher: entry.check.publisher,
            title: `${entry.citation} — ${entry.check.what}`,
            description: `Copy of the ${entry.check.what} used to check this authority at research time.`,
            reliability: RELIABILITY[entry.check.verification],
            note: NOTE[entry.check.verification],
          },
        ]
      : [],
  ),
];

export const AUTHORITIES: AuthoritySeed[] = ENTRIES.map((entry) => {
  const { check, ...authority } = entry;
  return { ...authority, url: check.url, cites: [{ tag: sourceTag(entry) }] };
});
