import { z } from "zod";
import { RecordIdParam } from "../shared/record-id";

export const MotionParams = z.object({ slug: z.string().min(1).max(200), motionId: RecordIdParam });
