import fp from "fastify-plugin";
import helmet from "helmet";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Pages work without JavaScript and load nothing from other hosts, so the content security
 * policy can be strict: scripts only from this site's own files (never inline), no framing,
 * forms only to this site.
 */
const HELMET_OPTIONS = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", "data:"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      upgradeInsecureRequests: null,
    },
  },
  // The tracker is often run on plain HTTP on a local machine; HSTS would break that. It is
  // sent only when the public address is https (see securityHeaders).
  strictTransportSecurity: false,
  referrerPolicy: { policy: "no-referrer" },
} as const;

/** A year, without includeSubDomains or preload: those are decisions about the operator's whole domain. */
const HSTS = { maxAge: 365 * 24 * 60 * 60, includeSubDomains: false, preload: false };

/**
 * The headers helmet sets, worked out once (HSTS only when PUBLIC_URL is https: a browser
 * told to insist on HTTPS for a site served over plain HTTP could not reach it at all). The same for every response, so there is no need
 * to rebuild them (and re-parse the policy) per request, as @fastify/helmet does; that alone
 * cost a cached docket page a large share of its throughput.
 */
export function securityHeaders(publicUrl: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
    },
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
    getHeader: (name: string) => headers[name.toLowerCase()],
  };
  const behindHttps = publicUrl.startsWith("https://");
  helmet({ ...HELMET_OPTIONS, strictTransportSecurity: behindHttps ? HSTS : false })(
    {} as IncomingMessage,
    response as unknown as ServerResponse,
    (error?: unknown) => {
      if (error) throw error;
    },
  );
  return headers;
}

export const securityPlugin = fp(
  async (app) => {
    const headers = securityHeaders(app.config.publicUrl);
    app.decorate("securityHeaders", headers);
    app.addHook("onRequest", (_request, reply, done) => {
      reply.headers(headers);
      done();
    });
  },
  { name: "security", dependencies: ["context"] },
);

declare module "fastify" {
  interface FastifyInstance {
    /** The security headers every response carries (see plugins/security.ts). */
    securityHeaders: Record<string, string>;
  }
}
