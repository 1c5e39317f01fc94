import { z } from "zod";
import { formatIsoDate, parseIsoDate } from "./civil-date";
import { isoDate, parseOrThrow, periodDays } from "./schemas";

/**
 * A platform's user-notice window (the "user-notice" entry in rules.ts) is recorded as the notice
 * states it. This helper exists only for when the notice gives a number of days and no date.
 */

export const NoticeWindowRequest = z.object({ noticeDate: isoDate("noticeDate"), days: periodDays("days") });

export type NoticeWindowEstimate = {
  estimate: string;
  isEstimate: true;
  label: string;
  rule: "user-notice";
};

/**
 * A plain calendar-day estimate of a platform's notice window when only "N days" is known. No
 * weekend or holiday roll: this is not a court deadline, and the notice's own date wins.
 */
export function estimateNoticeWindow(input: { noticeDate: string; days: number | string }): NoticeWindowEstimate {
  const { noticeDate, days } = parseOrThrow(NoticeWindowRequest, input);
  const estimate = formatIsoDate(parseIsoDate(noticeDate)! + days);
  return {
    estimate,
    isEstimate: true,
    label: `Estimate only: ${days} calendar days after the notice of ${noticeDate}, not adjusted for weekends or holidays. Record the date the notice itself states.`,
    rule: "user-notice",
  };
}
