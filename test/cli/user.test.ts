import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { revisions, users } from "../../db/schema";
import { buildTestApp } from "../support/app";
import { insertCase } from "../support/factories";
import { quash, scratchDatabase } from "./helpers";

describe("quash user and quash token", () => {
  let scratch: ReturnType<typeof scratchDatabase>;
  beforeEach(() => {
    scratch = scratchDatabase();
  });
  afterEach(() => scratch.remove());

  const rows = () => {
    const db = openDatabase(scratch.file);
    try {
      return { users: db.select().from(users).all(), revisions: db.select().from(revisions).all() };
    } finally {
      db.$client.close();
    }
  };

  it("adds the first admin with the password from standard input, hashed with argon2id", async () => {
    const result = await quash(
      scratch.file,
      ["user", "add", "Ada@Example.org", "--name", "Ada Admin", "--role", "admin", "--password-stdin"],
      "a very long passphrase\n",
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("Added ada@example.org (Ada Admin) as admin.");
    const [user] = rows().users;
    expect(user).toMatchObject({ email: "ada@example.org", name: "Ada Admin", role: "admin", disabledAt: null });
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user!.passwordHash).not.toContain("a very long passphrase");
    expect(rows().revisions.at(-1)).toMatchObject({ recordType: "user", action: "create", actor: "cli" });
  });

  it("refuses a password under 12 characters, a duplicate e-mail and a bad role", async () => {
    const short = await quash(
      scratch.file,
      ["user", "add", "a@example.org", "--name", "A", "--role", "editor", "--password-stdin"],
      "short\n",
    );
    expect(short.code).toBe(1);
    expect(short.stderr).toContain("password must be at least 12 characters");
    await quash(
      scratch.file,
      ["user", "add", "a@example.org", "--name", "A", "--role", "editor", "--password-stdin"],
      "long enough password",
    );
    const twice = await quash(
      scratch.file,
      ["user", "add", "a@example.org", "--name", "A", "--role", "editor", "--password-stdin"],
      "long enough password",
    );
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain("email already has an account");
    const role = await quash(
      scratch.file,
      ["user", "add", "b@example.org", "--name", "B", "--role", "owner", "--password-stdin"],
      "long enough password",
    );
    expect(role.code).toBe(2);
    expect(role.stderr).toContain("--role must be one of admin, editor, viewer");
    expect(rows().users).toHaveLength(1);
  });

  it("will not prompt when standard input is not a terminal", async () => {
    const result = await quash(scratch.file, ["user", "add", "a@example.org", "--name", "A", "--role", "editor"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("--password-stdin");
    expect(rows().users).toHaveLength(0);
  });

  it("disables, enables and lists users", async () => {
    await quash(
      scratch.file,
      ["user", "add", "admin@example.org", "--name", "Admin", "--role", "admin", "--password-stdin"],
      "long enough password",
    );
    await quash(
      scratch.file,
      ["user", "add", "ed@example.org", "--name", "Ed", "--role", "editor", "--password-stdin"],
      "long enough password",
    );
    expect((await quash(scratch.file, ["user", "disable", "ed@example.org"])).code).toBe(0);
    expect((await quash(scratch.file, ["user", "list"])).lines).toEqual([
      "admin@example.org\tadmin\tactive\tAdmin",
      "ed@example.org\teditor\tdisabled\tEd",
    ]);
    expect((await quash(scratch.file, ["user", "enable", "ed@example.org"])).code).toBe(0);
    const unknown = await quash(scratch.file, ["user", "disable", "nobody@example.org"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("No account for nobody@example.org");
    const lastAdmin = await quash(scratch.file, ["user", "disable", "admin@example.org"]);
    expect(lastAdmin.code).toBe(1);
    expect(lastAdmin.stderr).toContain("only active admin");
  });

  it("prints a new token alone on the last line, and that token writes through the API", async () => {
    await quash(
      scratch.file,
      ["user", "add", "ed@example.org", "--name", "Ed", "--role", "editor", "--password-stdin"],
      "long enough password",
    );
    const created = await quash(scratch.file, ["token", "create", "ed@example.org", "--label", "docket script"]);
    expect(created.code).toBe(0);
    const token = created.lines.at(-1)!;
    expect(token).toMatch(/^quash_[A-Za-z0-9_-]{43}$/);
    expect(created.lines.slice(0, -1).join("\n")).not.toContain(token);

    const db = openDatabase(scratch.file);
    const { app } = await buildTestApp({ db });
    try {
      expect(JSON.stringify(db.$client.prepare("SELECT * FROM api_tokens").all())).not.toContain(token);
      insertCase(db, { slug: "doe-v-dhs" });
      const res = await app.inject({
        method: "POST",
        url: "/api/v1/cases/doe-v-dhs/entries",
        headers: { authorization: `Bearer ${token}` },
        payload: { dateFiled: "2025-09-18", description: "MOTION to Quash" },
      });
      expect(res.statusCode).toBe(201);

      const listed = await quash(scratch.file, ["token", "list"]);
      expect(listed.stdout).toContain("ed@example.org\tdocket script");
      const id = listed.stdout.match(/^#(\d+)/)![1]!;
      expect((await quash(scratch.file, ["token", "revoke", id])).code).toBe(0);
      const refused = await app.inject({
        method: "POST",
        url: "/api/v1/cases/doe-v-dhs/entries",
        headers: { authorization: `Bearer ${token}` },
        payload: { dateFiled: "2025-09-18", description: "Second" },
      });
      expect(refused.statusCode).toBe(401);
    } finally {
      await app.close();
      db.$client.close();
    }
  });

  it("will not make a token for an unknown or disabled user", async () => {
    expect((await quash(scratch.file, ["token", "create", "nobody@example.org"])).code).toBe(1);
    await quash(
      scratch.file,
      ["user", "add", "ed@example.org", "--name", "Ed", "--role", "editor", "--password-stdin"],
      "long enough password",
    );
    await quash(
      scratch.file,
      ["user", "add", "ad@example.org", "--name", "Ad", "--role", "admin", "--password-stdin"],
      "long enough password",
    );
    await quash(scratch.file, ["user", "disable", "ed@example.org"]);
    const disabled = await quash(scratch.file, ["token", "create", "ed@example.org"]);
    expect(disabled.code).toBe(1);
    expect(disabled.stderr).toContain("disabled");
  });

  it("explains its usage", async () => {
    const result = await quash(scratch.file, ["user", "add"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Usage: quash user add EMAIL");
    expect((await quash(scratch.file, ["token", "revoke", "abc"])).code).toBe(2);
  });
});
