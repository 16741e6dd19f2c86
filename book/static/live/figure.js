// SVG figures for the live calculators: the series, log axes, labels, legend and annotations
// of the package's matplotlib figures (scalinglaws.plotting style), drawn at the width of the
// page (a 390 px phone included) in the theme's ink, light or dark.
import { format, powerOfTenLabel, readableNumbers } from "./pyformat.js";

const SVG = "http://www.w3.org/2000/svg";
const FONT = 12;
const DASHES = { dashed: "6 4", dotted: "1.5 3", solid: null };

function svg(tag, attributes = {}, text = null) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) {
      node.setAttribute(key, String(value));
    }
  }
  if (text !== null) {
    node.textContent = text;
  }
  return node;
}

/** Black in the package's palette is the page's ink, so it shows on the dark theme too. */
function ink(color) {
  return !color || color === "#000000" ? "currentColor" : color;
}

/** Relative luminance (WCAG 2) of a "#rrggbb" colour; 1 for the page's ink. */
function luminance(color) {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!match) {
    return 1;
  }
  const [r, g, b] = match.slice(1).map((hex) => {
    const value = parseInt(hex, 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** A band's opacity, as the package draws it. A band of a dark colour (the palette's blue,
 * luminance 0.15) all but vanishes on the dark page at that opacity: its class tells
 * course.css to double it there (orange, 0.42, shows as it is). */
function bandOpacity(series) {
  const opacity = series.opacity ?? 0.25;
  return { class: luminance(ink(series.color)) < 0.2 ? "sl-band sl-band-dark" : "sl-band",
    "fill-opacity": opacity, style: `--sl-band-opacity: ${opacity}` };
}

function finite(values) {
  return values.filter((value) => Number.isFinite(value));
}

// Data limits with matplotlib's default 5 % margins (in log space on a log axis).
function limits(values, log, margin = 0.05) {
  let data = finite(values);
  if (log) {
    data = data.filter((value) => value > 0).map(Math.log10);
  }
  if (!data.length) {
    return log ? [1, 10] : [0, 1];
  }
  let low = Math.min(...data);
  let high = Math.max(...data);
  if (low === high) {
    low -= log ? 0.5 : Math.abs(low) * 0.05 || 0.5;
    high += log ? 0.5 : Math.abs(high) * 0.05 || 0.5;
  }
  const pad = (high - low) * margin;
  low -= pad;
  high += pad;
  return log ? [Math.pow(10, low), Math.pow(10, high)] : [low, high];
}

// Powers of ten (and 2 and 5 times them on a narrow axis), as plotting._DecadeLocator.
function logTicks(low, high, maxTicks) {
  const narrow = high / low < 30;
  const subs = narrow ? [1, 2, 5] : [1];
  const first = Math.floor(Math.log10(low));
  const last = Math.ceil(Math.log10(high));
  let stride = 1;
  while ((last - first) / stride + 1 > maxTicks) {
    stride += 1;
  }
  const ticks = [];
  for (let exponent = first; exponent <= last; exponent += 1) {
    if ((exponent - first) % stride !== 0 && !narrow) {
      continue;
    }
    for (const sub of subs) {
      const value = sub * Math.pow(10, exponent);
      if (value >= low * (1 - 1e-9) && value <= high * (1 + 1e-9)) {
        ticks.push(value);
      }
    }
  }
  return ticks;
}

// About `count` round ticks (1, 2, 2.5, 5 × 10^k), whole numbers if asked (years).
function linearTicks(low, high, count, integer) {
  const span = high - low;
  let step = Math.pow(10, Math.floor(Math.log10(span / count)));
  for (const factor of [1, 2, 2.5, 5, 10]) {
    if (span / (step * factor) <= count) {
      step *= factor;
      break;
    }
  }
  if (integer) {
    step = Math.max(1, Math.round(step));
  }
  const ticks = [];
  for (let value = Math.ceil(low / step - 1e-9) * step; value <= high + 1e-9 * step;
    value += step) {
    ticks.push(Math.abs(value) < 1e-12 * step ? 0 : value);
  }
  return ticks;
}

function linearLabel(value) {
  return readableNumbers(format(value, "g"));
}

function scale(low, high, log, from, to) {
  if (log) {
    const a = Math.log10(low);
    const b = Math.log10(high);
    return (value) => from + ((Math.log10(value) - a) / (b - a)) * (to - from);
  }
  return (value) => from + ((value - low) / (high - low)) * (to - from);
}

function marker(kind, x, y, size, color) {
  const r = size / 2;
  const fill = { fill: color, stroke: "none" };
  if (kind === "s") {
    return svg("rect", { x: x - r, y: y - r, width: size, height: size, ...fill });
  }
  if (kind === "^") {
    return svg("polygon", { points: `${x},${y - r * 1.2} ${x - r * 1.1},${y + r * 0.8} ` +
      `${x + r * 1.1},${y + r * 0.8}`, ...fill });
  }
  if (kind === "D") {
    return svg("polygon", { points: `${x},${y - r * 1.2} ${x + r},${y} ${x},${y + r * 1.2} ` +
      `${x - r},${y}`, ...fill });
  }
  if (kind === "x") {
    return svg("path", { d: `M${x - r},${y - r}L${x + r},${y + r}M${x - r},${y + r}L${x + r},${y - r}`,
      stroke: color, "stroke-width": 1.5, fill: "none" });
  }
  if (kind === "*") {
    const points = [];
    for (let i = 0; i < 10; i += 1) {
      const radius = i % 2 === 0 ? r * 1.25 : r * 0.5;
      const angle = -Math.PI / 2 + (i * Math.PI) / 5;
      points.push(`${x + radius * Math.cos(angle)},${y + radius * Math.sin(angle)}`);
    }
    return svg("polygon", { points: points.join(" "), ...fill });
  }
  return svg("circle", { cx: x, cy: y, r, ...fill });
}

function path(xs, ys, sx, sy) {
  let d = "";
  let pen = false;
  for (let i = 0; i < xs.length; i += 1) {
    const x = sx(xs[i]);
    const y = sy(ys[i]);
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      pen = false;
      continue;
    }
    d += `${pen ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
    pen = true;
  }
  return d;
}

// Rough text width, to lay out the legend and keep labels inside the figure.
function textWidth(text, size = FONT) {
  return text.length * size * 0.55;
}

/** The legend's rows at a given width: entries side by side where they fit. */
function legendRows(entries, width) {
  const rows = [];
  let row = [];
  let used = 0;
  for (const entry of entries) {
    const w = 28 + textWidth(entry.label) + 14;
    if (row.length && used + w > width) {
      rows.push(row);
      row = [];
      used = 0;
    }
    row.push({ ...entry, offset: used });
    used += w;
  }
  if (row.length) {
    rows.push(row);
  }
  return rows;
}

/**
 * Draw a figure spec as an SVG element `width` pixels wide:
 * { xlabel, ylabel, xscale, yscale ("log" | "linear"), xlim, ylim, xticks, xinteger,
 *   series: [{ kind: "line" | "points" | "band", x, y (low, high for a band), color, dash,
 *   width, marker, size, opacity, label }], vlines: [{ x, color, dash }],
 *   arrows: [{ from: [x, y], to: [x, y], color, width }] (matplotlib's annotate arrows),
 *   annotations: [{ x, y, text, dx, dy }], alt }.
 */
export function renderFigure(spec, width) {
  const w = Math.max(280, Math.round(width));
  const compact = w < 480;
  const xlog = spec.xscale === "log";
  const ylog = spec.yscale === "log";
  const allX = [];
  const allY = [];
  for (const series of spec.series) {
    allX.push(...series.x);
    if (series.kind === "band") {
      allY.push(...series.low, ...series.high);
    } else {
      allY.push(...series.y);
    }
  }
  const [x0, x1] = spec.xlim || limits(allX, xlog, spec.xmargin ?? 0.05);
  const [y0, y1] = spec.ylim || limits(allY, ylog, spec.ymargin ?? 0.05);
  const yticks = ylog ? logTicks(y0, y1, compact ? 6 : 8) : linearTicks(y0, y1, 6, false);
  const ytickLabels = yticks.map((tick) => (ylog ? powerOfTenLabel(tick) : linearLabel(tick)));
  // The left margin holds the rotated y label and the widest tick label beside it.
  const ylabelRoom = compact ? 24 : 28;
  const left = Math.max(compact ? 52 : 64,
    Math.ceil(ylabelRoom + 6 + Math.max(0, ...ytickLabels.map((text) => textWidth(text)))));
  const right = 14;
  const top = 10;
  const plotWidth = w - left - right;
  const plotHeight = Math.round(Math.min(380, Math.max(200, plotWidth * 0.6)));
  const entries = spec.series.filter((series) => series.label).map((series) => ({
    label: series.label, series }));
  const rows = legendRows(entries, w - 16);
  const axisBottom = top + plotHeight;
  const legendTop = axisBottom + 56;
  const height = legendTop + rows.length * 18 + 6;
  const sx = scale(x0, x1, xlog, left, left + plotWidth);
  const sy = scale(y0, y1, ylog, axisBottom, top);

  const root = svg("svg", { width: w, height, viewBox: `0 0 ${w} ${height}`, role: "img",
    "aria-label": spec.alt || "", class: "sl-svg", "font-size": FONT });
  root.append(svg("title", {}, spec.alt || ""));
  const clipId = `sl-clip-${Math.random().toString(36).slice(2)}`;
  const defs = svg("defs");
  const clip = svg("clipPath", { id: clipId });
  clip.append(svg("rect", { x: left, y: top, width: plotWidth, height: plotHeight }));
  defs.append(clip);
  root.append(defs);

  // Grid, ticks and their labels.
  const maxTicks = compact ? 5 : 8;
  const xticks = spec.xticks ? spec.xticks.filter((t) => t >= x0 && t <= x1)
    : xlog ? logTicks(x0, x1, maxTicks)
      : linearTicks(x0, x1, compact ? 4 : 6, spec.xinteger);
  const grid = svg("g", { class: "sl-grid" });
  const labels = svg("g", { class: "sl-ticks" });
  let lastRight = -Infinity;
  for (const tick of xticks) {
    const x = sx(tick);
    grid.append(svg("line", { x1: x, x2: x, y1: top, y2: axisBottom }));
    const text = xlog ? powerOfTenLabel(tick) : linearLabel(tick);
    const half = textWidth(text) / 2;
    if (x - half > lastRight + 4) {
      labels.append(svg("text", { x, y: axisBottom + 16, "text-anchor": "middle" }, text));
      lastRight = x + half;
    }
  }
  yticks.forEach((tick, index) => {
    const y = sy(tick);
    grid.append(svg("line", { x1: left, x2: left + plotWidth, y1: y, y2: y }));
    labels.append(svg("text", { x: left - 6, y: y + 4, "text-anchor": "end" },
      ytickLabels[index]));
  });
  root.append(grid);

  // The data, clipped to the axes.
  const data = svg("g", { "clip-path": `url(#${clipId})` });
  const ordered = spec.series.map((series, index) => ({ series, index }))
    .sort((a, b) => (a.series.z ?? 2) - (b.series.z ?? 2) || a.index - b.index);
  for (const { series } of ordered) {
    const color = ink(series.color);
    if (series.kind === "band") {
      const upper = path(series.x, series.high, sx, sy);
      const lower = path([...series.x].reverse(), [...series.low].reverse(), sx, sy)
        .replace(/^M/, "L");
      if (upper && lower) {
        data.append(svg("path", { d: `${upper}${lower}Z`, fill: color, stroke: "none",
          ...bandOpacity(series) }));
      }
    } else if (series.kind === "line") {
      data.append(svg("path", { d: path(series.x, series.y, sx, sy), fill: "none",
        stroke: color, "stroke-width": series.width ?? 2, "stroke-dasharray": DASHES[series.dash],
        "stroke-opacity": series.opacity ?? 1, "stroke-linejoin": "round" }));
      if (series.marker) {
        for (let i = 0; i < series.x.length; i += 1) {
          data.append(marker(series.marker, sx(series.x[i]), sy(series.y[i]),
            series.size ?? 6, color));
        }
      }
    } else {
      for (let i = 0; i < series.x.length; i += 1) {
        const x = sx(series.x[i]);
        const y = sy(series.y[i]);
        if (Number.isFinite(x) && Number.isFinite(y)) {
          data.append(marker(series.marker || "o", x, y, series.size ?? 6, color));
        }
      }
    }
  }
  for (const line of spec.vlines || []) {
    const x = sx(line.x);
    data.append(svg("line", { x1: x, x2: x, y1: top, y2: axisBottom, stroke: line.color,
      "stroke-width": 1, "stroke-dasharray": DASHES[line.dash || "dotted"] }));
  }
  for (const arrow of spec.arrows || []) {
    const [xa, ya] = [sx(arrow.from[0]), sy(arrow.from[1])];
    const [xb, yb] = [sx(arrow.to[0]), sy(arrow.to[1])];
    const length = Math.hypot(xb - xa, yb - ya);
    if (Number.isFinite(length) && length > 1) {
      const [ux, uy] = [(xb - xa) / length, (yb - ya) / length];
      const head = Math.min(8, length);
      const color = ink(arrow.color);
      data.append(svg("path", { d: `M${xa.toFixed(1)},${ya.toFixed(1)}L${xb.toFixed(1)},${yb.toFixed(1)}`,
        stroke: color, "stroke-width": arrow.width ?? 1.5, fill: "none" }));
      data.append(svg("path", { d: `M${(xb - head * ux + head * 0.45 * uy).toFixed(1)},`
        + `${(yb - head * uy - head * 0.45 * ux).toFixed(1)}L${xb.toFixed(1)},${yb.toFixed(1)}`
        + `L${(xb - head * ux - head * 0.45 * uy).toFixed(1)},`
        + `${(yb - head * uy + head * 0.45 * ux).toFixed(1)}`,
      stroke: color, "stroke-width": arrow.width ?? 1.5, fill: "none" }));
    }
  }
  root.append(data);
  for (const note of spec.annotations || []) {
    const x = sx(note.x) + (note.dx ?? 4);
    const y = sy(note.y) + (note.dy ?? 10);
    if (x >= left && x <= left + plotWidth && y >= top && y <= axisBottom + 4) {
      root.append(svg("text", { x, y, class: "sl-annotation", "font-size": FONT - 2 },
        note.text));
    }
  }

  // Axes and their labels.
  root.append(svg("path", { d: `M${left},${top}V${axisBottom}H${left + plotWidth}`,
    class: "sl-axis", fill: "none" }));
  root.append(labels);
  root.append(svg("text", { x: left + plotWidth / 2, y: axisBottom + 36,
    "text-anchor": "middle", class: "sl-label" }, spec.xlabel || ""));
  root.append(svg("text", { x: 0, y: 0, "text-anchor": "middle", class: "sl-label",
    transform: `translate(${compact ? 11 : 14},${top + plotHeight / 2}) rotate(-90)` },
  spec.ylabel || ""));

  // The legend, below the axes so it never hides the data on a phone.
  const legend = svg("g", { class: "sl-legend" });
  rows.forEach((row, r) => {
    const y = legendTop + r * 18;
    for (const entry of row) {
      const x = 8 + entry.offset;
      const { series } = entry;
      const color = ink(series.color);
      if (series.kind === "band") {
        legend.append(svg("rect", { x, y: y - 5, width: 22, height: 10, fill: color,
          ...bandOpacity(series) }));
      } else if (series.kind === "line") {
        legend.append(svg("line", { x1: x, x2: x + 22, y1: y, y2: y, stroke: color,
          "stroke-width": series.width ?? 2, "stroke-dasharray": DASHES[series.dash],
          "stroke-opacity": series.opacity ?? 1 }));
        if (series.marker) {
          legend.append(marker(series.marker, x + 11, y, series.size ?? 6, color));
        }
      } else {
        legend.append(marker(series.marker || "o", x + 11, y, Math.min(series.size ?? 6, 10),
          color));
      }
      legend.append(svg("text", { x: x + 28, y: y + 4 }, entry.label));
    }
  });
  root.append(legend);
  return root;
}
