import type { DoctrineSeed } from "../types";

/*
 * The doctrines at stake in the cluster, for the law-student pages (/doctrine). Each summary is
 * in our own words and says only what legal-rules.md section 3 (and 2.2 for pseudonymity)
 * says about its authorities; it cites the sources those entries were checked against
 * (the "L-<slug>" sources of ./authorities.ts). Where the research holds no authority for a
 * doctrine a filing raised (retaliation, the Fourth Amendment), the summary says so instead of
 * filling the gap from memory, and cites the litigation sources that attribute the argument.
 *
 * `tags` are the doctrine tags of authorities and arguments the doctrine gathers, its own
 * slug first.
 */
export const DOCTRINES: DoctrineSeed[] = [
  {
    slug: "anonymous-speech",
    title: "Anonymous speech",
    tags: ["anonymous-speech"],
    summary:
      "The Supreme Court protects the choice to speak without giving one's name. A ban on handbills that did not name their authors was void on its face (Talley, 1960); a ban on anonymous campaign leaflets failed exacting scrutiny, because deciding to stay anonymous is part of the freedom of speech (McIntyre, 1995). Forcing petition circulators to wear name badges (Buckley v. ACLF, 1999) and canvassers to register with the town (Watchtower, 2002) was unconstitutional in part because it stripped them of anonymity.",
    cites: [
      { tag: "L-talley-v-california" },
      { tag: "L-mcintyre-v-ohio-elections-commn" },
      { tag: "L-buckley-v-aclf" },
      { tag: "L-watchtower-v-village-of-stratton" },
    ],
  },
  {
    slug: "associational-privacy",
    title: "Associational privacy and exacting scrutiny",
    tags: ["associational-privacy", "exacting-scrutiny", "first-amendment-privilege"],
    summary:
      "Compelling a group to disclose who its members are can violate their freedom of association: Alabama could not justify the deterrent effect of demanding the NAACP's membership lists (NAACP v. Alabama, 1958). Disclosure rules are judged by exacting scrutiny, which requires narrow tailoring to the government's interest though not the least restrictive means (AFP v. Bonta, 2021); disclosure can survive in general and still fail as applied where it brings threats or harassment (Doe v. Reed, 2010). In the Ninth Circuit, a prima facie showing that disclosure would chill association shifts the burden to the party seeking it (Perry v. Schwarzenegger), before a grand jury (Bursey, 1972) and against an agency's administrative subpoena (Brock v. Local 375, 1988) alike.",
    cites: [
      { tag: "L-naacp-v-alabama" },
      { tag: "L-afp-v-bonta" },
      { tag: "L-doe-v-reed" },
      { tag: "L-perry-v-schwarzenegger" },
      { tag: "L-bursey-v-united-states" },
      { tag: "L-brock-v-local-375" },
    ],
  },
  {
    slug: "unmasking",
    title: "The civil unmasking tests",
    tags: ["unmasking"],
    summary:
      "Courts asked to unmask an anonymous speaker through a civil subpoena have built tests for it. Dendrite (N.J. 2001) requires notice to the speaker, the exact statements, a prima facie claim supported by evidence, and a final balance of the anonymity right against the need for disclosure; Doe v. Cahill (Del. 2005) asks for evidence that would survive summary judgment. In the Northern District of California, Highfields (2005) requires a real evidentiary basis and then weighs the harms of disclosure against those of denial, as USA Technologies (2010) and Art of Living (2011) applied it; Doe v. 2TheMart (W.D. Wash. 2001) sets four conditions for unmasking a non-party. The Ninth Circuit held that how much protection applies depends on the nature of the speech, political speech getting more than commercial (In re Anonymous Online Speakers, 2011). These tests were made for subpoenas in private suits.",
    cites: [
      { tag: "L-dendrite-v-doe" },
      { tag: "L-doe-v-cahill" },
      { tag: "L-highfields-capital-v-doe" },
      { tag: "L-usa-technologies-v-doe" },
      { tag: "L-art-of-living-v-does" },
      { tag: "L-doe-v-2themart" },
      { tag: "L-in-re-anonymous-online-speakers" },
    ],
  },
  {
    slug: "administrative-subpoena",
    title: "Administrative-subpoena enforcement standards",
    tags: ["administrative-subpoena", "procedure"],
    summary:
      "An agency need not show probable cause to enforce its summons: it must show a legitimate purpose, relevance to it, that it does not already have the information, and that it followed the required steps, after which the challenger must show an abuse of process (United States v. Powell, 1964). In the Ninth Circuit, review is narrow: whether Congress authorised the investigation, whether procedure was followed, and whether the evidence is relevant and material, enforcing unless the demand is overbroad or unduly burdensome (EEOC v. Children's Hospital, 1983, en banc; that three-part wording was not checked against the opinion). The civil rules govern a proceeding to compel compliance unless a statute, local rule or order says otherwise (Fed. R. Civ. P. 81(a)(5)). Morton Salt (1950) and Oklahoma Press (1946) are commonly cited for the same standard but were not checked.",
    cites: [
      { tag: "L-united-states-v-powell" },
      { tag: "L-eeoc-v-childrens-hospital" },
      { tag: "L-frcp-81-a-5" },
      { tag: "L-research-notes" },
    ],
  },
  {
    slug: "statutory-authority",
    title: "Statutory authority",
    tags: ["statutory-authority", "customs-summons", "immigration-subpoena"],
    summary:
      "An agency may demand only what its statute lets it demand. The customs summons of 19 U.S.C. § 1509 serves investigations into the correctness of an entry, liability for duties, fees, taxes, fines and penalties, and compliance with laws the Customs Service administers; the movants' core argument is that unmasking critics on social media is no such inquiry. The immigration subpoena of 8 U.S.C. § 1225(d) reaches evidence about a person's privilege to enter, reside in or pass through the United States, or matters material to enforcing the immigration laws, and the Supreme Court read its predecessor narrowly (United States v. Minker, 1956).",
    cites: [{ tag: "L-19-usc-1509" }, { tag: "L-19-cfr-162-1d" }, { tag: "L-8-usc-1225-d" }, { tag: "L-united-states-v-minker" }],
  },
  {
    slug: "first-amendment-retaliation",
    title: "First Amendment retaliation",
    tags: ["first-amendment-retaliation", "retaliation"],
    summary:
      "The research behind this tracker lists no authority for a retaliation claim, so none is shown here. In the cluster, the movant in the Google case argued that a subpoena sent hours after he emailed a DHS attorney retaliated against his protected criticism of the government, and his counsel later filed papers describing a pattern of retaliatory subpoenas.",
    cites: [{ tag: "S21" }, { tag: "S22" }],
  },
  {
    slug: "fourth-amendment",
    title: "Fourth Amendment and third-party records",
    tags: ["fourth-amendment", "third-party-doctrine", "subscriber-data"],
    summary:
      "The research behind this tracker lists no Fourth Amendment authority, and no source attributes a Fourth Amendment argument to a filing in the cluster. What the record holds is the statute under which providers must disclose a user's basic subscriber information (name, address, session records, identifiers, means of payment) in answer to an administrative subpoena a statute authorises, 18 U.S.C. § 2703(c)(2), which is why the platforms treat such a subpoena as enough for that data.",
    cites: [{ tag: "L-18-usc-2703-c-2" }],
  },
  {
    slug: "pseudonymity",
    title: "Proceeding under a pseudonym",
    tags: ["pseudonymity"],
    summary:
      "In the Ninth Circuit a party may proceed under a pseudonym in special circumstances, when the need for anonymity outweighs the prejudice to the other side and the public's interest in knowing who the party is (Advanced Textile, 2000); Doe v. Kamehameha Schools (2010) applied that balance to a fear of retaliation. Doe v. 2TheMart was brought on a motion both to proceed under a pseudonym and to quash: the pseudonym protected the very anonymity being litigated.",
    cites: [{ tag: "L-does-v-advanced-textile" }, { tag: "L-doe-v-kamehameha-schools" }, { tag: "L-doe-v-2themart" }],
  },
];
