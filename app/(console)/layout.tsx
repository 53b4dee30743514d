import type { ReactNode } from "react";

import { requireUser } from "@/lib/auth/session";
import { ConsoleShell } from "@/components/console/console-shell";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return <ConsoleShell email={user.email}>{children}</ConsoleShell>;
}
