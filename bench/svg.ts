// A hand-written SVG line chart: two panels (requests/s and p99 latency against concurrency on
// a log2 axis), one line per server, a legend, axis labels and a caption. No libraries.

export interface Series {
  name: string;
  color: string;
  /** One point per concurrency. */
  points: { x: number; y: number }[];
}

export interface Panel {
  title: string;
  yLabel: string;
  series: Series[];
}

const W = 1040;
const H = 470;
const PANEL_W = 400;
const PANEL_H = 290;
const TOP = 80;
const LEFTS = [90, 610];

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const fmt = (n: number) =>
  n >= 10_000
    ? `${+(n / 1000).toFixed(1)}k`
    : n >= 1000
      ? `${+(n / 1000).toFixed(2)}k`
      : n >= 10
        ? String(Math.round(n))
        : String(+n.toFixed(1));

/** 0 and a round maximum above `max`, in about five steps. */
function niceTicks(max: number): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough)!;
  const ticks: number[] = [];
  for (let v = 0; v < max + step * 0.999 && ticks.length < 12; v += step) ticks.push(+v.toPrecision(12));
  return ticks;
}

function panel(p: Panel, left: number, xs: number[]): string {
  const xMin = Math.log2(Math.min(...xs));
  const xMax = Math.log2(Math.max(...xs));
  const yTicks = niceTicks(Math.max(...p.series.flatMap((s) => s.points.map((pt) => pt.y))));
  const yMax = yTicks[yTicks.length - 1];
  const X = (x: number) => left + (xMax === xMin ? PANEL_W / 2 : ((Math.log2(x) - xMin) / (xMax - xMin)) * PANEL_W);
  const Y = (y: number) => TOP + PANEL_H - (y / yMax) * PANEL_H;
  const out: string[] = [];
  out.push(`<text x="${left + PANEL_W / 2}" y="${TOP - 14}" class="title">${esc(p.title)}</text>`);
  for (const t of yTicks) {
    out.push(
      `<line x1="${left}" x2="${left + PANEL_W}" y1="${Y(t).toFixed(1)}" y2="${Y(t).toFixed(1)}" class="grid"/>`,
    );
    out.push(`<text x="${left - 8}" y="${(Y(t) + 4).toFixed(1)}" class="ytick">${fmt(t)}</text>`);
  }
  for (const x of xs) {
    out.push(`<line x1="${X(x).toFixed(1)}" x2="${X(x).toFixed(1)}" y1="${TOP}" y2="${TOP + PANEL_H}" class="grid"/>`);
    out.push(`<text x="${X(x).toFixed(1)}" y="${TOP + PANEL_H + 18}" class="xtick">${x}</text>`);
  }
  out.push(`<rect x="${left}" y="${TOP}" width="${PANEL_W}" height="${PANEL_H}" class="frame"/>`);
  out.push(
    `<text x="${left + PANEL_W / 2}" y="${TOP + PANEL_H + 40}" class="label">concurrent connections (log2)</text>`,
  );
  out.push(
    `<text transform="translate(${left - 56} ${TOP + PANEL_H / 2}) rotate(-90)" class="label">${esc(p.yLabel)}</text>`,
  );
  for (const s of p.series) {
    const pts = s.points.map((pt) => `${X(pt.x).toFixed(1)},${Y(pt.y).toFixed(1)}`);
    out.push(`<polyline points="${pts.join(" ")}" fill="none" stroke="${s.color}" stroke-width="2.5"/>`);
    for (const pt of s.points) {
      out.push(
        `<circle cx="${X(pt.x).toFixed(1)}" cy="${Y(pt.y).toFixed(1)}" r="3.5" fill="${s.color}"><title>${esc(s.name)}: ${fmt(pt.y)} at ${pt.x}</title></circle>`,
      );
    }
  }
  return out.join("\n  ");
}

export function renderChart(options: { title: string; caption: string; xs: number[]; panels: [Panel, Panel] }): string {
  const { title, caption, xs, panels } = options;
  const series = panels[0].series;
  const legend = series
    .map((s, i) => {
      const x = W / 2 - (series.length * 170) / 2 + i * 170;
      return `<line x1="${x}" x2="${x + 28}" y1="44" y2="44" stroke="${s.color}" stroke-width="3"/><text x="${x + 36}" y="48" class="legend">${esc(s.name)}</text>`;
    })
    .join("\n  ");
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif">
  <style>
    .heading { font-size: 17px; font-weight: bold; text-anchor: middle; fill: #222; }
    .title { font-size: 14px; font-weight: bold; text-anchor: middle; fill: #333; }
    .label { font-size: 12px; text-anchor: middle; fill: #444; }
    .legend { font-size: 13px; fill: #222; }
    .xtick { font-size: 11px; text-anchor: middle; fill: #555; }
    .ytick { font-size: 11px; text-anchor: end; fill: #555; }
    .caption { font-size: 11px; text-anchor: middle; fill: #666; }
    .grid { stroke: #e4e4e4; stroke-width: 1; }
    .frame { fill: none; stroke: #999; stroke-width: 1; }
  </style>
  <rect width="${W}" height="${H}" fill="#fff"/>
  <text x="${W / 2}" y="24" class="heading">${esc(title)}</text>
  ${legend}
  ${panel(panels[0], LEFTS[0], xs)}
  ${panel(panels[1], LEFTS[1], xs)}
  <text x="${W / 2}" y="${H - 14}" class="caption">${esc(caption)}</text>
</svg>
`;
}
