import { z } from "zod";

import { AppError } from "@/lib/errors";
import { consoleJson } from "@/lib/auth/api-route";
import { getCallDetail } from "@/lib/data/call-logs";

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

// GET /api/console/call-logs/<id> – one call's detail view (session auth; only the user's own calls)
export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return consoleJson(async (user) => {
    const id = idSchema.safeParse((await params).id);
    if (!id.success) throw new AppError("not_found", "bad call record id", "调用记录不存在");
    return getCallDetail({ userId: user.id, id: id.data });
  });
}
