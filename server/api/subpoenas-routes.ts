import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { NotFoundError } from "../errors";
import { paths } from "../paths";
import { loadPublicSubpoena, loadSubpoenaSummaries } from "../subpoenas/loaders";
import { SUBPOENA_KINDS } from "../../db/schema";
import { fuzzyDateKey } from "../shared/date-ordering";
import { SUBPOENA_STATUS_KEYS } from "../status/subpoena-status";
import { listQuery, type ListSpec } from "./lists";
import { errorResponses, listOf, recordOf, SlugParams, SubpoenaListItem, SubpoenaRecord } from "./schemas";
import { sendList } from "./send-list";

type SubpoenaItem = ReturnType<typeof toSubpoenaListItem>;

/** What the subpoena list filters and orders by (server/api/lists.ts). */
const SUBPOENA_LIST: ListSpec<SubpoenaItem> = {
  key: (sp) => [...fuzzyDateKey(sp.dateIssued).slice(0, 1), sp.id],
  filters: {
    status: {
      type: "enum",
      values: SUBPOENA_STATUS_KEYS,
      description: "Only subpoenas whose derived status is this.",
      of: (sp) => sp.status.key,
    },
    kind: { type: "enum", values: SUBPOENA_KINDS, description: "Only demands of this kind.", of: (sp) => sp.kind },
    issuer: { type: "text", description: "Only demands issued by this organization, by slug.", of: (sp) => sp.issuer?.slug ?? null },
    recipient: { type: "text", description: "Only demands sent to this organization, by slug.", of: (sp) => sp.recipient?.slug ?? null },
    case: { type: "text", description: "Only demands this case challenges, by slug.", of: (sp) => sp.cases.map((c) => c.slug) },
    date_issued: { type: "date", description: "Issued:", of: (sp) => sp.dateIssued.date },
  },
  orderings: {
    date_issued: (sp) => fuzzyDateKey(sp.dateIssued),
    title: (sp) => [sp.title],
  },
};
const SubpoenaList = listOf(SubpoenaListItem, "One page of the subpoenas, unknown issue dates last.");
import { toSubpoenaListItem, toSubpoenaRecord } from "./serializers/subpoenas";

export async function subpoenasApiRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = { baseUrl: app.config.publicUrl };

  app.get(
    paths.api.subpoenas(),
    {
      schema: {
        tags: ["subpoenas"],
        operationId: "listSubpoenas",
        summary: "List subpoenas and summonses",
        description:
          "The subpoenas and summonses with their issuer, recipient, derived status line (with the sources behind it) and the cases challenging it, a page at a time. Filter by `status`, `kind`, `issuer`, `recipient`, `case` and the issue date (`date_issued__gte`), `__in` for several values; order with `order_by`; pick members with `fields` or `omit`.",
        querystring: listQuery(SUBPOENA_LIST),
        response: { 200: SubpoenaList, 400: errorResponses[400] },
      },
    },
    async (request, reply) =>
      sendList(app, request, reply, {
        spec: SUBPOENA_LIST,
        schema: SubpoenaList,
        rows: () =>
          loadSubpoenaSummaries(app.db).map((s) => {
            const item = toSubpoenaListItem(ctx, s);
            return { item, key: SUBPOENA_LIST.key(item) };
          }),
      }),
  );

  app.get(
    `${paths.api.subpoenas()}/:slug`,
    {
      schema: {
        tags: ["subpoenas"],
        operationId: "getSubpoena",
        summary: "One subpoena",
        description:
          "The subpoena with its derived status line, the data demanded, the accounts it names, the platform's notices (dates and stated window only), which order protects which account, its events and the cases challenging it.",
        params: SlugParams,
        response: { 200: recordOf(SubpoenaRecord, "One subpoena."), 404: errorResponses[404] },
      },
    },
    async (request) => {
      const { slug } = request.params;
      const subpoena = loadPublicSubpoena(app.db, slug);
      if (!subpoena) throw new NotFoundError(`No subpoena has the slug "${slug}".`);
      return { data: toSubpoenaRecord(ctx, subpoena) };
    },
  );
}
