import "server-only";

export { decodeBase64Payload } from "./base64";
export {
  type Base64DecodeResult,
  type DecodeFailureKind,
  type DecodeOptions,
  type DecodeResult,
  MAX_IMAGE_SIDE,
  MIN_IMAGE_SIDE,
  decodeBase64Image,
  decodeImage,
} from "./decode-image";
export { type ImageFormat, sniffImageFormat } from "./sniff";
