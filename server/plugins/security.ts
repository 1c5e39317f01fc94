import fp from "fastify-plugin";
import helmet from "helmet";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Pages work without JavaScript and load nothing from other hosts, so the content security
 * policy can be strict.
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
  // The tracker is often run on plain HTTP on a local machine; HSTS would break that.
  strictTransportSecurity: false,
} as const;

/**
 * The headers helmet sets, worked out once. The same for every response, so there is no need
 * to rebuild them (and re-parse the policy) per request, as @fastify/helmet does; that alone
 * cost a cached docket page a large share of its throughput.
 */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
    },
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
    getHeader: (name: string) => headers[name.toLowerCase()],
  };
  helmet(HELMET_OPTIONS)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

export const securityPlugin = fp(
  async (app) => {
    const headers = securityHeaders();
    app.decorate("securityHeaders", headers);
    app.addHook("onRequest", (_request, reply, done) => {
      reply.headers(headers);
      done();
    });
  },
  { name: "security" },
);

declare module "fastify" {
  interface FastifyInstance {
    /** The security headers every response carries (see plugins/security.ts). */
    securityHeaders: Record<string, string>;
  }
}
