"use client";

import { Button } from "@/components/ui/button";

/**
 * What an error boundary shows. In production the server's error is masked (only a digest
 * reaches the browser), and the usual cause is the database being briefly unavailable (locked,
 * read-only): hence "try again later" rather than a stack or a blank page.
 */
export function ServiceUnavailable({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto mt-16 max-w-md rounded-md border border-red-200 bg-white p-6 text-center">
      <h1 className="text-base font-semibold text-danger">页面出错了</h1>
      <p className="mt-2 text-sm text-muted">
        服务暂时不可用，请稍后重试。{error.digest && <span className="block font-mono text-xs">错误编号 {error.digest}</span>}
      </p>
      <Button className="mt-4" onClick={reset}>
        重试
      </Button>
    </div>
  );
}
