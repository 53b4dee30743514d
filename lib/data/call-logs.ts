import "server-only";

import { db } from "@/lib/db";
import type { CapabilityId } from "@/lib/capabilities/catalog";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CallLogQuery } from "@/lib/validation/usage-query";
import { rangeBuckets } from "@/lib/data/usage";

export interface CallLogRow {
  id: string;
  createdAt: string;
  requestId: string;
  appId: string | null;
  appName: string | null;
  capabilityId: CapabilityId;
  imageCount: number;
  successCount: number;
  failCount: number;
  httpStatus: number;
  statusCode: number;
  latencyMs: number;
  requestBytes: number;
  responseBytes: number;
  charged: number;
}

export interface CallLogPage {
  rows: CallLogRow[];
  total: number;
  page: number;
  pageSize: number;
}

/** The user's calls, newest first, filtered and paginated. */
export async function listCallLogs(opts: { userId: string } & CallLogQuery): Promise<CallLogPage> {
  const from = rangeBuckets(opts.range, Date.now())[0]!;
  const success: Prisma.CallRecordWhereInput = { httpStatus: { lt: 300 }, statusCode: 0 };
  const where: Prisma.CallRecordWhereInput = {
    userId: opts.userId,
    createdAt: { gte: new Date(from) },
    ...(opts.appId ? { appId: opts.appId } : {}),
    ...(opts.capabilityId ? { capabilityId: opts.capabilityId } : {}),
    ...(opts.requestId ? { requestId: { contains: opts.requestId } } : {}),
    ...(opts.status === "success" ? success : opts.status === "failure" ? { NOT: success } : {}),
  };
  const [total, rows] = await Promise.all([
    db.callRecord.count({ where }),
    db.callRecord.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (opts.page - 1) * opts.pageSize,
      take: opts.pageSize,
      select: {
        id: true,
        createdAt: true,
        requestId: true,
        appId: true,
        app: { select: { name: true } },
        capabilityId: true,
        imageCount: true,
        successCount: true,
        failCount: true,
        httpStatus: true,
        statusCode: true,
        latencyMs: true,
        requestBytes: true,
        responseBytes: true,
        charged: true,
      },
    }),
  ]);
  return {
    total,
    page: opts.page,
    pageSize: opts.pageSize,
    rows: rows.map(({ app, createdAt, ...r }) => ({ ...r, createdAt: createdAt.toISOString(), appName: app?.name ?? null, capabilityId: r.capabilityId as CapabilityId })),
  };
}
