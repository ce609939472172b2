// 分别占全年任务的96.3%和94.8%: a percentage listed right after a stated one is stated too.
import type { Fig } from "../figures";
import type { Reported } from "./reportedRate";

export function listedAfter(prev: Reported | undefined, f: Fig): Reported | null {
  if (!prev || f.kind !== "percent" || prev.fig.segment !== f.segment) return null;
  if (f.start - prev.fig.end > 2 || !/(和|及|与|、)\s?$/.test(f.before)) return null;
  return { ...prev, fig: f };
}
