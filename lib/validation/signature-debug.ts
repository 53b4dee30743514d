import { z } from "zod";

// 在线签名调试: what the developer enters. Bounded so the form cannot be used to make the server
// hash arbitrarily much (the body is the largest part; an API body is at most ~10 MB of base64).

export const SIGNATURE_DEBUG_MAX_BODY = 10 * 1024 * 1024;

export const signatureDebugSchema = z.object({
  method: z.string().trim().min(1, "请填写请求方法").max(16),
  path: z.string().trim().max(2048).default(""),
  query: z.string().trim().max(8192).default(""),
  headers: z.string().max(32 * 1024, "请求头过长"),
  body: z.string().max(SIGNATURE_DEBUG_MAX_BODY, "请求体超过 10 MB"),
  accessKey: z.string().trim().min(1, "请填写 AccessKey").max(128),
  secretKey: z.string().trim().min(1, "请填写 SecretKey").max(128),
  signedHeaders: z.string().trim().max(1024).default(""),
  authorization: z.string().trim().max(4096).default(""),
});
export type SignatureDebugInput = z.input<typeof signatureDebugSchema>;
