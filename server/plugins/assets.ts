import { resolve } from "node:path";
import fp from "fastify-plugin";
import fastifyStatic from "@fastify/static";

/** Stylesheets under /assets/, cached by browsers for a day. */
export const assetsPlugin = fp(
  async (app) => {
    await app.register(fastifyStatic, {
      root: resolve(import.meta.dirname, "../../public"),
      prefix: "/assets/",
      maxAge: "1d",
      decorateReply: false,
    });
  },
  { name: "assets" },
);
