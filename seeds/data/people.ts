import type { PersonSeed } from "../types";

/*
 * Named people who are neither judges nor counsel: officials, company spokespeople, and people
 * who sued in their own name. Private individuals seen only in the news — the stopice.net
 * creator, the ICE List creator, the Cornell student, the Syracuse poll worker, the commentator
 * who posted about the Chicago page, the people whose deaths the Canadian plaintiff wrote about —
 * are deliberately absent and appear by role in event text (research rule 3). The agent at the
 * centre of the September 2025 "doxing" claim is recorded nowhere (rule 4).
 */
export const PEOPLE: PersonSeed[] = [
  {
    slug: "kristi-noem",
    name: "Kristi Noem",
    position: "DHS Secretary",
    organization: "dhs",
    notes: "Warned DHS would act against those who dox ICE agents; defendant in Cases 9 and 10.",
    cites: [{ tag: "S01" }, { tag: "S34b" }, { tag: "S36a" }],
  },
  {
    slug: "tricia-mclaughlin",
    name: "Tricia McLaughlin",
    position: "DHS Assistant Secretary for Public Affairs",
    organization: "dhs",
    notes: "Called posting videos of agents doxing; answered NBC Los Angeles about the stopice.net subpoena. Later reported to have left DHS.",
    cites: [{ tag: "S38a" }, { tag: "S05" }, { tag: "S49", field: "notes" }],
  },
  {
    slug: "pam-bondi",
    name: "Pam Bondi",
    position: "U.S. Attorney General",
    organization: "doj",
    notes: "Announced the Chicago page removal; said DOJ demanded ICEBlock's removal; defendant in Cases 9 and 10.",
    cites: [{ tag: "S33a" }, { tag: "S35a" }],
  },
  {
    slug: "markwayne-mullin",
    name: "Markwayne Mullin",
    position: "DHS Secretary (as described at the time of Case 8)",
    organization: "dhs",
    notes: "Defendant in the Canadian John Doe's suit.",
    cites: [{ tag: "S32a" }],
  },
  {
    slug: "joseph-dernbach",
    name: "Joseph Dernbach",
    position: "DHS lead attorney named in the Washington Post story",
    organization: "dhs",
    notes: "The DHS attorney the Case 5 movant emailed.",
    cites: [{ tag: "S22" }],
  },
  {
    slug: "jeanine-pirro",
    name: "Jeanine Pirro",
    position: "Head of the U.S. Attorney's Office for the District of Columbia",
    organization: "usao-dc",
    notes: "Her office issued the grand-jury subpoenas in Case 7.",
    cites: [{ tag: "S31d" }],
  },
  {
    slug: "todd-lyons",
    name: "Todd Lyons",
    position: "ICE Acting Director",
    organization: "ice",
    notes: "Defendant in Case 9.",
    cites: [{ tag: "S36a" }],
  },
  {
    slug: "tom-homan",
    name: "Tom Homan",
    position: "White House border czar",
    notes: "Defendant in Case 9.",
    cites: [{ tag: "S36a" }],
  },
  {
    slug: "ron-wyden",
    name: "Ron Wyden",
    position: "U.S. Senator; Ranking Member, Senate Finance Committee",
    organization: "senate-finance-committee",
    notes: "Wrote to DHS on 21 Nov 2025 about its use of customs-summons authority.",
    cites: [{ tag: "S16" }],
  },
  {
    slug: "francis-brennan",
    name: "Francis Brennan",
    position: "Meta spokesperson",
    organization: "meta",
    notes: "Said the Chicago page broke Meta's coordinated-harm rules.",
    cites: [{ tag: "S33b" }],
  },
  {
    slug: "andy-stone",
    name: "Andy Stone",
    position: "Meta spokesperson",
    organization: "meta",
    notes: "Tied the ICE List link block to Meta's personal-information policy.",
    cites: [{ tag: "S37" }],
  },
  {
    slug: "kae-rosado",
    name: "Kassandra \"Kae\" Rosado",
    position: "Founder of the ICE Sighting-Chicagoland Facebook page",
    notes: "Sued in her own name (Case 10).",
    cites: [{ tag: "S34b" }, { tag: "S34a" }],
  },
  {
    slug: "joshua-aaron",
    name: "Joshua Aaron",
    position: "Developer of the ICEBlock app",
    notes: "Sued in his own name (Case 9).",
    cites: [{ tag: "S36a" }],
  },
];
