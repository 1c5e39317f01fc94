// Types for scripts/build.mjs, which stays JavaScript so bin/quash.js can load it without tsx.
export const PROJECT_ROOT: string;
export const DIST_DIR: string;
export const ENTRY: string;
export function checkBuild(outdir?: string): { entry: string; stale?: undefined } | { stale: string; entry?: undefined };
export function build(options?: { outdir?: string }): Promise<string>;
