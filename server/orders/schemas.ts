import { z } from "zod";

/** The orders page's keyset: `after` or `before` names the order a page starts after or ends before. */
export const OrdersQuery = z.object({
  after: z.coerce.number().int().min(1).optional(),
  before: z.coerce.number().int().min(1).optional(),
});

/** An order's own page is addressed by its slug (unique among orders). */
export const OrderParams = z.object({ slug: z.string().min(1).max(200) });
