/** What the fake engines of the gateway tests read from any picture: one line, "你好". */
export const fixedRead = () => ({
  ok: true as const,
  value: [
    {
      text: "你好",
      box: [
        [1, 2],
        [30, 2],
        [30, 12],
        [1, 12],
      ],
      score: 0.98,
    },
  ],
});
