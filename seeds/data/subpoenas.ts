import { day, month, unknown } from "../dates";
import type { SubpoenaSeed } from "../types";

/*
 * Every demand in the record. Status is not stored: "withdrawn" comes from the withdrawal
 * events in events.ts, "stayed" from the stay coverages in orders.ts.
 *
 * The two MontCo customs summonses of 11 Sep 2025 are one record: no source tells them apart
 * (numbers, which account each names, wording), so two rows would invent a split. The title
 * and summary say there were two; split the record when the docket shows them.
 */
export const SUBPOENAS: SubpoenaSeed[] = [
  {
    slug: "dhs-meta-2025-09-03",
    title: "DHS administrative subpoena to Meta of 3 Sep 2025 (\"Officer Safety / Doxing\")",
    kind: "administrative_subpoena",
    issuer: "dhs",
    recipient: "meta",
    // Unknown: only a low-reliability page names a statute and CBP as issuer (Q4).
    authorityCited: null,
    issued: day("2025-09-03"),
    statedPurpose: "\"Officer Safety / Doxing\"",
    howKnown: "Meta's notices to the account holders, their motions to quash, and press reports.",
    accountsCovered: 6,
    summary:
      "Sought identifying data for six Instagram accounts that had posted the name of a Border Patrol agent working the Los Angeles raids. Targets were given 10 days to get a lawyer and go to court. Challenged by at least three movants (Cases 1–3); DHS withdrew it in November 2025.",
    demands: ["Names tied to the accounts", "Email addresses tied to the accounts", "Phone numbers tied to the accounts"],
    accounts: [
      { account: "instagram-lbprotest" },
      { account: "instagram-stopicenet" },
      {
        account: "instagram-longbeachrapidresponse",
        note: "Named only by one secondary source (S50); unconfirmed elsewhere.",
      },
    ],
    notices: [
      {
        account: "instagram-lbprotest",
        platform: "instagram",
        notified: { date: null, precision: "unknown" },
        responseWindowStated: "10 days",
        responseWindowDays: 10,
        cites: [{ tag: "S02", field: "responseWindowStated", quote: "only 10 days" }],
      },
    ],
    cites: [
      { tag: "S01", field: "dateIssued" },
      { tag: "S01", field: "statedPurpose", quote: "Officer Safety / Doxing" },
      { tag: "S04", field: "statedPurpose", quote: "officer safety/doxing" },
      { tag: "S01", field: "issuerId" },
      { tag: "S01", field: "recipientId" },
      { tag: "S03", field: "accountsCovered" },
      { tag: "S14", field: "accountsCovered" },
      { tag: "S01", field: "summary" },
      { tag: "S02", field: "summary", quote: "10 days" },
    ],
  },
  {
    slug: "dhs-meta-2025-09-11-montco-summonses",
    title: "Two DHS customs summonses to Meta of 11 Sep 2025 (MontCo Community Watch)",
    kind: "customs_summons",
    issuer: "dhs",
    recipient: "meta",
    authorityCited: "19 U.S.C. § 1509",
    issued: day("2025-09-11"),
    statedPurpose: "Investigating customs violations involving merchandise sales (no specific crime or violation named).",
    howKnown: "Meta's notice to the account manager and the ACLU-PA motion to quash.",
    summary:
      "Two administrative summonses, recorded here as one because no source distinguishes them, demanding the identity of the users behind the MontCo Community Watch Facebook and Instagram accounts and the IP addresses used to reach them. Meta's notice gave 10 days to show a court challenge. Withdrawn by DHS on 16 Jan 2026.",
    demands: [
      "Identity of the users behind the accounts",
      "Usernames",
      "Email addresses",
      "Phone numbers",
      "Postal code and country",
      "Account-creation date",
      "Sign-up IP address",
      "IP addresses and dates of access (access logs)",
    ],
    accounts: [{ account: "facebook-montco-community-watch" }, { account: "instagram-montcowatch" }],
    notices: [
      {
        account: null,
        platform: "meta",
        notified: { date: null, precision: "unknown" },
        responseWindowStated: "10 days",
        responseWindowDays: 10,
        cites: [{ tag: "S18", field: "responseWindowStated", quote: "10 days" }],
      },
    ],
    cites: [
      { tag: "S10" },
      { tag: "S10", field: "dateIssued" },
      { tag: "S10", field: "authorityCited" },
      { tag: "S10", field: "issuerId" },
      { tag: "S10", field: "recipientId" },
      { tag: "S11", field: "statedPurpose" },
      { tag: "S12", field: "statedPurpose", quote: "imports merchandise" },
      { tag: "S10", field: "summary" },
      { tag: "S11", field: "summary" },
      { tag: "S14", field: "summary" },
      { tag: "S18", field: "summary", quote: "10 days" },
    ],
  },
  {
    slug: "dhs-google-2025-10-30",
    title: "DHS \"Immigration Enforcement Subpoena\" to Google about the Case 5 movant (about 30 Oct 2025)",
    kind: "immigration_subpoena",
    issuer: "dhs",
    recipient: "google",
    authorityCited: "8 U.S.C. § 1225(d)",
    issued: day("2025-10-30", "about 30 Oct 2025 (inferred: the same day as the email it followed)"),
    howKnown: "Google's alert to the user, then the ACLU's motion to quash.",
    summary:
      "Sent about four hours after the movant emailed the DHS attorney named in a Washington Post story of 30 Oct 2025. Withdrawn on 5 Feb 2026, when DHS told counsel the investigation was over.",
    demands: [
      "IP address",
      "Home address",
      "Google services used",
      "Session times and lengths",
      "Usernames",
      "Social Security number",
      "Credit-card data",
      "Driver's-licence data",
    ],
    accounts: [{ account: "google-case-5-movant" }],
    notices: [
      {
        account: "google-case-5-movant",
        platform: "google",
        notified: { date: null, precision: "unknown" },
        cites: [{ tag: "S45", quote: "five hours and one minute" }],
      },
    ],
    cites: [
      { tag: "S21", quote: "Immigration Enforcement Subpoena" },
      { tag: "S21", field: "authorityCited" },
      {
        tag: "S21",
        field: "dateIssued",
        quote: "four hours",
        inferred:
          "The subpoena followed the movant's email by about four hours and the email followed the Post story of 30 Oct 2025; Law Dork's \"99 days\" to 5 Feb fits 30 Oct counted inclusively",
      },
      { tag: "S25", field: "dateIssued" },
      { tag: "S22", field: "dateIssued", quote: "99 days" },
      { tag: "S47", field: "summary" },
      { tag: "S21", field: "recipientId" },
    ],
  },
  {
    slug: "ice-reddit-2026-03",
    title: "ICE customs summons to Reddit about an Oregon user (early March 2026)",
    kind: "customs_summons",
    issuer: "ice",
    recipient: "reddit",
    authorityCited: "19 U.S.C. § 1509",
    issued: month("2026-03", "early March 2026"),
    howKnown: "Reddit told the user within two days.",
    summary:
      "Issued by an ICE agent in Virginia. Challenged by CLDC in N.D. Cal. (Case 6); DHS rescinded it and the proceeding was dismissed at the user's request. Four days later a D.C. grand-jury subpoena to Reddit followed.",
    demands: [
      "Name",
      "Phone number",
      "Home address",
      "Banking and card data",
      "IP addresses",
      "Phone model",
      "Linked accounts",
    ],
    accounts: [{ account: "reddit-oregon-user" }],
    notices: [
      {
        account: "reddit-oregon-user",
        platform: "reddit",
        notified: { date: null, precision: "unknown" },
        cites: [{ tag: "S31e" }],
      },
    ],
    cites: [
      { tag: "S31a", field: "authorityCited" },
      { tag: "S31a", field: "summary" },
      { tag: "S31c", field: "dateIssued" },
      { tag: "S31b", field: "issuerId" },
      { tag: "S31e", field: "howKnown" },
      { tag: "S31a", field: "recipientId" },
    ],
  },
  {
    slug: "usao-dc-reddit-grand-jury-2026-03",
    title: "D.C. grand-jury subpoena to Reddit (late March 2026)",
    kind: "grand_jury_subpoena",
    issuer: "usao-dc",
    recipient: "reddit",
    authorityCited: null,
    issued: month("2026-03", "late March 2026 (four days after the ICE summons was rescinded)"),
    dateReturn: "2026-04-14",
    howKnown: "Reported by The Intercept on 10 Apr 2026.",
    summary:
      "Issued four days after the ICE summons to Reddit was rescinded, covering a period about three times longer, with a 14 April appearance date. Motions to quash and unseal are pending before Chief Judge Boasberg (Case 7).",
    demands: [],
    accounts: [
      {
        account: "reddit-oregon-user",
        note: "Inferred: issued four days after the summons about this user was rescinded, covering a longer period (S31a).",
      },
    ],
    cites: [
      { tag: "S31a" },
      { tag: "S31b", field: "dateIssued" },
      { tag: "S31b", field: "dateReturn" },
      { tag: "S31d", field: "issuerId" },
      { tag: "S31f", field: "howKnown" },
    ],
  },
  {
    slug: "usao-dc-x-grand-jury-2026",
    title: "D.C. grand-jury subpoena to X (date unknown)",
    kind: "grand_jury_subpoena",
    issuer: "usao-dc",
    recipient: "x",
    authorityCited: null,
    issued: unknown("date unknown (reported April 2026)"),
    howKnown: "Press reports of the motions to quash and unseal.",
    summary: "Grand-jury subpoena to X to identify an anonymous critic of ICE; the user has moved to quash and unseal (Case 7).",
    demands: [],
    accounts: [{ account: "x-anonymous-user" }],
    cites: [{ tag: "S31d" }, { tag: "S31d", field: "issuerId" }],
  },
  {
    slug: "dhs-google-canadian-customs-summons",
    title: "DHS customs summons to Google about a Canadian critic (date unknown)",
    kind: "customs_summons",
    issuer: "dhs",
    recipient: "google",
    // Coverage says "a 1930s trade law"; the section is not named (and one item wrongly says IEEPA, Q10).
    authorityCited: null,
    issued: unknown("date unknown"),
    howKnown: "The ACLU's suit on the man's behalf (Case 8).",
    summary:
      "Customs summons, under what coverage calls a 1930s trade law, for the location and activity data of a Canadian who posted on X condemning two killings and has not entered the U.S. in over a decade.",
    demands: ["Location data", "Activity data"],
    accounts: [{ account: "google-canadian-plaintiff" }],
    cites: [
      { tag: "S32b" },
      { tag: "S32c", field: "summary", quote: "1930s trade law" },
      { tag: "S32c", field: "authorityCited", quote: "1930s trade law" },
    ],
  },
  {
    slug: "dhs-google-2025-04-cornell",
    title: "DHS subpoena to Google about a Cornell PhD student (April 2025, context)",
    kind: "administrative_subpoena",
    issuer: "dhs",
    recipient: "google",
    authorityCited: null,
    issued: month("2025-04"),
    howKnown: "Google's later disclosure, reported in the press.",
    summary: "Sought to locate a Cornell PhD student; Google complied without prior notice to the user. Context for the later cases; no court challenge.",
    demands: [],
    accounts: [],
    cites: [{ tag: "S27b" }, { tag: "S41" }, { tag: "S27b", field: "dateIssued" }],
  },
];
