import { z } from "zod";
import { ApiError } from "../../shared/problem";
import { pageMembers } from "./common";

/** Every API answer's media type. */
export const JSON_TYPE = "application/json; charset=utf-8";

export const ApiRoot = z
  .object({
    name: z.string(),
    description: z.string(),
    openapiUrl: z.string(),
    docsUrl: z.string(),
    collections: z.array(z.object({ name: z.string(), url: z.string(), description: z.string() })),
  })
  .meta({ description: "What the API holds and where its description is." });

/** `{ data: [...], count, next, previous }` for one page of a collection (server/api/lists.ts). */
export function listOf<T extends z.ZodType>(item: T, description: string) {
  return z.object({ data: z.array(item), ...pageMembers }).meta({ description });
}

/** `{ data: {...} }` for one record. */
export function recordOf<T extends z.ZodType>(item: T, description: string) {
  return z.object({ data: item }).meta({ description });
}

export const errorResponses = {
  400: ApiError.meta({ description: "A parameter is malformed or unknown; `errors` names it." }),
  404: ApiError.meta({ description: "Nothing has this slug." }),
};

export const SlugParams = z.object({
  slug: z.string().min(1).max(200).meta({ description: "The record's slug, as in its `url`." }),
});
