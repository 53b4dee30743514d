/**
 * Splits items into `count` groups of about equal total cost (greedy: costliest first, each to
 * the lightest group), as index lists in their original order. Recognition time grows with a
 * crop's width, so line crops are shared between workers by width, not by number.
 */
export function balancedGroups(costs: readonly number[], count: number): number[][] {
  const groups = Array.from({ length: Math.max(1, count) }, () => ({ cost: 0, items: [] as number[] }));
  const order = costs.map((_, i) => i).sort((a, b) => costs[b]! - costs[a]!);
  for (const i of order) {
    const lightest = groups.reduce((a, b) => (b.cost < a.cost ? b : a));
    lightest.cost += costs[i]!;
    lightest.items.push(i);
  }
  return groups.filter((g) => g.items.length > 0).map((g) => g.items.sort((a, b) => a - b));
}
