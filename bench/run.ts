/**
 * Every benchmark in one run (`npm run bench`): the PACER parser against its reference
 * figures, the citation extractor against one combined reporter regex, docket pages under load
 * against a bare route serving the same bytes, the cost of synchronous = FULL per write against
 * NORMAL, the publication guard's cost per write against the store without it, a backup and
 * its restore drill against a plain copy of the same file, what the alerts outbox adds to a
 * write with 1,000 subscribers against none, the command's start-up compiled against run
 * through tsx, one court RSS poll end to end against the same feed parsed alone, the docket CSV,
 * JSON and timeline CSV exports of 100,000 rows against 100 from a server given a 64 MB heap (time
 * and peak memory as ratios), and the
 * generated record of a million entries against the bundled one (bench/scale.ts; it builds
 * data/scale.db first when it is missing, about a minute).
 */
import { printAlertsBench, runAlertsBench } from "./alerts-outbox";
import { printBackupBench, runBackupBench } from "./backup";
import { printGuardBench, runGuardBench } from "./guard-cost";
import { printHttpBench, runHttpBench } from "./http-docket";
import { runStartupBench } from "./startup";
import { printWriteBench, runWriteBench } from "./write-durability";

const { runPacerBench } = await import("./pacer-parse");
await runPacerBench();
const { runCitationBench } = await import("./citations");
await runCitationBench();
printHttpBench(await runHttpBench());
printWriteBench(await runWriteBench());
printGuardBench(await runGuardBench());
printBackupBench(await runBackupBench());
printAlertsBench(runAlertsBench());
await runStartupBench();
const { printRssPollBench, runRssPollBench } = await import("./rss-poll");
printRssPollBench(await runRssPollBench());
const { printPublicSearchBench, runPublicSearchBench } = await import("./public-search");
printPublicSearchBench(await runPublicSearchBench());
const { printExportBench, runExportBench } = await import("./export-csv");
printExportBench(await runExportBench());
const { printScaleBench, runScaleBench } = await import("./scale");
printScaleBench(await runScaleBench());
