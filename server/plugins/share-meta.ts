import fp from "fastify-plugin";
import { shareMetaFor } from "../sharing/meta";

/** Gives every public page its canonical address and link-preview fields (server/sharing/meta.ts), as `share` in the layout. */
export const shareMetaPlugin = fp(
  async (app) => {
    app.addHook("onRequest", async (request, reply) => {
      if (request.method !== "GET" && request.method !== "HEAD") return;
      const share = shareMetaFor(request.url.split("?")[0]!, app.config.publicUrl);
      if (share) reply.locals = { ...(reply.locals ?? {}), share };
    });
  },
  { name: "share-meta", dependencies: ["context"] },
);
