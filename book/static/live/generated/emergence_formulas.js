// Generated from restricted Python by scalinglaws.web.translate: do not edit.

export const MULTIPLE_CHOICE_OPTIONS = 4;

export function token_loss(scale, scale_constant, exponent) {
  return Math.pow((scale / scale_constant), exponent);
}

export function token_accuracy(scale, scale_constant, exponent) {
  return Math.exp((-token_loss(scale, scale_constant, exponent)));
}

export function exact_match(token_accuracy, length) {
  return Math.pow(token_accuracy, length);
}

export function multiple_choice(token_accuracy, length, options) {
  let known;
  known = Math.pow(token_accuracy, length);
  return (known + ((1.0 - known) / options));
}

export function edit_distance(token_accuracy, length) {
  return (length * (1.0 - token_accuracy));
}

export function brier(token_accuracy) {
  return Math.pow((1.0 - token_accuracy), 2);
}

export function metric_value(token_accuracy, length, metric, options) {
  if ((metric === "exact_match")) {
    return exact_match(token_accuracy, length);
  }
  if ((metric === "multiple_choice")) {
    return multiple_choice(token_accuracy, length, options);
  }
  if ((metric === "edit_distance")) {
    return edit_distance(token_accuracy, length);
  }
  return brier(token_accuracy);
}

export function progress(token_accuracy, length, metric) {
  if (((metric === "exact_match") || (metric === "multiple_choice"))) {
    return Math.pow(token_accuracy, length);
  }
  if ((metric === "edit_distance")) {
    return token_accuracy;
  }
  return (1.0 - Math.pow((1.0 - token_accuracy), 2));
}

export function score(token_accuracy, length, metric, options) {
  if ((metric === "multiple_choice")) {
    return multiple_choice(token_accuracy, length, options);
  }
  return progress(token_accuracy, length, metric);
}

export function floor(metric, options) {
  return ((metric === "multiple_choice") ? (1.0 / options) : 0.0);
}

export function accuracy_for_progress(threshold, length, metric) {
  if (((metric === "exact_match") || (metric === "multiple_choice"))) {
    return Math.pow(threshold, (1.0 / length));
  }
  if ((metric === "edit_distance")) {
    return threshold;
  }
  return (1.0 - Math.sqrt((1.0 - threshold)));
}

export function scale_for_accuracy(accuracy, scale_constant, exponent) {
  return (scale_constant * Math.pow((-Math.log(accuracy)), (1.0 / exponent)));
}

export function emergence_scale(threshold, length, metric, scale_constant, exponent) {
  let needed;
  needed = accuracy_for_progress(threshold, length, metric);
  return scale_for_accuracy(needed, scale_constant, exponent);
}

export function rise_decades(length, metric, exponent) {
  let low, high;
  low = accuracy_for_progress(0.1, length, metric);
  high = accuracy_for_progress(0.9, length, metric);
  return (Math.log10((Math.log(low) / Math.log(high))) / (-exponent));
}

export function erfc(x) {
  let z, term, total, n, tail, fraction, i;
  z = Math.abs(x);
  if ((z < 2.0)) {
    term = z;
    total = z;
    for (n = 1; n < 40; n += 1) {
      term = ((((-term) * z) * z) / n);
      total += (term / ((2.0 * n) + 1.0));
    }
    tail = (1.0 - ((2.0 / Math.sqrt(Math.PI)) * total));
  } else {
    fraction = z;
    for (i = 0; i < 80; i += 1) {
      fraction = (z + ((0.5 * (80 - i)) / fraction));
    }
    tail = (Math.exp(((-z) * z)) / (Math.sqrt(Math.PI) * fraction));
  }
  return ((x >= 0) ? tail : (2.0 - tail));
}

export function normal_tail(z) {
  return (0.5 * erfc((z / Math.sqrt(2.0))));
}

export function size_position(index, n_sizes) {
  return (index / (n_sizes - 1.0));
}

export function ramp_score(position, chance, ceiling) {
  return (chance + ((ceiling - chance) * position));
}

export function step_score(position, jump, chance, ceiling) {
  return ((position < jump) ? chance : ceiling);
}

export function shape_distance(n_sizes, gap) {
  let total, i, x, diff;
  total = 0.0;
  for (i = 0; i < n_sizes; i += 1) {
    x = size_position(i, n_sizes);
    diff = ((i <= gap) ? x : (1.0 - x));
    total += (diff * diff);
  }
  return Math.sqrt(total);
}

export function misread_probability_at(chance, ceiling, noise, n_sizes, gap) {
  let distance;
  distance = ((ceiling - chance) * shape_distance(n_sizes, gap));
  return normal_tail((distance / (2.0 * noise)));
}

export function misread_probability(chance, ceiling, noise, n_sizes) {
  let total, gap;
  total = 0.0;
  for (gap = 0; gap < (n_sizes - 1); gap += 1) {
    total += misread_probability_at(chance, ceiling, noise, n_sizes, gap);
  }
  return (total / (n_sizes - 1.0));
}

export function worst_misread_probability(chance, ceiling, noise, n_sizes) {
  let worst, gap;
  worst = 0.0;
  for (gap = 0; gap < (n_sizes - 1); gap += 1) {
    worst = Math.max(worst, misread_probability_at(chance, ceiling, noise, n_sizes, gap));
  }
  return worst;
}

export function sizes_needed(chance, ceiling, noise, error, most) {
  let n;
  for (n = 2; n < (most + 1); n += 1) {
    if ((misread_probability(chance, ceiling, noise, n) <= error)) {
      return n;
    }
  }
  return (most + 1);
}

export function score_standard_error(score, questions) {
  return Math.sqrt(((score * (1.0 - score)) / questions));
}
