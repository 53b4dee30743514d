import "server-only";

// A per-instance budget of work in flight (images, bytes). Admission is all-or-nothing and
// immediate: a caller that does not fit is refused rather than queued, so a burst turns into
// fast 503s instead of memory. Leases are released at most once, whatever path ends the work.

export interface BudgetLimits {
  /** Most units (e.g. images) in flight at once; Infinity when only bytes are bounded. */
  units: number;
  /** Most bytes in flight at once. */
  bytes: number;
}

export interface Lease {
  /** Adds bytes to this lease; false (and nothing added) when the budget cannot take them. */
  grow(bytes: number): boolean;
  /** Gives everything back. Idempotent: later calls do nothing. */
  release(): void;
}

export class InFlightBudget {
  private units = 0;
  private bytes = 0;

  constructor(readonly limits: BudgetLimits) {}

  /** Takes `units` and `bytes` when both fit, else null and nothing is taken. */
  tryAcquire(units: number, bytes: number): Lease | null {
    if (!this.fits(units, bytes)) return null;
    this.units += units;
    this.bytes += bytes;
    let heldBytes = bytes;
    let released = false;
    return {
      grow: (more) => {
        if (released || !this.fits(0, more)) return false;
        this.bytes += more;
        heldBytes += more;
        return true;
      },
      release: () => {
        if (released) return;
        released = true;
        this.units -= units;
        this.bytes -= heldBytes;
      },
    };
  }

  inUse(): { units: number; bytes: number } {
    return { units: this.units, bytes: this.bytes };
  }

  private fits(units: number, bytes: number): boolean {
    return this.units + units <= this.limits.units && this.bytes + bytes <= this.limits.bytes;
  }
}
