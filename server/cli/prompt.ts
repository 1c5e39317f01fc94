import { createInterface } from "node:readline";
import { Writable } from "node:stream";

/**
 * Asks for a secret on the terminal without echoing it. Only for an interactive terminal:
 * scripts pipe the secret in instead (--password-stdin), so nothing ends up in shell history.
 */
export function promptSecret(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    return Promise.reject(new Error("standard input is not a terminal; pipe the password in with --password-stdin"));
  }
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write("\n");
      resolve(answer);
    });
    // Everything typed after the question is the secret: not shown.
    muted = true;
  });
}
