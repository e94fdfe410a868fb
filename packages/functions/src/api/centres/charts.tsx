/**
 * Charts drawn on the server as inline SVG: no script, no style attribute or element (the
 * page's CSP allows neither), colours from the stylesheet's classes. Each is an image with a
 * title and a description for screen readers; the page puts the same figures in a table
 * beside it. A hidden figure is drawn as no bar and labelled "hidden", never as zero.
 */

export type Bar = { label: string; value: number | null };
export type Series = { name: string; className: string };

const WIDTH = 420;
const LABEL_WIDTH = 160;
const VALUE_WIDTH = 64;
const ROW = 30;
const BAR = 18;
const PLOT = WIDTH - LABEL_WIDTH - VALUE_WIDTH;

const shown = (v: number | null, percent: boolean) =>
  v === null ? "hidden" : percent ? `${Math.round(v * 100)}%` : String(v);

/** Shortens a label to fit beside its bar (the table beside the chart has it whole). */
const fit = (label: string) => (label.length > 17 ? `${label.slice(0, 16)}…` : label);

function Frame({
  id,
  title,
  desc,
  height,
  children,
}: {
  id: string;
  title: string;
  desc: string;
  height: number;
  children: unknown;
}) {
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {children}
    </svg>
  );
}

/** Describes bars in words: what a screen reader hears in place of the picture. */
export const describeBars = (bars: Bar[], percent: boolean) =>
  bars.length === 0 ? "No figures yet." : bars.map((b) => `${b.label}: ${shown(b.value, percent)}`).join("; ");

/** One horizontal bar per label, from zero to the largest value (or 100% for shares). */
export function BarChart({
  id,
  title,
  bars,
  percent = false,
}: {
  id: string;
  title: string;
  bars: Bar[];
  percent?: boolean;
}) {
  const max = percent ? 1 : Math.max(1, ...bars.map((b) => b.value ?? 0));
  const height = Math.max(1, bars.length) * ROW + 8;
  return (
    <Frame id={id} title={title} desc={describeBars(bars, percent)} height={height}>
      <line class="axis" x1={LABEL_WIDTH} y1={0} x2={LABEL_WIDTH} y2={height} />
      {bars.map((b, i) => {
        const y = i * ROW + 4;
        const w = b.value === null ? 0 : Math.round((b.value / max) * PLOT);
        return (
          <g>
            <text class="label" x={LABEL_WIDTH - 8} y={y + BAR - 4} text-anchor="end">
              {fit(b.label)}
            </text>
            {b.value === null ? (
              <rect class="hidden-bar" x={LABEL_WIDTH} y={y} width={PLOT / 3} height={BAR} />
            ) : (
              <rect class="bar" x={LABEL_WIDTH} y={y} width={w} height={BAR} />
            )}
            <text class="value" x={LABEL_WIDTH + (b.value === null ? PLOT / 3 : w) + 6} y={y + BAR - 4}>
              {shown(b.value, percent)}
            </text>
          </g>
        );
      })}
    </Frame>
  );
}

/** For each group, one bar per series (shares), with a legend naming the series. */
export function GroupedBarChart({
  id,
  title,
  series,
  groups,
}: {
  id: string;
  title: string;
  series: Series[];
  groups: { label: string; values: (number | null)[] }[];
}) {
  const SUB = 14;
  const groupHeight = series.length * (SUB + 2) + 12;
  const legendHeight = 28;
  const height = legendHeight + Math.max(1, groups.length) * groupHeight;
  const desc =
    groups.length === 0
      ? "No figures yet."
      : groups
          .map((g) => `${g.label}: ${series.map((s, i) => `${s.name} ${shown(g.values[i] ?? null, true)}`).join(", ")}`)
          .join("; ");
  return (
    <Frame id={id} title={title} desc={desc} height={height}>
      {series.map((s, i) => {
        // Each entry as wide as its name (about 8 units a letter at the legend's size).
        const x = series.slice(0, i).reduce((sum, e) => sum + e.name.length * 7.5 + 34, 0);
        return (
          <g>
            <rect class={s.className} x={x} y={4} width={14} height={14} />
            <text class="legend small" x={x + 20} y={16}>
              {s.name}
            </text>
          </g>
        );
      })}
      <line class="axis" x1={LABEL_WIDTH} y1={legendHeight} x2={LABEL_WIDTH} y2={height} />
      {groups.map((g, gi) => {
        const top = legendHeight + gi * groupHeight + 4;
        return (
          <g>
            <text class="label" x={LABEL_WIDTH - 8} y={top + (series.length * (SUB + 2)) / 2 + 4} text-anchor="end">
              {fit(g.label)}
            </text>
            {series.map((s, si) => {
              const v = g.values[si] ?? null;
              const y = top + si * (SUB + 2);
              const w = v === null ? 0 : Math.round(v * PLOT);
              return (
                <g>
                  {v === null ? (
                    <rect class="hidden-bar" x={LABEL_WIDTH} y={y} width={PLOT / 3} height={SUB} />
                  ) : (
                    <rect class={s.className} x={LABEL_WIDTH} y={y} width={w} height={SUB} />
                  )}
                  <text class="value small" x={LABEL_WIDTH + (v === null ? PLOT / 3 : w) + 6} y={y + SUB - 3}>
                    {shown(v, true)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </Frame>
  );
}

/** A column per week, left to right, with a few week labels along the bottom. */
export function ColumnChart({ id, title, bars }: { id: string; title: string; bars: Bar[] }) {
  const height = 220;
  const bottom = 180;
  const left = 40;
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const step = bars.length > 0 ? (WIDTH - left - 10) / bars.length : 0;
  const labelEvery = Math.max(1, Math.ceil(bars.length / 6));
  return (
    <Frame id={id} title={title} desc={describeBars(bars, false)} height={height}>
      <line class="axis" x1={left} y1={bottom} x2={WIDTH} y2={bottom} />
      <text class="value small" x={left - 6} y={16} text-anchor="end">
        {max}
      </text>
      <text class="value small" x={left - 6} y={bottom} text-anchor="end">
        0
      </text>
      {bars.map((b, i) => {
        const x = left + i * step + step * 0.15;
        const h = b.value === null ? 0 : Math.round((b.value / max) * (bottom - 10));
        return (
          <g>
            {b.value === null ? (
              <rect class="hidden-bar" x={x} y={bottom - 12} width={step * 0.7} height={12} />
            ) : (
              <rect class="bar" x={x} y={bottom - h} width={step * 0.7} height={h} />
            )}
            {i % labelEvery === 0 ? (
              <text class="label small" x={x + step * 0.35} y={bottom + 20} text-anchor="middle">
                {b.label.replace(/^\d{4}-/, "")}
              </text>
            ) : null}
          </g>
        );
      })}
    </Frame>
  );
}
