import { cluster } from "./cluster";

// Leftovers of an interrupted run are stopped and wiped first; then PostgreSQL, Redis, 2 instances
// (one OCR worker each: two instances share the CI machine's cores) and nginx.
export default function setup() {
  cluster("stop", "--purge");
  cluster("start", "--instances", "2", "--workers", "1");
}
