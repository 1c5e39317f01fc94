import { z } from "zod";

export const SubpoenaParams = z.object({ slug: z.string().min(1).max(200) });

/** How the subpoenas index groups its list; anything else is a 400. */
export const SubpoenaListQuery = z.object({
  group: z.enum(["status", "recipient"]).default("status"),
});

export type SubpoenaListQuery = z.infer<typeof SubpoenaListQuery>;
