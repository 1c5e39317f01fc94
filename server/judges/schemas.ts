import { z } from "zod";

export const JudgeParams = z.object({ slug: z.string().min(1).max(200) });
