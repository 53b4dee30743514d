export { convexHull } from "./convex-hull";
export { solveHomography } from "./homography";
export { minAreaRect, rectCorners, type RotatedRect } from "./min-area-rect";
export { orderQuad, polygonArea, quadCentre, quadContains, quadIou, quadSize } from "./quad";
export { resizeRgb } from "./resize-rgb";
export { rotate180, rotate90Ccw, rotate90Cw } from "./rotate-rgb";
export { warpQuad } from "./warp-quad";
