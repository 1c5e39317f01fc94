/** Where Swagger UI is served (server/plugins/openapi.ts); the API docs page links to it. */
export const SWAGGER_UI_PREFIX = "/api/docs";

/** The OpenAPI document's tags with their descriptions; the API docs page lists the routes under them. */
export const OPENAPI_TAGS = [
  { name: "meta", description: "The API itself: the collections and this document." },
  { name: "cases", description: "Court proceedings, each with its full docket." },
  { name: "subpoenas", description: "The administrative subpoenas and customs summonses, with their derived status." },
  { name: "judges", description: "Judicial officers and the cases before them." },
  { name: "search", description: "The public search over what the public pages show." },
  { name: "orders", description: "Court orders, with what each stay or non-production order protects." },
  { name: "timeline", description: "Dated facts inside and outside the dockets." },
  { name: "sources", description: "The source register and the open conflicts between sources." },
  { name: "deadlines", description: "Deadlines computed from FRCP 6 and the N.D. Cal. local rules, with every step explained." },
  { name: "doctrine", description: "The doctrines at stake, each with its sourced explanation, leading authorities and tagged arguments." },
  {
    name: "authorities",
    description: "The cases, statutes and rules at stake: citation, holding, doctrines, and the filings and arguments citing each.",
  },
  { name: "export", description: "The whole public record as one JSON document, and its JSON Schema." },
  {
    name: "arguments",
    description: "The arguments made on each motion, who made them, the authorities cited, and whether the court reached them.",
  },
];
