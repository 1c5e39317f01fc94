import fp from "fastify-plugin";
import { createSealService, type SealService } from "../publication/seals";
import { createPublicationService, type PublicationService } from "../publication/service";

declare module "fastify" {
  interface FastifyInstance {
    /** Publishing and unpublishing cases (server/publication/service.ts), for the staff pages and the write API. */
    publication: PublicationService;
    /** Sealing and unsealing after the fact (server/publication/seals.ts). */
    seals: SealService;
  }
}

export const publicationPlugin = fp(
  async (app) => {
    app.decorate("publication", createPublicationService({ db: app.db, store: app.store }));
    app.decorate("seals", createSealService({ db: app.db, store: app.store }));
  },
  { name: "publication", dependencies: ["context"] },
);
