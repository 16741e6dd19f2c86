// Generated from restricted Python by scalinglaws.web.translate: do not edit.

const exp2 = (x) => Math.pow(2, x);

export const FLOPS_PER_PARAM_TOKEN = 6.0;  // scalinglaws.units
export const FLOPS_PER_TFLOP = 1000000000000.0;  // scalinglaws.units
export const PF_DAY_FLOPS = 8.64e+19;  // scalinglaws.units
export const SECONDS_PER_DAY = 86400.0;  // scalinglaws.units

export function dennard_rules(kappa, voltage_scales, frequency_scales) {
  let capacitance, voltage, delay, current, frequency, energy, power, density;
  capacitance = (1 / kappa);
  voltage = (voltage_scales ? (1 / kappa) : 1.0);
  delay = (1 / kappa);
  current = ((voltage * capacitance) / delay);
  frequency = (frequency_scales ? (1 / delay) : 1.0);
  energy = (capacitance * Math.pow(voltage, 2));
  power = (energy * frequency);
  density = Math.pow(kappa, 2);
  return {"dimension": (1 / kappa), "voltage": voltage, "capacitance": capacitance, "current": current, "delay": delay, "frequency": frequency, "energy_per_switch": energy, "power_per_circuit": power, "circuits_per_area": density, "power_density": (power * density)};
}

export function compound(factor, generations) {
  let values, n;
  values = [];
  for (n = 0; n < (generations + 1); n += 1) {
    values.push(Math.pow(factor, n));
  }
  return values;
}

export function usable_fraction(chip_power) {
  return Math.min(1.0, (1.0 / chip_power));
}

export function linspace(start, stop, num) {
  let step, values, i;
  step = ((stop - start) / (num - 1));
  values = [];
  for (i = 0; i < num; i += 1) {
    values.push((start + (i * step)));
  }
  values[(num - 1)] = stop;
  return values;
}

export function logspace(start, stop, num) {
  let values, exponent;
  values = [];
  for (exponent of linspace(start, stop, num)) {
    values.push(Math.pow(10.0, exponent));
  }
  return values;
}

export function exponential_trend(value_at_reference, rate_per_year, reference_year, year) {
  return (value_at_reference * Math.exp((rate_per_year * (year - reference_year))));
}

export function doubling_projection(start_count, start_year, doubling_time_years, year) {
  return (start_count * exp2(((year - start_year) / doubling_time_years)));
}

export function first_year_from(years, start) {
  let best, i;
  best = null;
  for (i = 0; i < years.length; i += 1) {
    if (((years[i] >= start) && ((best === null) || (years[i] < best)))) {
      best = years[i];
    }
  }
  return best;
}

export function largest_up_to_year(years, counts, year) {
  let best, i;
  best = (-1);
  for (i = 0; i < years.length; i += 1) {
    if (((years[i] <= year) && ((best < 0) || (counts[i] > counts[best])))) {
      best = i;
    }
  }
  return best;
}

export function largest_in_year(years, counts, year) {
  let best, i;
  best = (-1);
  for (i = 0; i < years.length; i += 1) {
    if (((years[i] === year) && ((best < 0) || (counts[i] > counts[best])))) {
      best = i;
    }
  }
  return best;
}

export function flops_per_unit(tflops, amount) {
  return ((FLOPS_PER_TFLOP * tflops) / amount);
}

export function doubling_time(ratio, years) {
  return ((years * Math.log(2)) / Math.log(ratio));
}

export function newer_over_older_doubling_time(ratio, years) {
  if (((years !== 0) && (ratio !== 1) && ((years > 0) === (ratio > 1)))) {
    return doubling_time(Math.max(ratio, (1 / ratio)), Math.abs(years));
  }
  return NaN;
}

export function training_flops(params, tokens) {
  return ((FLOPS_PER_PARAM_TOKEN * params) * tokens);
}

export function tokens_for_budget(compute_flops, params) {
  return (compute_flops / (FLOPS_PER_PARAM_TOKEN * params));
}

export function cluster_flops(n_accelerators, days, utilisation, peak_flops_per_second) {
  return ((((n_accelerators * days) * SECONDS_PER_DAY) * utilisation) * peak_flops_per_second);
}

export function law_loss(law, params, tokens) {
  return ((law.E + (law.A / Math.pow(params, law.alpha))) + (law.B / Math.pow(tokens, law.beta)));
}

export function law_a(law) {
  return (law.beta / (law.alpha + law.beta));
}

export function law_b(law) {
  return (law.alpha / (law.alpha + law.beta));
}

export function law_g(law) {
  return Math.pow(((law.alpha * law.A) / (law.beta * law.B)), (1.0 / (law.alpha + law.beta)));
}

export function optimal_params(law, compute_flops) {
  return (law_g(law) * Math.pow((compute_flops / FLOPS_PER_PARAM_TOKEN), law_a(law)));
}

export function optimal_tokens(law, compute_flops) {
  return (Math.pow((compute_flops / FLOPS_PER_PARAM_TOKEN), law_b(law)) / law_g(law));
}

export function kaplan_params(compute_flops, n_e, p_n, c_over_c_min) {
  return (n_e * Math.pow(((compute_flops / c_over_c_min) / PF_DAY_FLOPS), p_n));
}

export function isoflop_sizes(optimum_params, decades, n_points) {
  let sizes, i;
  sizes = [];
  for (i = 0; i < n_points; i += 1) {
    sizes.push((optimum_params * Math.pow(10.0, ((-decades) + (((2 * decades) * i) / (n_points - 1))))));
  }
  return sizes;
}
