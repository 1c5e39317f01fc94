import { bluebookDate, type BluebookCitation } from "./bluebook";

/**
 * "Cite this page" (views/partials/cite-box.hbs): the page's permalink, when its record last
 * changed, the day it was retrieved, and a ready citation, "Quash, <the Bluebook citation>,
 * retrieved Dec. 7, 2026, <permalink>". A date the record does not have is left out.
 */
export function citeBox(parts: { citation: BluebookCitation; permalink: string; changedAt: string | null; retrievedAt: string }) {
  const retrievedDay = parts.retrievedAt.slice(0, 10);
  const retrieved = bluebookDate({ date: retrievedDay }) ?? retrievedDay;
  const changedDay = parts.changedAt?.slice(0, 10) ?? null;
  const runs = [
    { text: "Quash, ", italic: false },
    ...parts.citation.runs,
    { text: `, retrieved ${retrieved}, <${parts.permalink}>`, italic: false },
  ];
  return {
    permalink: parts.permalink,
    changed: changedDay ? { datetime: changedDay, text: bluebookDate({ date: changedDay }) ?? changedDay } : null,
    retrieved: { datetime: retrievedDay, text: retrieved },
    runs,
    text: runs.map((r) => r.text).join(""),
  };
}

export type CiteBoxView = ReturnType<typeof citeBox>;

/** A record that is not a court document, cited by its name on the tracker ("Judge Thomas S. Hixson"). */
export function titleCitation(title: string, caseName?: string): BluebookCitation {
  const runs = caseName
    ? [
        { text: caseName, italic: true },
        { text: `, ${title}`, italic: false },
      ]
    : [{ text: title, italic: false }];
  return { text: runs.map((r) => r.text).join(""), runs };
}
