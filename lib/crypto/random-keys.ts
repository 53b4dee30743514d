import "server-only";

import { randomBytes } from "node:crypto";

/** 32 lower-case hex characters, the shape of the original product's AK/SK/AppKey/AppSecret. */
export const randomHexKey = () => randomBytes(16).toString("hex");
