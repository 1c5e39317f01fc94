import { createHash } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A court's RSS feed on 127.0.0.1, for the poll tests: it serves the feed it is given with an
 * ETag and a Last-Modified and answers 304 to either, and can be told to answer the next
 * requests with 429 + Retry-After, 500, a slow answer, or the feed cut short. Real HTTP, real
 * sockets: the poller's fetch cannot tell it from a court.
 */
export type FeedBehaviour =
  { kind: "feed" } | { kind: "status"; status: number; retryAfter?: string } | { kind: "slow"; delayMs: number } | { kind: "truncated" };

export async function startFeedServer() {
  let feed: Buffer = Buffer.alloc(0);
  let etag = "";
  let lastModified = "";
  const queue: FeedBehaviour[] = [];
  const requests: IncomingHttpHeaders[] = [];
  const pending = new Set<ServerResponse>();

  const server = createServer((request, response) => {
    requests.push(request.headers);
    const behaviour = queue.shift() ?? { kind: "feed" };
    if (behaviour.kind === "status") {
      const headers: Record<string, string> = { "content-type": "text/html" };
      if (behaviour.retryAfter) headers["retry-after"] = behaviour.retryAfter;
      response.writeHead(behaviour.status, headers).end(`<html><body>${behaviour.status}</body></html>`);
      return;
    }
    if (behaviour.kind === "slow") {
      pending.add(response);
      const timer = setTimeout(() => {
        pending.delete(response);
        if (!response.destroyed) response.writeHead(200, { "content-type": "application/rss+xml" }).end(feed);
      }, behaviour.delayMs);
      response.on("close", () => clearTimeout(timer));
      return;
    }
    if (
      request.headers["if-none-match"] === etag ||
      (request.headers["if-modified-since"] === lastModified && !request.headers["if-none-match"])
    ) {
      response.writeHead(304, { etag, "last-modified": lastModified }).end();
      return;
    }
    const body = behaviour.kind === "truncated" ? feed.subarray(0, Math.floor(feed.length / 2)) : feed;
    response.writeHead(200, { "content-type": "application/rss+xml; charset=ISO-8859-1", etag, "last-modified": lastModified }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/cgi-bin/rss_outside.pl`,
    requests,
    /** Serves these bytes from now on, with a new ETag and Last-Modified. */
    setFeed(bytes: Buffer, modified = new Date()) {
      feed = bytes;
      etag = `"${createHash("sha1").update(bytes).digest("hex").slice(0, 16)}"`;
      lastModified = modified.toUTCString();
    },
    /** The next requests get these answers, in order; then the feed again. */
    next(...behaviours: FeedBehaviour[]) {
      queue.push(...behaviours);
    },
    async close() {
      for (const response of pending) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FeedServer = Awaited<ReturnType<typeof startFeedServer>>;
