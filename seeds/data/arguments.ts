import type { ArgumentSeed } from "../types";

/*
 * Arguments the sources attribute to a filing, the respondent's included. No court reached any
 * of them: every demand was withdrawn before a ruling. No source lists the authorities a filing
 * cited, so none are linked (argument_authorities stays empty rather than guessed).
 */
export const ARGUMENTS: ArgumentSeed[] = [
  {
    motion: "lbprotest-motion-to-quash/motion-to-quash",
    party: "lbprotest-motion-to-quash/J. Doe/Movant",
    doctrineTag: "anonymous-speech",
    text: "The movant's affidavit, filed under the name J. Doe, says the account was kept anonymous to keep it apart from the movant's personal and professional life.",
    reached: "no",
    treatment: "Not reached: DHS withdrew the subpoena in November 2025, before any ruling on the motion.",
    cites: [{ tag: "S01" }, { tag: "S02", field: "treatment" }],
  },
  {
    motion: "montco-doe-v-dhs/motion-to-quash",
    party: "montco-doe-v-dhs/DHS/Respondent",
    doctrineTag: "administrative-subpoena",
    text: "Opposing the motion, DHS said the group posted images and video of agents' faces, license plates and weapons that amount to threats meant to impede them, that it must investigate threats to assault, kidnap or murder agents, and relied on a declarant who said the group was engaged in \"stalking and gathering of intelligence\" on agents.",
    reached: "no",
    treatment: "Not reached: DHS withdrew the summonses on 16 Jan 2026.",
    cites: [{ tag: "S13c" }, { tag: "S13b", field: "text", quote: "stalking and gathering of intelligence" }, { tag: "S51" }],
  },
  {
    motion: "montco-doe-v-dhs/motion-to-quash",
    party: "montco-doe-v-dhs/J. Doe/Movant",
    doctrineTag: "anonymous-speech",
    text: "Neither DHS nor its declarant points to any specific threatening post; all of the group's posts are protected speech.",
    reached: "no",
    treatment: "Not reached: DHS withdrew the summonses on 16 Jan 2026.",
    cites: [{ tag: "S13b" }],
  },
  {
    motion: "montco-doe-v-dhs/motion-to-quash",
    party: "montco-doe-v-dhs/J. Doe/Movant",
    doctrineTag: "statutory-authority",
    text: "The customs summonses name no crime or customs violation; DHS's reading would give it \"unlimited subpoena authority\" to unmask critics.",
    reached: "no",
    treatment: "Not reached: DHS withdrew the summonses on 16 Jan 2026.",
    cites: [{ tag: "S10" }, { tag: "S13", field: "text", quote: "unlimited subpoena authority" }],
  },
  {
    motion: "cldc-stopice-motion-to-quash/motion-to-quash",
    party: "cldc-stopice-motion-to-quash/Anonymous movant (CLDC client)/Movant",
    doctrineTag: "statutory-authority",
    text: "The subpoena is an attempt by ICE to stretch its power beyond what Congress intended.",
    reached: "unknown",
    cites: [{ tag: "S07b" }],
  },
  {
    motion: "doe-v-dhs-5-26-mc-80026/motion-to-quash",
    party: "doe-v-dhs-5-26-mc-80026/Jon Doe/Movant",
    doctrineTag: "first-amendment-retaliation",
    text: "The subpoena, sent hours after the movant emailed a DHS attorney, retaliates against protected criticism of the government.",
    reached: "no",
    treatment: "Not reached: DHS withdrew the subpoena on 5 Feb 2026, before any decision.",
    cites: [{ tag: "S21" }, { tag: "S22" }],
  },
];

export const argumentKey = (argument: Pick<ArgumentSeed, "motion" | "doctrineTag">) => `${argument.motion}/${argument.doctrineTag}`;
