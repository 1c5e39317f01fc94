import { z } from "zod";
import { DATE_PRECISIONS, RELIABILITY_LEVELS } from "../../../../db/schema";
import { oneOf, optionalDate, optionalOneOf, optionalText, optionalUrl, requiredText } from "../../fields";

// The source register: where facts come from.
// The edit schemas: what a form or an API call may send (server/editing/README.md).

export const SourceCreate = z
  .strictObject({
    tag: optionalText(40).meta({ description: 'The source\'s tag in the register ("S01"); made up when left out.' }),
    url: optionalUrl(),
    publisher: optionalText(300),
    title: requiredText(500),
    description: optionalText(4000, { multiline: true }),
    datePublished: optionalDate(),
    datePublishedPrecision: optionalOneOf(DATE_PRECISIONS),
    reliability: oneOf(RELIABILITY_LEVELS),
    reliabilityNote: optionalText(2000, { multiline: true }),
  })
  .meta({ id: "SourceCreate", description: "Where facts come from: a page, a filing, a report." });
export const SourceUpdate = SourceCreate.partial().meta({ id: "SourceUpdate" });
