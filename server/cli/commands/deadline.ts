import {
  computeDeadline,
  computeRule,
  DEADLINE_RULES,
  DeadlineInputError,
  DeadlineRequest,
  estimateNoticeWindow,
  findRule,
  RuleOptions,
} from "../../deadlines";
import { parseOrThrow } from "../../deadlines/schemas";
import { EXIT, parseFlags, UsageError, type CliCommand } from "../command";

/** The calculator's field names as the user typed them on the command line. */
const FLAG_FOR_FIELD: Record<string, string> = {
  trigger: "--trigger",
  noticeDate: "--trigger",
  days: "--days",
  direction: "--dir",
  service: "--service",
  eoClosures: "--eo",
  caHolidays: "--ca",
  rule: "--rule",
};

const USAGE = [
  "quash deadline --trigger DATE --days N --dir after|before [--service electronic|mail] [--eo on|off] [--ca on|off]",
  "       quash deadline --rule NAME --trigger DATE [--service mail] [--eo on|off] [--ca on|off]",
  "       quash deadline --rule user-notice --trigger NOTICE-DATE --days N   (a calendar-day estimate)",
  "       quash deadline --list-rules",
].join("\n");

/** Works out the answer for one invocation; every input problem is thrown, never printed here. */
function answer(args: string[]): unknown {
  const { positional, values, switches } = parseFlags(args, {
    values: ["trigger", "days", "dir", "service", "eo", "ca", "rule"],
    switches: ["list-rules"],
  });
  if (positional.length > 0) throw new UsageError(`unexpected argument "${positional[0]}"`);

  if (switches.has("list-rules")) {
    if (Object.keys(values).length > 0) throw new UsageError("--list-rules takes no other options");
    // JSON drops each rule's compute function and keeps its description.
    return DEADLINE_RULES;
  }

  const options = parseOrThrow(RuleOptions, { service: values.service, eoClosures: values.eo, caHolidays: values.ca });

  if (values.rule !== undefined) {
    if (values.trigger === undefined) throw new UsageError("--rule needs --trigger DATE");
    if (values.dir !== undefined) throw new UsageError("--dir cannot be used with --rule: the rule fixes the direction");
    if (findRule(values.rule)?.code === "user-notice") {
      // Recorded as the notice states it; a bare number of days only gets a labelled estimate.
      if (values.days === undefined) {
        throw new UsageError("user-notice is recorded as the notice states it, not computed; add --days N for a calendar-day estimate");
      }
      return estimateNoticeWindow({ noticeDate: values.trigger, days: values.days });
    }
    if (values.days !== undefined) throw new UsageError("--days cannot be used with --rule: the rule fixes the period");
    return computeRule(values.rule, values.trigger, options);
  }

  if (values.trigger === undefined && values.days === undefined && values.dir === undefined) {
    throw new UsageError("give --trigger, --days and --dir; or --rule and --trigger; or --list-rules");
  }
  const request = parseOrThrow(DeadlineRequest, {
    trigger: values.trigger,
    days: values.days,
    direction: values.dir,
    ...options,
  });
  return computeDeadline(request);
}

export const deadlineCommand: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    try {
      io.stdout(JSON.stringify(answer(args), null, 2));
      return EXIT.ok;
    } catch (error) {
      // One line on stderr and exit 2 for anything the user typed wrong.
      if (error instanceof DeadlineInputError) {
        io.stderr(`quash deadline: ${FLAG_FOR_FIELD[error.field] ?? error.field}: ${error.message}`);
        return EXIT.usage;
      }
      if (error instanceof UsageError) {
        io.stderr(`quash deadline: ${error.message}`);
        return EXIT.usage;
      }
      throw error;
    }
  },
};
