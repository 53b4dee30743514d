import { describe, expect, test } from "vitest";

import { balancedGroups } from "./balanced-groups";

describe("balancedGroups", () => {
  test("shares cost evenly and keeps every index once, in order", () => {
    const costs = [10, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const groups = balancedGroups(costs, 2);
    expect(groups).toEqual([[0], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]]);
    const sums = balancedGroups([5, 4, 3, 3, 2, 1], 2).map((g) => g.reduce((s, i) => s + [5, 4, 3, 3, 2, 1][i]!, 0));
    expect(sums).toEqual([9, 9]);
  });

  test("no empty groups when there are fewer items than groups", () => {
    expect(balancedGroups([3], 2)).toEqual([[0]]);
    expect(balancedGroups([], 2)).toEqual([]);
  });
});
