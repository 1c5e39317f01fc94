import { z } from "zod";
import { AUTHORITY_KINDS } from "../../../../db/schema";
import { oneOf, optionalInteger, optionalSlug, optionalText, optionalUrl, requiredText } from "../../fields";

// The cases, statutes and rules the filings cite.
// The edit schemas: what a form or an API call may send (server/editing/README.md).

const TAG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Doctrine tags as a comma-separated list ("associational-privacy, exacting-scrutiny"), each a slug. */
function doctrineTags() {
  return optionalText(500)
    .refine(
      (v) => v === null || v === undefined || v.split(",").every((tag) => tag.trim() === "" || TAG.test(tag.trim())),
      "must be tags of lowercase letters, digits and single hyphens, separated by commas",
    )
    .meta({
      description: 'Doctrine tags, comma-separated ("associational-privacy, exacting-scrutiny"); each doctrine gathers some of them.',
    });
}

export const AuthorityCreate = z
  .strictObject({
    slug: optionalSlug().meta({ description: "Its address under /authorities/; made from the short name when left out." }),
    kind: oneOf(AUTHORITY_KINDS),
    citation: requiredText(500).meta({
      description: 'The full citation ("Talley v. California, 362 U.S. 60 (1960)"); found citations are matched against it.',
    }),
    shortName: requiredText(200).meta({ description: 'How a brief names it on second reference ("Talley").' }),
    court: optionalText(200),
    year: optionalInteger(1600, 2100),
    doctrineTags: doctrineTags(),
    holding: optionalText(1000).meta({ description: "One line, in your own words." }),
    url: optionalUrl(),
  })
  .meta({ id: "AuthorityCreate", description: "A case, statute, rule or article the filings cite." });
export const AuthorityUpdate = AuthorityCreate.partial().meta({ id: "AuthorityUpdate" });
