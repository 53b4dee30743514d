// eop-date handling (contract §Request signing, date window). Pure: `now` is passed in.

const EOP_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

export interface EopDateWindow {
  /** Allowed difference either way, in minutes. */
  skewMinutes: number;
  /** Offset of the clients' local clock from UTC, in minutes; null = only UTC is accepted. */
  clientUtcOffsetMinutes: number | null;
}

/** The date's digits read as a UTC instant (ms), or null when it is not `yyyymmddTHHMMSSZ`. */
export function parseEopDate(value: string): number | null {
  const m = EOP_DATE.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const d = new Date(ms);
  // Reject dates Date.UTC silently rolls over (e.g. 20210231).
  const roundTrips =
    d.getUTCFullYear() === year &&
    d.getUTCMonth() === month - 1 &&
    d.getUTCDate() === day &&
    d.getUTCHours() === hour &&
    d.getUTCMinutes() === minute &&
    d.getUTCSeconds() === second;
  return roundTrips ? ms : null;
}

const MINUTE_MS = 60_000;

/** The offsets (minutes) a client clock may be on: UTC, and the configured local zone. */
function clockOffsets(window: EopDateWindow): number[] {
  return window.clientUtcOffsetMinutes === null ? [0] : [0, window.clientUtcOffsetMinutes];
}

/**
 * The original clients format local time with a literal Z, so a date is accepted when it is
 * within the skew of now in UTC or of now in the configured client zone.
 */
export function isEopDateAcceptable(dateMs: number, nowMs: number, window: EopDateWindow): boolean {
  return clockOffsets(window).some((offset) => Math.abs(nowMs + offset * MINUTE_MS - dateMs) <= window.skewMinutes * MINUTE_MS);
}

/** The last instant at which this date could still be accepted: its request id must be remembered until then. */
export function eopDateAcceptableUntil(dateMs: number, window: EopDateWindow): number {
  return Math.max(...clockOffsets(window).map((offset) => dateMs - offset * MINUTE_MS + window.skewMinutes * MINUTE_MS));
}

/** Whole minutes (at least 1) by which a refused date misses the nearest accepted window: the 10020's details. */
export function minutesOutsideWindow(dateMs: number, nowMs: number, window: EopDateWindow): number {
  const nearest = Math.min(...clockOffsets(window).map((offset) => Math.abs(nowMs + offset * MINUTE_MS - dateMs)));
  return Math.max(1, Math.ceil((nearest - window.skewMinutes * MINUTE_MS) / MINUTE_MS));
}
