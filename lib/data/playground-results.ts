import "server-only";

import { db } from "@/lib/db";
import type { CapabilityId } from "@/lib/capabilities/catalog";

// The playground's recent results per user: each picture run is kept with its picture and the
// API's answer; only the newest KEEP stay, so a reload or another device shows them.

export const PLAYGROUND_RESULTS_KEPT = 20;

export interface PlaygroundResultDto {
  id: string;
  capability: CapabilityId;
  name: string;
  width: number;
  height: number;
  dpi: number | null;
  requestId: string | null;
  httpStatus: number;
  response: unknown;
  source: "api" | "text-layer";
  createdAt: Date;
}

const select = {
  id: true,
  capability: true,
  name: true,
  width: true,
  height: true,
  dpi: true,
  requestId: true,
  httpStatus: true,
  response: true,
  source: true,
  createdAt: true,
} as const;

type Row = { [K in keyof typeof select]: unknown } & { response: string; capability: string; source: string };

function toDto(row: Row): PlaygroundResultDto {
  let response: unknown;
  try {
    response = JSON.parse(row.response);
  } catch {
    response = null;
  }
  return { ...(row as unknown as PlaygroundResultDto), response };
}

/** Stores one picture's result and drops the user's results beyond the newest 20, in one transaction. */
export async function savePlaygroundResult(opts: {
  userId: string;
  capability: CapabilityId;
  name: string;
  image: Uint8Array;
  imageMime: string;
  width: number;
  height: number;
  dpi?: number;
  requestId?: string;
  httpStatus: number;
  response: unknown;
  source: "api" | "text-layer";
}): Promise<PlaygroundResultDto> {
  return db.$transaction(async (tx) => {
    const row = await tx.playgroundResult.create({
      data: {
        userId: opts.userId,
        capability: opts.capability,
        name: opts.name.slice(0, 200),
        image: new Uint8Array(opts.image),
        imageMime: opts.imageMime,
        width: opts.width,
        height: opts.height,
        dpi: opts.dpi ? Math.round(opts.dpi) : null,
        requestId: opts.requestId ?? null,
        httpStatus: opts.httpStatus,
        response: JSON.stringify(opts.response ?? null),
        source: opts.source,
      },
      select,
    });
    const stale = await tx.playgroundResult.findMany({
      where: { userId: opts.userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: PLAYGROUND_RESULTS_KEPT,
      select: { id: true },
    });
    if (stale.length) await tx.playgroundResult.deleteMany({ where: { id: { in: stale.map((s) => s.id) } } });
    return toDto(row as Row);
  });
}

/** The user's recent results, newest first (without the pictures: those load by id). */
export async function listPlaygroundResults(opts: { userId: string }): Promise<PlaygroundResultDto[]> {
  const rows = await db.playgroundResult.findMany({
    where: { userId: opts.userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: PLAYGROUND_RESULTS_KEPT,
    select,
  });
  return rows.map((r) => toDto(r as Row));
}

export async function getPlaygroundResultImage(opts: { userId: string; id: string }): Promise<{ bytes: Uint8Array; mime: string } | null> {
  const row = await db.playgroundResult.findFirst({
    where: { id: opts.id, userId: opts.userId },
    select: { image: true, imageMime: true },
  });
  return row ? { bytes: new Uint8Array(row.image), mime: row.imageMime } : null;
}

/** Deletes one of the user's results; another user's id deletes nothing. */
export async function deletePlaygroundResult(opts: { userId: string; id: string }): Promise<boolean> {
  const { count } = await db.playgroundResult.deleteMany({ where: { id: opts.id, userId: opts.userId } });
  return count > 0;
}
