import type { Row } from "../editing/definition";
import type { EditableRecord } from "../editing/service";
import { paths } from "../paths";
import { refOf, type FormDeps, type RecordFormConfig } from "./record-form";

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A staff list of one record type (outside any case): each record with its edit link, deleted ones marked. */
export function toRecordListView(config: RecordFormConfig, rows: Row[], deps: FormDeps, canEdit: boolean) {
  const items = rows.map((row) => {
    const record = row as EditableRecord;
    return {
      text: config.describe(record, deps),
      editHref: config.listHref?.(record) ?? paths.staffRecordEdit(config.segment, refOf(config, record), undefined),
      showHref: record.deletedAt ? null : config.showHref(record, null, deps),
      deleted: record.deletedAt !== null,
    };
  });
  return {
    title: `Staff: ${capitalise(config.segment.replace(/-/g, " "))}`,
    countText: `${items.filter((i) => !i.deleted).length} recorded${items.some((i) => i.deleted) ? `, ${items.filter((i) => i.deleted).length} deleted` : ""}.`,
    add: canEdit ? { href: paths.staffRecordNew(config.segment), label: `Add a ${config.noun}` } : null,
    items,
    staffHref: paths.staff(),
  };
}
