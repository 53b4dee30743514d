/** Contract (API.md "Images"): width and height within [32, 5000] px inclusive. */
export const MIN_IMAGE_SIDE = 32;
export const MAX_IMAGE_SIDE = 5000;
