import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, createConnection } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";

/**
 * A real IMAP server for the intake tests: Debian's dovecot, started on 127.0.0.1 with a
 * throw-away configuration (one user, a passwd file, Maildir under a temporary folder) and
 * stopped after. `.ci/run` installs it (`apt-get install dovecot-imapd`).
 */
const DOVECOT = "/usr/sbin/dovecot";

export const MAILBOX_USER = "nef@clinic.example.org";
export const MAILBOX_PASSWORD = "app-token-9f3b2c";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function waitForGreeting(port: number, deadline: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = createConnection({ host: "127.0.0.1", port });
      socket.once("data", (data) => {
        socket.destroy();
        if (data.toString().startsWith("* OK")) resolve();
        else reject(new Error(`dovecot greeted with ${data.toString()}`));
      });
      socket.once("error", () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error("dovecot did not start listening within 10 s"));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

export async function startDovecot() {
  if (!existsSync(DOVECOT)) {
    throw new Error(
      "dovecot is not installed: the NEF intake tests need a real IMAP server (apt-get install -y dovecot-imapd; .ci/run does this itself)",
    );
  }
  const dir = mkdtempSync(join(tmpdir(), "quash-dovecot-"));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const root = process.getuid?.() === 0;
  // As root, dovecot runs its helpers as its own users and the mail as `mail`; otherwise everything as us.
  const me = userInfo();
  const internal = root ? "dovecot" : me.username;
  const login = root ? "dovenull" : me.username;
  const mailUser = root ? "mail" : me.username;
  const mailDir = join(dir, "mail");
  mkdirSync(mailDir);
  if (root) chownSync(mailDir, 8, 8);
  writeFileSync(join(dir, "passwd"), `${MAILBOX_USER}:{PLAIN}${MAILBOX_PASSWORD}\n`);
  writeFileSync(
    join(dir, "dovecot.conf"),
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${internal}
default_login_user = ${login}
first_valid_uid = 1
mail_location = maildir:${mailDir}/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${mailUser} gid=${mailUser} home=${mailDir}/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
service stats {
  inet_listener http {
    port = 0
  }
}
`,
  );
  const child: ChildProcess = spawn(DOVECOT, ["-F", "-c", join(dir, "dovecot.conf")], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d) => (stderr += d));
  try {
    await Promise.race([
      waitForGreeting(port, Date.now() + 10_000),
      new Promise((_, reject) => child.once("exit", (code) => reject(new Error(`dovecot exited (${code}): ${stderr.trim()}`)))),
    ]);
  } catch (error) {
    child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    host: "127.0.0.1",
    port,
    user: MAILBOX_USER,
    password: MAILBOX_PASSWORD,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type Dovecot = Awaited<ReturnType<typeof startDovecot>>;
