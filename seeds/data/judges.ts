import type { JudgeSeed } from "../types";

/*
 * Judges as the sources name them. Docket initials (`TSH`…) are left empty: no source for this
 * record states them. Boasberg's middle initial is not in the sources, so it is not added.
 */
export const JUDGES: JudgeSeed[] = [
  {
    slug: "thomas-s-hixson",
    name: "Thomas S. Hixson",
    title: "U.S. Magistrate Judge",
    court: "cand",
    notes:
      "The DHS-case report names \"Magistrate Judge Thomas Hixson\"; the middle initial and title come from an unrelated 2023 N.D. Cal. opinion he signed. A variant \"Thomas X. Hixson\" is treated as an error (Q1).",
    cites: [
      { tag: "S01", quote: "Magistrate Judge Thomas Hixson" },
      { tag: "S42", field: "name", quote: "Thomas S. Hixson, United States Magistrate Judge" },
      { tag: "S42", field: "title", quote: "United States Magistrate Judge" },
      { tag: "S01", field: "courtId" },
    ],
  },
  {
    slug: "alex-g-tse",
    name: "Alex G. Tse",
    // The only source says "Magistrate Judge" without naming the court.
    title: "Magistrate Judge",
    court: "cand",
    notes: "Named only by an aggregator rewrite, which places the court in San Francisco.",
    cites: [
      { tag: "S03" },
      {
        tag: "S03",
        field: "courtId",
        inferred: "N.D. Cal. inferred from the San Francisco location and the companion cases",
      },
    ],
  },
  {
    slug: "peter-h-kang",
    name: "Peter H. Kang",
    title: "U.S. Magistrate Judge",
    court: "cand",
    cites: [
      { tag: "S11" },
      { tag: "S43", field: "name", quote: "Peter H. Kang, United States Magistrate Judge" },
      { tag: "S43", field: "courtId" },
    ],
  },
  {
    slug: "james-boasberg",
    name: "James Boasberg",
    title: "Chief U.S. District Judge",
    court: "dcd",
    cites: [
      { tag: "S31d" },
      { tag: "S31g", field: "title", quote: "Chief Judge James Boasberg (D.D.C.)" },
      { tag: "S31g", field: "courtId", quote: "D.D.C." },
    ],
  },
];
