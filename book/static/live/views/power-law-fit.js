// Fit a power law to noisy data (chapter 2): a view over the package's simulate-and-fit,
// with the page's numerics (numerics/: the portable random draws, least squares, t quantile).
import { predictInterval, predictPowerLaw, simulateAndFit } from "../numerics/index.js";
import { COLORS, format, formatInterval, roundHalfEven } from "./common.js";

export function compute({ exponent, noise, decades, n_points, seed }) {
  return simulateAndFit({ exponent, noise, decades, nPoints: n_points, seed });
}

export function describe(result) {
  const { fit } = result;
  const level = roundHalfEven(100 * fit.confidence);
  return [
    ["True exponent", format(result.trueExponent, ".4g")],
    ["Fitted exponent", format(fit.exponent, ".4g")],
    [`${level} % confidence interval`, formatInterval(...fit.exponentCi)],
    ["Interval contains the truth", result.coversTruth ? "yes" : "no"],
    ["Error of the fitted exponent", format(result.exponentError, "+.3g")],
  ];
}

// plotting.draw_power_law_fit: points, the fit extended one decade past the data with its
// confidence band, and a dotted mark where the data end.
export function figure(result) {
  const { x, y, fit } = result;
  const xMax = Math.max(...x);
  const xEnd = 10 * xMax;
  const start = Math.log10(Math.min(...x));
  const stop = Math.log10(xEnd);
  const grid = Array.from({ length: 100 }, (_, i) => 10 ** (start + (i * (stop - start)) / 99));
  const [low, high] = predictInterval(fit, grid);
  return {
    xscale: "log", yscale: "log", xlabel: "x (e.g. parameters)", ylabel: "y (e.g. loss)",
    series: [
      { kind: "points", x, y, color: COLORS.blue, label: "simulated measurements" },
      { kind: "band", x: grid, low, high, color: COLORS.orange, opacity: 0.25,
        label: `${roundHalfEven(100 * fit.confidence)} % band of the fit` },
      { kind: "line", x: grid, y: predictPowerLaw(fit, grid), color: COLORS.orange,
        label: `fit: exponent ${format(fit.exponent, ".3g")}` },
    ],
    vlines: [{ x: xMax, color: "#888888", dash: "dotted" }],
    alt: `Log-log plot of ${x.length} simulated points with the fitted line, exponent `
      + `${format(fit.exponent, ".3g")} against a true ${format(result.trueExponent, ".3g")}, `
      + "extended one decade past the data with its confidence band.",
  };
}
