import fp from "fastify-plugin";
import type { Db } from "../../db/client";
import type { Config } from "../config";
import type { Clock } from "../shared/clock";
import { createRecordStore, type RecordStore } from "../records/store";
import { createPageCache, type PageCache } from "../cache/page-cache";

export type AppContext = { config: Config; db: Db; clock: Clock };

declare module "fastify" {
  interface FastifyInstance {
    config: Config;
    db: Db;
    clock: Clock;
    store: RecordStore;
    pageCache: PageCache;
  }
}

/** Makes the configuration, database, clock, record store and page cache reachable from every route. */
export const contextPlugin = fp<AppContext>(
  async (app, context) => {
    app.decorate("config", context.config);
    app.decorate("db", context.db);
    app.decorate("clock", context.clock);
    app.decorate("store", createRecordStore(context.db, context.clock));
    const pageCache = createPageCache(context.db, context.clock, context.config.pageCache ? undefined : 0);
    app.decorate("pageCache", pageCache);
    app.addHook("onClose", async () => pageCache.close());
  },
  { name: "context" },
);
