/**
 * Every benchmark in one run (`npm run bench`): the PACER parser against its reference
 * figures, and docket pages under load against a bare route serving the same bytes.
 */
import { printHttpBench, runHttpBench } from "./http-docket";

const { runPacerBench } = await import("./pacer-parse");
await runPacerBench();
printHttpBench(await runHttpBench());
