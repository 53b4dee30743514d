// Fixture of shutdown.test.ts: an HTTP server whose requests take `delayMs`, with the production
// server's graceful shutdown. Usage: slow-server.mjs <port> <delayMs> <graceMs>
import http from "node:http";

import { installGracefulShutdown } from "../../scripts/server/shutdown.mjs";

const [port, delayMs, graceMs] = process.argv.slice(2).map(Number);
const server = http.createServer((_req, res) => setTimeout(() => res.end("done"), delayMs));
installGracefulShutdown(server, { graceMs });
server.listen(port, "127.0.0.1", () => console.log("listening"));
