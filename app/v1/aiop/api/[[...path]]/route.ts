import { handleGatewayRequest } from "@/lib/gateway/handle-request";

// /v1/aiop/api and everything under it (an optional catch-all, so the bare root answers 50001
// too) – the public EOP-signed API. Every method goes to the gateway, which answers wrong methods
// and paths with the contract's codes; scripts/server.mjs brings the methods and path variants
// Next would not route here.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export {
  handleGatewayRequest as GET,
  handleGatewayRequest as POST,
  handleGatewayRequest as PUT,
  handleGatewayRequest as PATCH,
  handleGatewayRequest as DELETE,
  handleGatewayRequest as HEAD,
  handleGatewayRequest as OPTIONS,
};
