import { handleGatewayRequest } from "@/lib/gateway/handle-request";

// /v1/aiop/api/* – the public EOP-signed API. Every method goes to the gateway, which answers
// wrong methods and paths with the contract's codes.
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
