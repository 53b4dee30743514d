import type { CapabilityId } from "@/lib/capabilities/catalog";

// Sample pictures per capability, rendered by our own fixture script (scripts/fixtures/samples.ts)
// into public/samples/: synthetic people, companies and plates, so they are ours to ship.
export const SAMPLE_PICTURES: Record<CapabilityId, { file: string; label: string }[]> = {
  general: [
    { file: "notice.jpg", label: "通知公告" },
    { file: "two-columns.jpg", label: "两栏排版" },
    { file: "timetable.png", label: "表格" },
  ],
  idcard: [
    { file: "portrait-side.jpg", label: "人像面" },
    { file: "emblem-side.jpg", label: "国徽面" },
  ],
  plate: [
    { file: "street.jpg", label: "街景车牌" },
    { file: "parking.jpg", label: "停车场" },
  ],
  license: [{ file: "licence.jpg", label: "营业执照" }],
};

export const sampleUrl = (capabilityId: CapabilityId, file: string) => `/samples/${capabilityId}/${file}`;
