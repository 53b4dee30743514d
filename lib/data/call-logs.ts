import "server-only";

import { AppError } from "@/lib/errors";
import { db } from "@/lib/db";
import type { CapabilityId } from "@/lib/capabilities/catalog";
import type { Prisma } from "@/lib/generated/prisma/client";
import { callLogCursor, type CallLogQuery } from "@/lib/validation/usage-query";
import { rangeBuckets } from "@/lib/data/usage";
import type { CallImageError } from "@/lib/data/metering";
import { isSuccessfulCall } from "@/lib/data/call-rollups";

// The call log reads keyset pages through the (userId|appId, createdAt, id) indexes: a page is
// "the pageSize rows just older (next) or newer (prev) than a cursor row", never an OFFSET, and
// the total is counted only up to TOTAL_CAP rows.

/** The most rows the log counts for its "共 N 条"; beyond it the page says "more than". */
export const CALL_LOG_TOTAL_CAP = 10_000;

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
  /** Requests the row stands for (more than 1: failures merged past the recording rate). */
  calls: number;
  /** The check that failed (gateway) or the capability's error text; "" on success. */
  details: string;
  /** isSuccessfulCall: 2xx, statusCode 0 and not a batch whose every image failed. */
  successful: boolean;
}

/** One call as its detail view shows it. */
export interface CallDetail extends CallLogRow {
  clientIp: string;
  /** The answer's message when it was a text. */
  message: string;
  imageErrors: CallImageError[];
  /** Milliseconds per stage reached (gateway, decode, queue, detection, recognition). */
  stages: Record<string, number>;
  /** "" or why a reservation was released without its request (restart, timeout, settlement-failed). */
  settlement: string;
}

export interface CallLogPage {
  rows: CallLogRow[];
  pageSize: number;
  /** Matching rows, counted up to CALL_LOG_TOTAL_CAP (then totalCapped). */
  total: number;
  totalCapped: boolean;
  /** Cursor of the older page (direction=next), null on the last page. */
  nextCursor: string | null;
  /** Cursor of the newer page (direction=prev), null on the first page. */
  prevCursor: string | null;
}

const ROW_SELECT = {
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
  calls: true,
  details: true,
} as const satisfies Prisma.CallRecordSelect;

type Filters = Pick<CallLogQuery, "range" | "appId" | "capabilityId" | "requestId" | "status">;

function filterWhere(opts: { userId: string; now?: Date } & Filters): Prisma.CallRecordWhereInput {
  const from = new Date(rangeBuckets(opts.range, (opts.now ?? new Date()).getTime())[0]!);
  // isSuccessfulCall in SQL: 2xx, statusCode 0, and not a batch whose every image failed.
  const success: Prisma.CallRecordWhereInput = {
    httpStatus: { lt: 300 },
    statusCode: 0,
    OR: [{ successCount: { gt: 0 } }, { failCount: 0 }],
  };
  const where: Prisma.CallRecordWhereInput = {
    userId: opts.userId,
    createdAt: { gte: from },
    ...(opts.appId ? { appId: opts.appId } : {}),
    ...(opts.capabilityId ? { capabilityId: opts.capabilityId } : {}),
    ...(opts.requestId ? { requestId: { contains: opts.requestId } } : {}),
    ...(opts.status === "success" ? success : opts.status === "failure" ? { NOT: success } : {}),
  };
  return where;
}

/** The user's calls, newest first, filtered, one keyset page. */
export async function listCallLogs(opts: { userId: string; now?: Date } & CallLogQuery): Promise<CallLogPage> {
  const where = filterWhere(opts);
  const cursor = opts.cursor ? callLogCursor.decode(opts.cursor) : null;
  const newer = cursor !== null && opts.direction === "prev";
  // The bare createdAt bound lets the index range stop at the cursor; the OR only settles ties.
  const beyondCursor: Prisma.CallRecordWhereInput = !cursor
    ? {}
    : newer
      ? { AND: [{ createdAt: { gte: cursor.createdAt } }, { OR: [{ createdAt: { gt: cursor.createdAt } }, { id: { gt: cursor.id } }] }] }
      : { AND: [{ createdAt: { lte: cursor.createdAt } }, { OR: [{ createdAt: { lt: cursor.createdAt } }, { id: { lt: cursor.id } }] }] };
  const order = (dir: "asc" | "desc") => [{ createdAt: dir }, { id: dir }];
  const [counted, found] = await Promise.all([
    // In index order, so the count stops after CALL_LOG_TOTAL_CAP + 1 rows instead of sorting them all.
    db.callRecord.count({ where, take: CALL_LOG_TOTAL_CAP + 1, orderBy: order("desc") }),
    db.callRecord.findMany({
      where: { AND: [where, beyondCursor] },
      orderBy: order(newer ? "asc" : "desc"),
      take: opts.pageSize + 1, // one more than shown says whether another page follows
      select: ROW_SELECT,
    }),
  ]);
  const more = found.length > opts.pageSize;
  // Reading back towards the newest rows and reaching them: that is simply the first page (full).
  if (newer && !more) return listCallLogs({ ...opts, cursor: undefined, direction: "next" });
  const page = found.slice(0, opts.pageSize);
  if (newer) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  return {
    pageSize: opts.pageSize,
    total: Math.min(counted, CALL_LOG_TOTAL_CAP),
    totalCapped: counted > CALL_LOG_TOTAL_CAP,
    nextCursor: (newer || more) && last ? callLogCursor.encode(last) : null,
    // Past the last row, an empty page still leads back to the rows newer than its cursor.
    prevCursor: !cursor ? null : first ? callLogCursor.encode(first) : opts.cursor!,
    rows: page.map(toRow),
  };
}

type SelectedRow = Prisma.CallRecordGetPayload<{ select: typeof ROW_SELECT }>;

const toRow = ({ app, createdAt, ...r }: SelectedRow): CallLogRow => ({
  ...r,
  successful: isSuccessfulCall(r),
  createdAt: createdAt.toISOString(),
  appName: app?.name ?? null,
  capabilityId: r.capabilityId as CapabilityId,
});

/** Most rows one CSV export holds (the log's own count cap); the file says when it was cut. */
export const CALL_LOG_EXPORT_MAX = CALL_LOG_TOTAL_CAP;
const EXPORT_BATCH = 1_000;

/**
 * Every row the filters match, newest first, in keyset batches (memory stays one batch), up to
 * CALL_LOG_EXPORT_MAX rows.
 */
export async function* exportCallLogs(opts: { userId: string; now?: Date } & Filters): AsyncGenerator<CallDetail> {
  const where = filterWhere(opts);
  let cursor: { createdAt: Date; id: string } | null = null;
  let sent = 0;
  while (sent < CALL_LOG_EXPORT_MAX) {
    const beyond: Prisma.CallRecordWhereInput = cursor
      ? { AND: [{ createdAt: { lte: cursor.createdAt } }, { OR: [{ createdAt: { lt: cursor.createdAt } }, { id: { lt: cursor.id } }] }] }
      : {};
    const batch = await db.callRecord.findMany({
      where: { AND: [where, beyond] },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: Math.min(EXPORT_BATCH, CALL_LOG_EXPORT_MAX - sent),
      select: DETAIL_SELECT,
    });
    for (const row of batch) yield toDetail(row);
    sent += batch.length;
    if (batch.length < EXPORT_BATCH) return;
    const last = batch.at(-1)!;
    cursor = { createdAt: last.createdAt, id: last.id };
  }
}

const DETAIL_SELECT = {
  ...ROW_SELECT,
  clientIp: true,
  message: true,
  imageErrors: true,
  stages: true,
  settlement: true,
} as const satisfies Prisma.CallRecordSelect;

type DetailRow = Prisma.CallRecordGetPayload<{ select: typeof DETAIL_SELECT }>;

/** JSON columns written by the gateway; an unreadable one shows as empty rather than failing the page. */
function parseJson<T>(text: string, empty: T): T {
  if (!text) return empty;
  try {
    return JSON.parse(text) as T;
  } catch {
    return empty;
  }
}

const toDetail = ({ clientIp, message, imageErrors, stages, settlement, ...row }: DetailRow): CallDetail => ({
  ...toRow(row),
  clientIp,
  message,
  imageErrors: parseJson<CallImageError[]>(imageErrors, []),
  stages: parseJson<Record<string, number>>(stages, {}),
  settlement,
});

/** One of the user's calls; not_found for another user's or an unknown id. */
export async function getCallDetail(opts: { userId: string; id: string }): Promise<CallDetail> {
  const row = await db.callRecord.findFirst({ where: { id: opts.id, userId: opts.userId }, select: DETAIL_SELECT });
  if (!row) throw new AppError("not_found", "call record not found", "调用记录不存在");
  return toDetail(row);
}
