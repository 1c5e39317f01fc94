import fp from "fastify-plugin";
import helmet from "@fastify/helmet";

/**
 * Security headers. Pages work without JavaScript and load nothing from other hosts, so the
 * content security policy can be strict.
 */
export const securityPlugin = fp(
  async (app) => {
    await app.register(helmet, {
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
    });
  },
  { name: "security" },
);
