import { z } from "zod";
import { DATE_PRECISIONS } from "../../../../db/schema";
import { optionalDate, optionalInteger, optionalOneOf, optionalRecordId, optionalText, recordId } from "../../fields";

// Platforms' notices to users, with the response window exactly as stated.
// The edit schemas: what a form or an API call may send (server/editing/README.md).

export const NoticeCreate = z
  .strictObject({
    subpoenaId: recordId(),
    accountId: optionalRecordId(),
    platformId: optionalRecordId(),
    dateNotified: optionalDate(),
    dateNotifiedPrecision: optionalOneOf(DATE_PRECISIONS),
    responseWindowStated: optionalText(300),
    responseWindowDays: optionalInteger(0, 3650),
    responseDateStated: optionalDate(),
  })
  .meta({
    id: "NoticeCreate",
    description: "A platform's notice to a user. The response window is recorded exactly as the notice states it, never computed.",
  });
export const NoticeUpdate = NoticeCreate.partial().meta({ id: "NoticeUpdate" });
