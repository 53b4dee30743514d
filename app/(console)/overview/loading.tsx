import { Spinner } from "@/components/ui/skeleton";

export default function OverviewLoading() {
  return <Spinner label="正在加载总览…" className="py-24" />;
}
