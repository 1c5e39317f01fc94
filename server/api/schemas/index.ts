/*
 * The public API's answers as zod schemas, one file per resource. They do two jobs: the OpenAPI
 * document is generated from them, and every answer is encoded through them, which drops any key
 * not declared here, a second allow-list behind the public projection. Names given with
 * `.meta({ id })` become components of the OpenAPI document, in the order the schemas are
 * defined: import them from here (this file loads the resources in one order, shared pieces
 * first), so a new import elsewhere cannot reorder the document. The law students' schemas
 * (study.ts) are imported by their routes from their own file: their components follow the
 * deadline calculator's, as the routes load.
 */
export { ApiError, FieldProblem, PROBLEM_TYPE } from "../../shared/problem";
export * from "./common";
export * from "./cases";
export * from "./subpoenas";
export * from "./orders";
export * from "./judges";
export * from "./timeline";
export * from "./sources";
export * from "./envelopes";
