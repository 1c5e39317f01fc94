import { createHash } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/client";
import type { Config } from "../../server/config";
import { buildTestApp } from "../support/app";
import { insertUser } from "../support/auth";

/** A fresh app with an editor, a viewer and an admin, each holding an API token. */
export async function setupWriteApi(config: Partial<Config> = {}) {
  const { app, db } = await buildTestApp({ config });
  const tokens: Record<"admin" | "editor" | "viewer", string> = { admin: "", editor: "", viewer: "" };
  for (const role of ["admin", "editor", "viewer"] as const) {
    await insertUser(db, { email: `${role}@example.org`, role });
    tokens[role] = app.accounts.createToken(`${role}@example.org`, `${role} script`).token;
  }
  return { app, db, tokens };
}

/** A fresh write API app and the editor's token: who most write API tests act as. */
export async function setupAsEditor() {
  const { app, db, tokens } = await setupWriteApi();
  return { app, db, token: tokens.editor };
}

/** `remoteAddress`: the client's address (bad tokens are limited per address). */
type Call = { token?: string; body?: unknown; headers?: Record<string, string>; remoteAddress?: string };

/** One API call as a script makes it: JSON body, bearer token. */
export function call(app: FastifyInstance, method: "GET" | "POST" | "PATCH" | "DELETE", url: string, o: Call = {}) {
  return app.inject({
    method,
    url,
    headers: {
      ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
      ...(o.body !== undefined ? { "content-type": "application/json" } : {}),
      ...o.headers,
    },
    ...(o.body !== undefined ? { payload: typeof o.body === "string" ? o.body : JSON.stringify(o.body) } : {}),
    ...(o.remoteAddress ? { remoteAddress: o.remoteAddress } : {}),
  });
}

/**
 * Every row of every table, hashed: equal before and after means a refused request changed
 * nothing at all (records, link rows, revisions, sessions, tokens).
 */
export function fingerprint(db: Db): string {
  const tables = db.$client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  // The full-text indexes (`*_fts` and their shadow tables) are derived from tables hashed here.
  const hash = createHash("sha256");
  for (const table of tables.filter((name) => !/_fts(_|$)/.test(name)))
    hash.update(table).update(JSON.stringify(db.$client.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all()));
  return hash.digest("hex");
}

export function revisionCount(db: Db): number {
  return db.$client.prepare("SELECT count(*) FROM revisions").pluck().get() as number;
}
