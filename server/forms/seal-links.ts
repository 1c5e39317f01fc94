import { paths } from "../paths";
import type { SealKind } from "../publication/schemas";

/**
 * The "Seal" line staff forms and pages show beside a record that can be sealed after the
 * fact: its state, and the page where an editor seals or unseals it citing the order.
 */
export function sealRelatedList(
  kind: SealKind,
  record: { id: number; sealed?: unknown; nameSealed?: unknown; sealOrder?: unknown; sealReason?: unknown },
) {
  const sealed = Boolean(kind === "party" ? record.nameSealed : record.sealed);
  const what = kind === "party" ? "the name" : `this ${kind === "entry" ? "entry" : kind}`;
  const order = typeof record.sealOrder === "string" ? record.sealOrder : null;
  const reason = typeof record.sealReason === "string" ? record.sealReason : null;
  return {
    heading: "Seal",
    items: [
      {
        text: sealed ? `Sealed: unseal ${what}, citing the court's order` : `Seal ${what} after the fact, citing the court's order`,
        href: paths.staffSeal(kind, record.id),
        note: sealed ? [order, reason].filter(Boolean).join(": ") || "sealed when entered or imported; no order cited yet" : null,
      },
    ],
    empty: "",
    add: null,
  };
}
