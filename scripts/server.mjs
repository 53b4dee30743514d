// The production HTTP entry point (run by scripts/start.mjs). A thin custom server around Next,
// because only here is the socket visible: the client's address is resolved once (the peer, or
// behind TRUSTED_PROXIES the right-most forwarded hop that is not a trusted proxy) and handed to
// Next as the only X-Forwarded-For value, which the gateway's IP allow-list, the call log and the
// login limits read. API requests Next would redirect or refuse get the gateway's answers.
// Its settings come from lib/env/schema.mjs, the app's own validation: a bad value stops it at start.
import http from "node:http";

import next from "next";

import { loadEnv } from "../lib/env/schema.mjs";
import { parseTrustedProxies } from "../lib/net/addresses.mjs";
import { root } from "./lib/prepare.mjs";
import { routeApiRequest } from "./server/api-target.mjs";
import { setClientAddress } from "./server/client-address.mjs";
import { installGracefulShutdown } from "./server/shutdown.mjs";

const env = loadEnv();
const port = env.PORT;
// LISTEN_HOST, not HOSTNAME: containers set it to their own name, which would bind one interface only.
const hostname = env.LISTEN_HOST;
const trusted = parseTrustedProxies(env.TRUSTED_PROXIES);

const app = next({ dev: false, dir: root, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  setClientAddress(req, trusted);
  routeApiRequest(req);
  handle(req, res);
});
server.listen(port, hostname, () =>
  console.log(`[server] console and API on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`),
);
installGracefulShutdown(server);
