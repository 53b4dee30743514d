// The production HTTP entry point (run by scripts/start.mjs). A thin custom server around Next,
// because only here is the socket visible: client-sent `x-forwarded-for` / `x-real-ip` are
// dropped unless the peer is a trusted proxy (TRUSTED_PROXIES, default loopback), after which
// Next fills `x-forwarded-for` with the real peer address. The gateway's IP allow-list and the
// call log read that header, so a directly exposed server cannot be fooled by a forged one.
import http from "node:http";
import { BlockList, isIP } from "node:net";

import next from "next";

import { root } from "./lib/prepare.mjs";
import { installGracefulShutdown } from "./server/shutdown.mjs";

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || "0.0.0.0";

function parseTrustedProxies(list) {
  const blocks = new BlockList();
  for (const entry of list.split(",").map((s) => s.trim()).filter(Boolean)) {
    const [addr, bits] = entry.split("/");
    const family = isIP(addr) === 6 ? "ipv6" : "ipv4";
    if (!isIP(addr)) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR block`);
    if (bits === undefined) blocks.addAddress(addr, family);
    else blocks.addSubnet(addr, Number(bits), family);
  }
  return blocks;
}

const trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES ?? "127.0.0.1,::1");
const isTrusted = (remote = "") => {
  const mapped = remote.startsWith("::ffff:") ? remote.slice(7) : remote;
  const family = isIP(mapped) === 6 ? "ipv6" : "ipv4";
  return isIP(mapped) !== 0 && trusted.check(mapped, family);
};

const app = next({ dev: false, dir: root, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  if (!isTrusted(req.socket.remoteAddress)) {
    delete req.headers["x-forwarded-for"];
    delete req.headers["x-real-ip"];
  }
  handle(req, res);
});
server.listen(port, hostname, () => console.log(`[server] console and API on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`));
installGracefulShutdown(server);
