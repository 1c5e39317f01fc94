import { afterEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildTestApp } from "../support/app";
import { insertUser } from "../support/auth";
import { insertCase } from "../support/factories";

/*
 * What the public API promises every client: a quota per address told in the IETF draft's
 * RateLimit headers (429 with Retry-After over it, as problem details), CORS for reads from
 * any origin without credentials, and no CORS at all for writes.
 */
describe("public API quota and CORS", () => {
  let app: FastifyInstance;
  afterEach(async () => app.close());

  it("counts public reads per address, says where the client stands, and answers 429 with Retry-After over the quota", async () => {
    ({ app } = await buildTestApp({ config: { apiRequestsPerMinute: 3 } }));
    insertCase(app.db, { slug: "doe-v-dhs" });
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      // The second read of the case comes from the page cache's early answer; it counts all the same.
      const res = await app.inject({ url: "/api/v1/cases/doe-v-dhs", remoteAddress: "192.0.2.1" });
      expect(res.statusCode).toBe(200);
      expect(res.headers["ratelimit-limit"]).toBe("3");
      expect(res.headers["ratelimit-policy"]).toBe("3;w=60");
      expect(Number(res.headers["ratelimit-reset"])).toBeGreaterThan(0);
      remaining.push(String(res.headers["ratelimit-remaining"]));
    }
    expect(remaining).toEqual(["2", "1", "0"]);
    const over = await app.inject({ url: "/api/v1/cases", remoteAddress: "192.0.2.1" });
    expect(over.statusCode).toBe(429);
    expect(Number(over.headers["retry-after"])).toBeGreaterThan(0);
    expect(over.headers["content-type"]).toBe("application/problem+json; charset=utf-8");
    expect(over.json()).toMatchObject({ status: 429, title: "Too Many Requests", code: "too_many_requests" });
    expect(over.json().detail).toContain("3 requests a minute");
    // Another address has its own quota; pages and staff scripts with a token are not counted.
    expect((await app.inject({ url: "/api/v1/cases", remoteAddress: "192.0.2.2" })).statusCode).toBe(200);
    expect((await app.inject({ url: "/cases", remoteAddress: "192.0.2.1" })).statusCode).toBe(200);
    await insertUser(app.db, { email: "viewer@example.org", role: "viewer" });
    const token = app.accounts.createToken("viewer@example.org", "script").token;
    const staff = await app.inject({ url: "/api/v1/cases", remoteAddress: "192.0.2.1", headers: { authorization: `Bearer ${token}` } });
    expect(staff.statusCode).toBe(200);
    expect(staff.headers["ratelimit-limit"]).toBeUndefined();
  });

  it("lets any origin read the public API, never with credentials, and no origin write", async () => {
    ({ app } = await buildTestApp());
    const read = await app.inject({ url: "/api/v1/cases", headers: { origin: "https://newsroom.example" } });
    expect(read.headers["access-control-allow-origin"]).toBe("*");
    expect(read.headers["access-control-allow-credentials"]).toBeUndefined();
    expect(String(read.headers["access-control-expose-headers"])).toContain("RateLimit-Remaining");

    const preflight = await app.inject({
      method: "OPTIONS",
      url: "/api/v1/cases",
      headers: {
        origin: "https://newsroom.example",
        "access-control-request-method": "GET",
        "access-control-request-headers": "if-none-match",
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers["access-control-allow-origin"]).toBe("*");
    expect(preflight.headers["access-control-allow-methods"]).toBe("GET, HEAD");
    expect(String(preflight.headers["access-control-allow-headers"])).toContain("If-None-Match");

    const writePreflight = await app.inject({
      method: "OPTIONS",
      url: "/api/v1/cases",
      headers: {
        origin: "https://elsewhere.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type",
      },
    });
    expect(writePreflight.headers["access-control-allow-origin"]).toBeUndefined();
    expect(writePreflight.headers["access-control-allow-methods"]).toBeUndefined();
    const write = await app.inject({
      method: "POST",
      url: "/api/v1/cases",
      headers: { origin: "https://elsewhere.example", "content-type": "application/json" },
      payload: "{}",
    });
    expect(write.statusCode).toBe(401);
    expect(write.headers["access-control-allow-origin"]).toBeUndefined();
    // Pages are not part of the API: no CORS there.
    expect(
      (await app.inject({ url: "/cases", headers: { origin: "https://newsroom.example" } })).headers["access-control-allow-origin"],
    ).toBeUndefined();
  });
});
