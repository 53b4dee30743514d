"use client";

import type { CSSProperties, ReactNode } from "react";
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import { cn } from "./cn";

/** key → label and colour; colours are exposed as --color-<key> for the chart's children. */
export type ChartConfig = Record<string, { label: string; color: string }>;

export function ChartContainer({
  config,
  className,
  children,
  label,
}: {
  config: ChartConfig;
  className?: string;
  children: ReactNode;
  label: string;
}) {
  const style = Object.fromEntries(Object.entries(config).map(([key, v]) => [`--color-${key}`, v.color])) as CSSProperties;
  return (
    <figure role="img" aria-label={label} className={cn("h-64 w-full text-xs", className)} style={style}>
      {children}
    </figure>
  );
}

export interface TimeSeriesChartProps<Row extends { bucket: string }> {
  data: Row[];
  config: ChartConfig;
  /** Which numeric keys of Row to draw (each must be in config). */
  keys: (keyof Row & string)[];
  kind?: "line" | "area" | "bar";
  /** Formats an x value (bucket ISO string) for the axis. */
  formatX?: (bucket: string) => string;
  /** Formats a y value for the axis: keep it short (the axis is 64 px). */
  formatY?: (value: number) => string;
  /** Formats a value in the tooltip (default: formatY). */
  formatValue?: (value: number) => string;
  stacked?: boolean;
  label: string;
  className?: string;
}

/** The one time-series chart: gets ready, gap-free series; never buckets anything itself. */
export function TimeSeriesChart<Row extends { bucket: string }>({
  data,
  config,
  keys,
  kind = "line",
  formatX,
  formatY,
  formatValue = formatY,
  stacked,
  label,
  className,
}: TimeSeriesChartProps<Row>) {
  // Recharts types dataKey against the row type; the keys are checked by our props instead.
  const common = { data: data as unknown as Record<string, string | number>[], margin: { top: 8, right: 12, bottom: 0, left: 0 } };
  const axes = [
    <CartesianGrid key="grid" stroke="#eef0f4" vertical={false} />,
    <XAxis
      key="x"
      dataKey="bucket"
      tickFormatter={formatX}
      tick={{ fill: "#6b7280", fontSize: 11 }}
      tickLine={false}
      axisLine={{ stroke: "#e3e7ee" }}
      minTickGap={24}
    />,
    <YAxis
      key="y"
      tickFormatter={formatY}
      tick={{ fill: "#6b7280", fontSize: 11 }}
      tickLine={false}
      axisLine={false}
      width={64}
      allowDecimals={false}
    />,
    <Tooltip
      key="tip"
      labelFormatter={(v) => (formatX ? formatX(String(v)) : String(v))}
      // A null value is a bucket without data (no calls): shown as "—", never as 0.
      formatter={(value, name) => [
        value === null || value === undefined ? "—" : formatValue ? formatValue(Number(value)) : String(value),
        config[String(name)]?.label ?? String(name),
      ]}
      contentStyle={{ borderRadius: 6, borderColor: "#e3e7ee", fontSize: 12 }}
    />,
    <Legend
      key="legend"
      formatter={(name) => config[String(name)]?.label ?? String(name)}
      iconType="circle"
      iconSize={8}
      wrapperStyle={{ fontSize: 12 }}
    />,
  ];
  return (
    <ChartContainer config={config} label={label} className={className}>
      <ResponsiveContainer width="100%" height="100%">
        {kind === "bar" ? (
          <BarChart {...common}>
            {axes}
            {(keys as string[]).map((k) => (
              <Bar
                key={k}
                dataKey={k}
                fill={`var(--color-${k})`}
                stackId={stacked ? "s" : undefined}
                maxBarSize={28}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        ) : kind === "area" ? (
          <AreaChart {...common}>
            {axes}
            {(keys as string[]).map((k) => (
              <Area
                key={k}
                dataKey={k}
                type="monotone"
                stroke={`var(--color-${k})`}
                fill={`var(--color-${k})`}
                fillOpacity={0.15}
                stackId={stacked ? "s" : undefined}
                isAnimationActive={false}
              />
            ))}
          </AreaChart>
        ) : (
          <LineChart {...common}>
            {axes}
            {(keys as string[]).map((k) => (
              // Null points (buckets without data) break the line instead of being joined across;
              // dots keep a point between two gaps visible.
              <Line
                key={k}
                dataKey={k}
                type="linear"
                connectNulls={false}
                stroke={`var(--color-${k})`}
                strokeWidth={2}
                dot={{ r: 2.5, fill: `var(--color-${k})` }}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        )}
      </ResponsiveContainer>
    </ChartContainer>
  );
}
