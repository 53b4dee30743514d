import { cluster } from "./cluster";

export default function teardown() {
  cluster("stop", "--purge");
}
