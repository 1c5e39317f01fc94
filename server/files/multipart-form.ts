import multipart, { type MultipartFile } from "@fastify/multipart";
import type { FastifyError, FastifyInstance, FastifyRequest } from "fastify";
import { AppError, ValidationError } from "../errors";

/** Marks a request whose body the multipart reader has finished with (set in the first preHandler). */
const BODY_READ = Symbol("multipart body read");

/**
 * Sets up one encapsulated route module for multipart forms (uploads): files read in memory
 * by `onFile`, fields attached to the body, the given limits. The multipart reader throws plain
 * errors at a malformed body ("Unexpected end of multipart data", a boundary never found):
 * those are the sender's mistake, answered 400 with nothing saved, not a server failure.
 */
export async function acceptMultipartForms(
  app: FastifyInstance,
  options: {
    onFile: (this: unknown, part: MultipartFile) => Promise<void>;
    limits: { fileSize: number; files: number; fields: number; fieldSize?: number };
  },
) {
  await app.register(multipart, {
    attachFieldsToBody: "keyValues",
    onFile: options.onFile,
    throwFileSizeLimit: false,
    limits: options.limits,
  });
  app.addHook("preHandler", async (request) => {
    (request as FastifyRequest & { [BODY_READ]?: boolean })[BODY_READ] = true;
  });
  app.setErrorHandler(async (error: FastifyError, request) => {
    const beforeBody = !(request as FastifyRequest & { [BODY_READ]?: boolean })[BODY_READ];
    if (beforeBody && request.isMultipart() && !(error instanceof AppError) && error.statusCode === undefined) {
      request.log.info({ detail: error.message }, "unreadable multipart body");
      throw new ValidationError(
        [{ path: "body", message: "is not readable form data" }],
        "The upload could not be read (the form data was cut off or malformed). Nothing was saved.",
      );
    }
    throw error;
  });
}
