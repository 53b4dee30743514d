// Expected failures of console/CLI operations. `message` is for logs, `userMessage` for people (Chinese UI).
export type AppErrorCode = "not_found" | "conflict" | "invalid" | "forbidden" | "unauthenticated" | "rate_limited";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly userMessage: string = message,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const isAppError = (err: unknown): err is AppError => err instanceof AppError;

/** Prisma "unique constraint failed" (P2002), recognised by code, never by message text. */
export const isUniqueViolation = (err: unknown) => typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2002";

/** Prisma "record to update/delete not found" (P2025). */
export const isRecordNotFound = (err: unknown) => typeof err === "object" && err !== null && (err as { code?: unknown }).code === "P2025";
