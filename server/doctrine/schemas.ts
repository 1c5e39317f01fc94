import { z } from "zod";

export const DoctrineParams = z.object({ slug: z.string().min(1).max(200) });
