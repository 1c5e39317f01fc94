import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import { parseHtml } from "./html";

/**
 * GETs a page and checks what every page owes a reader (a 200 and exactly one h1) before a
 * test reads its content; returns the response and the parsed HTML.
 */
export async function openPage(app: FastifyInstance, url: string) {
  const res = await app.inject(url);
  expect(res.statusCode, url).toBe(200);
  const $ = parseHtml(res.body);
  expect($("h1"), url).toHaveLength(1);
  return { res, $ };
}
