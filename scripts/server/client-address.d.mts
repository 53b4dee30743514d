import type { IncomingMessage } from "node:http";
import type { BlockList } from "node:net";

export declare function resolveClientAddress(
  request: { peer: string | undefined; forwardedFor: string | undefined; realIp: string | undefined },
  trusted: BlockList,
): string;
export declare function setClientAddress(req: IncomingMessage, trusted: BlockList): void;
