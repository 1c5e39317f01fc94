import type { PartySeed } from "../types";

/*
 * Parties named as on the docket or, with no docket read, as the sources give them. The five
 * Doe movants/plaintiffs ("J. Doe" three times, "Jon Doe", "John Doe") are different people in
 * different cases and are never merged. Pseudonymous parties are described by role only; no
 * field says or hints who they are. In particular the Case 3 movant is not linked to the
 * stopice.net creator or to @stopicenet: that identification is only inferred (research rule 2).
 * The Case 5 movant's age and home area, though in the press, are left out as needlessly identifying.
 *
 * Anonymous movants are not tied to an organisation record either, even LBRRN: the affiliation
 * stays in the description, so no join can be read as an identification.
 *
 * Government respondents appear only where a caption names them (Cases 4, 5) or a source lists
 * the defendants (Cases 8–11). Counsel standing is "reported" or "quoted_only": no docket was
 * read, so no one is recorded as counsel of record.
 */
export const PARTIES: PartySeed[] = [
  {
    case: "lbprotest-motion-to-quash",
    name: "J. Doe",
    role: "Movant",
    pseudonymous: true,
    description: "Operator of the Instagram account @LBProtest; filed an affidavit under the name J. Doe.",
    position: 1,
    accounts: ["instagram-lbprotest"],
    representations: [
      { organization: "aclu-norcal", standing: "reported", cites: [{ tag: "S02" }] },
      { attorney: "jake-snow", standing: "quoted_only", cites: [{ tag: "S02" }] },
    ],
    cites: [{ tag: "S01" }, { tag: "S01", field: "name" }],
  },
  {
    case: "lbrrn-motion-to-quash",
    name: "Anonymous movants (Long Beach Rapid Response Network)",
    role: "Movant",
    pseudonymous: true,
    description:
      "Activists affiliated with the Long Beach Rapid Response Network; their names and how the docket lists them are unknown.",
    position: 1,
    representations: [{ attorney: "joshua-koltun", standing: "reported", cites: [{ tag: "S03" }] }],
    cites: [{ tag: "S03" }],
  },
  {
    case: "cldc-stopice-motion-to-quash",
    name: "Anonymous movant (CLDC client)",
    role: "Movant",
    pseudonymous: true,
    description: "One of six people named in the subpoena, described as a co-operator of StopIce.net; how the docket names the movant is unknown.",
    position: 1,
    representations: [{ organization: "cldc", standing: "reported", cites: [{ tag: "S04" }] }],
    cites: [{ tag: "S04" }],
  },
  {
    case: "montco-doe-v-dhs",
    name: "J. Doe",
    role: "Movant",
    pseudonymous: true,
    description: "Account manager of the MontCo Community Watch Facebook and Instagram accounts.",
    position: 1,
    accounts: ["facebook-montco-community-watch", "instagram-montcowatch"],
    representations: [
      { organization: "aclu-pa", standing: "reported", cites: [{ tag: "S10" }] },
      { attorney: "ariel-shapell", standing: "reported", cites: [{ tag: "S13b" }] },
      { attorney: "steve-loney", standing: "quoted_only", cites: [{ tag: "S15" }] },
    ],
    cites: [{ tag: "S10" }, { tag: "S10", field: "name", quote: "J. Doe v. DHS" }],
  },
  {
    case: "montco-doe-v-dhs",
    name: "DHS",
    role: "Respondent",
    pseudonymous: false,
    description: "U.S. Department of Homeland Security, which issued the summonses. Its counsel is not named in any source.",
    organization: "dhs",
    position: 2,
    cites: [{ tag: "S10", quote: "J. Doe v. DHS" }],
  },
  {
    case: "doe-v-dhs-5-26-mc-80026",
    name: "Jon Doe",
    role: "Movant",
    pseudonymous: true,
    description: "The person whose Google data DHS sought after he emailed a DHS attorney named in a news story.",
    position: 1,
    accounts: ["google-case-5-movant"],
    representations: [
      { organization: "aclu", standing: "reported", cites: [{ tag: "S21" }] },
      { organization: "aclu-norcal", standing: "reported", cites: [{ tag: "S21" }] },
      { organization: "aclu-pa", standing: "reported", cites: [{ tag: "S21" }] },
      { attorney: "judi-bernstein-baker", standing: "quoted_only", cites: [{ tag: "S46" }] },
      { attorney: "steve-loney", standing: "quoted_only", cites: [{ tag: "S15" }] },
    ],
    cites: [{ tag: "S21" }, { tag: "S21", field: "name", quote: "Jon Doe" }],
  },
  {
    case: "doe-v-dhs-5-26-mc-80026",
    name: "U.S. Department of Homeland Security",
    role: "Respondent",
    pseudonymous: false,
    description: "Issued the subpoena. Its counsel is not named in any source.",
    organization: "dhs",
    position: 2,
    cites: [{ tag: "S20" }],
  },
  {
    case: "reddit-oregon-doe-summons-challenge",
    name: "J. Doe",
    role: "Movant",
    pseudonymous: true,
    description: "Anonymous Reddit user from Oregon.",
    position: 1,
    accounts: ["reddit-oregon-user"],
    representations: [{ organization: "cldc", standing: "reported", cites: [{ tag: "S31a" }] }],
    cites: [{ tag: "S31b" }, { tag: "S31b", field: "name", quote: "J. Doe" }],
  },
  {
    case: "dc-grand-jury-reddit-x",
    name: "Anonymous Reddit user",
    role: "Movant",
    pseudonymous: true,
    description: "Anonymous Reddit user moving to quash and unseal; presumably the Case 6 user (inferred, not linked).",
    position: 1,
    cites: [{ tag: "S31d" }],
  },
  {
    case: "dc-grand-jury-reddit-x",
    name: "Anonymous X user",
    role: "Movant",
    pseudonymous: true,
    description: "Anonymous X user moving to quash and unseal.",
    position: 2,
    accounts: ["x-anonymous-user"],
    cites: [{ tag: "S31d" }],
  },
  {
    case: "canadian-doe-v-mullin",
    name: "John Doe",
    role: "Plaintiff",
    pseudonymous: true,
    description: "Anonymous Canadian man whose Google data DHS demanded.",
    position: 1,
    accounts: ["google-canadian-plaintiff"],
    representations: [
      { organization: "aclu-dc", standing: "reported", cites: [{ tag: "S32a" }] },
      { organization: "aclu-norcal", standing: "reported", cites: [{ tag: "S32a" }] },
      { attorney: "michael-perloff", standing: "reported", cites: [{ tag: "S32b" }] },
    ],
    cites: [{ tag: "S32a" }],
  },
  {
    case: "canadian-doe-v-mullin",
    name: "Markwayne Mullin",
    role: "Defendant",
    pseudonymous: false,
    description: "DHS Secretary, sued in that role.",
    organization: "dhs",
    position: 2,
    cites: [{ tag: "S32a" }],
  },
  {
    case: "aaron-v-bondi",
    name: "Joshua Aaron",
    role: "Plaintiff",
    pseudonymous: false,
    description: "Developer of the ICEBlock app.",
    position: 1,
    representations: [{ attorney: "noam-biale", standing: "reported", cites: [{ tag: "S36b" }] }],
    cites: [{ tag: "S36a" }],
  },
  ...["Pam Bondi", "Kristi Noem", "Todd Lyons", "Tom Homan"].map(
    (name, index): PartySeed => ({
      case: "aaron-v-bondi",
      name,
      role: "Defendant",
      pseudonymous: false,
      description: "Federal official sued over the ICEBlock removal.",
      position: index + 2,
      cites: [{ tag: "S36a" }],
    }),
  ),
  {
    case: "rosado-v-bondi",
    name: "Kassandra \"Kae\" Rosado",
    role: "Plaintiff",
    pseudonymous: false,
    description: "Founder of the ICE Sighting-Chicagoland Facebook page.",
    position: 1,
    accounts: ["facebook-ice-sighting-chicagoland"],
    cites: [{ tag: "S34b" }, { tag: "S34a" }],
  },
  ...["Pam Bondi", "Kristi Noem"].map(
    (name, index): PartySeed => ({
      case: "rosado-v-bondi",
      name,
      role: "Defendant",
      pseudonymous: false,
      description: "Federal official sued over the Chicago page removal.",
      position: index + 2,
      cites: [{ tag: "S34b" }],
    }),
  ),
  {
    case: "eff-v-dhs-ice-foia",
    name: "Electronic Frontier Foundation",
    role: "Plaintiff",
    pseudonymous: false,
    description: "Requester of the records.",
    organization: "eff",
    position: 1,
    representations: [{ attorney: "aaron-mackey", standing: "quoted_only", cites: [{ tag: "S28" }] }],
    cites: [{ tag: "S28" }],
  },
  ...[
    ["U.S. Department of Homeland Security", "dhs"],
    ["U.S. Immigration and Customs Enforcement", "ice"],
  ].map(
    ([name, organization], index): PartySeed => ({
      case: "eff-v-dhs-ice-foia",
      name: name!,
      role: "Defendant",
      pseudonymous: false,
      description: "Agency whose records are sought.",
      organization: organization!,
      position: index + 2,
      cites: [{ tag: "S28" }],
    }),
  ),
];

export const partyKey = (party: Pick<PartySeed, "case" | "name" | "role">) => `${party.case}/${party.name}/${party.role}`;
