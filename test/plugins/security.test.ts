import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildTestApp } from "../support/app";
import { insertCase } from "../support/factories";

describe("security headers", () => {
  let app: FastifyInstance;
  beforeEach(async () => {
    const built = await buildTestApp();
    app = built.app;
    insertCase(built.db, { slug: "doe" });
  });
  afterEach(async () => app.close());

  it("sends a strict content security policy and the other helmet headers on every page", async () => {
    for (const url of ["/cases/doe", "/cases/doe", "/nope", "/api/v1/cases"]) {
      const res = await app.inject(url);
      expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
      expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["referrer-policy"]).toBe("no-referrer");
    }
  });
});
