import type { IncomingMessage } from "node:http";

export declare function apiRequestTarget(method: string, url: string): { method: string; url: string; variant: boolean } | null;
export declare function routeApiRequest(req: IncomingMessage): void;
