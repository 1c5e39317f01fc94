import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { isPublicRequest } from "../cache/public-request";
import { sendCachedPage } from "../cache/send-cached";
import { pageOf, selectMembers, type ListRow, type ListSpec, type Page } from "./lists";
import { JSON_TYPE } from "./schemas";

type Query = Record<string, unknown>;

/** A page's URL: the same path and parameters, with the page's cursor. */
function pageUrl(baseUrl: string, url: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, String(value));
  return `${baseUrl}${url.split("?")[0]}?${params.toString()}`;
}

/**
 * Answers one page of a list (server/api/lists.ts), encoded through its response schema, as
 * stored bytes with an ETag (304 on If-None-Match) and gzip or brotli when asked, the same as
 * a case's record. The public's answers are kept until any write, under the URL as asked, so
 * the page-cache hook answers the next identical request before any route work.
 */
export function sendList<I>(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  list: {
    spec: ListSpec<I>;
    /** `{ data, count, next, previous, ... }` for this list (listOf in ./schemas/envelopes.ts, or a list with more members). */
    schema: z.ZodType;
    rows: () => ListRow<I>[];
    /** Members of the answer besides the page (the source register's conflicts). */
    more?: () => Record<string, unknown>;
  },
) {
  const query = (request.query ?? {}) as Query;
  return sendPage(app, request, reply, {
    schema: list.schema,
    page: (linkTo) => pageOf(list.rows(), list.spec, query, linkTo),
    more: list.more,
  });
}

/**
 * The same answer for a page cut elsewhere (in SQL, by keyset: the case list), given its items
 * and its links; `linkTo` in the page function makes a link from a query, as pageOf's does.
 */
export function sendPage<I>(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  list: { schema: z.ZodType; page: (linkTo: (query: Query) => string) => Page<I>; more?: () => Record<string, unknown> },
) {
  const cached = isPublicRequest(request) ? app.pageCache.get(request.url) : undefined;
  if (cached) return sendCachedPage(request, reply, cached);
  const query = (request.query ?? {}) as Query;
  const page = list.page((q) => pageUrl(app.config.publicUrl, request.url, q));
  const encoded = list.schema.encode({
    ...list.more?.(),
    data: page.items,
    count: page.items.length,
    next: page.next,
    previous: page.previous,
  }) as {
    data: Record<string, unknown>[];
  };
  const members = Object.keys(encoded.data[0] ?? {});
  const json = JSON.stringify({ ...encoded, data: selectMembers(encoded.data, query, members) });
  if (!isPublicRequest(request)) return reply.type(JSON_TYPE).send(json);
  return sendCachedPage(request, reply, app.pageCache.set(request.url, json, "global", JSON_TYPE));
}
