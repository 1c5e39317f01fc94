import type { AccountSeed } from "../types";

/*
 * Targeted accounts by public handle only (legal-rules 2.3 item 6), and never with anything
 * that ties an account to a real identity. Accounts without a public handle are recorded by
 * platform and role so subpoenas, notices and parties can point at them.
 */
export const ACCOUNTS: AccountSeed[] = [
  {
    slug: "instagram-lbprotest",
    platform: "instagram",
    handle: "@LBProtest",
    description:
      "Instagram account used to help people find community events and protests and for political commentary tied to Long Beach; it reposted a video of a Border Patrol agent on duty in public.",
    cites: [{ tag: "S02" }, { tag: "S01", field: "handle", quote: "@LBProtest" }],
  },
  {
    slug: "instagram-longbeachrapidresponse",
    platform: "instagram",
    handle: "@longbeachrapidresponse",
    description:
      "Named by one secondary source among the accounts targeted by the 3 Sep 2025 subpoena; unconfirmed by any other source.",
    cites: [{ tag: "S50", field: "handle" }],
  },
  {
    slug: "instagram-stopicenet",
    platform: "instagram",
    handle: "@stopicenet",
    description: "Instagram account of the stopice.net website.",
    cites: [{ tag: "S08", field: "handle" }],
  },
  {
    slug: "facebook-montco-community-watch",
    platform: "facebook",
    handle: null,
    displayName: "MontCo Community Watch",
    description: "Facebook account reporting ICE activity in Montgomery County, Pennsylvania.",
    cites: [{ tag: "S10" }],
  },
  {
    slug: "instagram-montcowatch",
    platform: "instagram",
    handle: "@montcowatch",
    displayName: "MontCo Community Watch",
    description: "Instagram account of MontCo Community Watch, reporting ICE activity in Montgomery County, Pennsylvania.",
    cites: [{ tag: "S10" }, { tag: "S40b", field: "handle", quote: "@montcowatch" }],
  },
  {
    slug: "google-case-5-movant",
    platform: "google",
    handle: null,
    description: "Google account of the Case 5 movant (no handle is public).",
    cites: [{ tag: "S21" }],
  },
  {
    slug: "reddit-oregon-user",
    platform: "reddit",
    handle: null,
    description: "Reddit account of the anonymous Oregon user in Case 6 (no handle is public).",
    cites: [{ tag: "S31a" }, { tag: "S31b" }],
  },
  {
    slug: "x-anonymous-user",
    platform: "x",
    handle: null,
    description: "X account of an anonymous user whose data the D.C. grand-jury subpoena to X sought (no handle is public).",
    cites: [{ tag: "S31d" }],
  },
  {
    slug: "google-canadian-plaintiff",
    platform: "google",
    handle: null,
    description: "Google account of the Canadian plaintiff in Case 8 (no handle is public).",
    cites: [{ tag: "S32b" }],
  },
  {
    slug: "facebook-ice-sighting-chicagoland",
    platform: "facebook",
    handle: null,
    displayName: "ICE Sighting-Chicagoland",
    description: "Facebook page for ICE sightings in the Chicago area, removed by Meta in October 2025 after DOJ outreach.",
    cites: [{ tag: "S33a" }, { tag: "S34b" }],
  },
];
