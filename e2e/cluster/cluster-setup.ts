import { cluster } from "./cluster";

// Leftovers of an interrupted run are stopped and wiped first; then PostgreSQL, Redis, 2 instances
// (one OCR worker each: two instances share the CI machine's cores) and nginx.
export default function setup() {
  // The instances inherit it: a reservation left open by the instance check (5) kills is released
  // by the survivor after a minute (the server's minimum) instead of the default ten.
  process.env.RESERVATION_TIMEOUT_SECONDS ??= "60";
  cluster("stop", "--purge");
  cluster("start", "--instances", "2", "--workers", "1");
}
