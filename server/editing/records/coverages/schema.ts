import { z } from "zod";
import { recordId } from "../../fields";
import { coverageFields } from "../orders/schema";

// Stay coverage: what an order protects, one subpoena and account per row (also edited as part of the order).
// The edit schemas: what a form or an API call may send (server/editing/README.md).

export const CoverageCreate = z
  .strictObject({ orderId: recordId(), ...coverageFields })
  .meta({ id: "CoverageCreate", description: "One row of what an order protects. Also editable as part of the order (`coverage`)." });
export const CoverageUpdate = CoverageCreate.partial().meta({ id: "CoverageUpdate" });
