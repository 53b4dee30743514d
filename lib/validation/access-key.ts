import { z } from "zod";

export const accessKeyIdSchema = z.object({
  accessKey: z
    .string()
    .trim()
    .regex(/^[0-9a-f]{32}$/i, "AccessKey 格式不正确"),
});

export const accessKeyToggleSchema = accessKeyIdSchema.extend({ enabled: z.boolean() });
