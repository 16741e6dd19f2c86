// Generated from restricted Python by scalinglaws.web.translate: do not edit.

export const FLOPS_PER_PARAM_TOKEN = 6.0;  // scalinglaws.units
export const FLOPS_PER_TFLOP = 1000000000000.0;  // scalinglaws.units
export const INFERENCE_FLOPS_PER_PARAM_TOKEN = 2.0;  // scalinglaws.units
export const JOULES_PER_KWH = 3600000.0;
export const SECONDS_PER_HOUR = 3600.0;
export const HOURS_PER_DAY = 24.0;

export function flops_per_joule(tflops, power_w) {
  return ((tflops * FLOPS_PER_TFLOP) / power_w);
}

export function accelerator_hours(compute_flops, tflops, utilisation) {
  return ((compute_flops / ((tflops * FLOPS_PER_TFLOP) * utilisation)) / SECONDS_PER_HOUR);
}

export function training_energy_joules(compute_flops, peak_flops_per_joule, utilisation, pue) {
  return ((compute_flops / (peak_flops_per_joule * utilisation)) * pue);
}

export function energy_kwh(energy_joules) {
  return (energy_joules / JOULES_PER_KWH);
}

export function emissions_tonnes(energy_joules, grid_g_per_kwh) {
  return ((energy_kwh(energy_joules) * grid_g_per_kwh) / 1000000.0);
}

export function cluster_mtbf(device_mtbf, n_devices) {
  return (device_mtbf / n_devices);
}

export function interruptions_per_day(n_devices, device_mtbf_hours) {
  return ((HOURS_PER_DAY * n_devices) / device_mtbf_hours);
}

export function young_interval(checkpoint_time, mtbf) {
  return Math.sqrt(((2.0 * checkpoint_time) * mtbf));
}

export function daly_interval(checkpoint_time, mtbf) {
  let x;
  if ((checkpoint_time >= (2.0 * mtbf))) {
    return mtbf;
  }
  x = (checkpoint_time / (2.0 * mtbf));
  return ((Math.sqrt(((2.0 * checkpoint_time) * mtbf)) * ((1.0 + (Math.sqrt(x) / 3.0)) + (x / 9.0))) - checkpoint_time);
}

export function goodput(interval, checkpoint_time, restart_time, mtbf) {
  let period;
  period = ((interval + checkpoint_time) / mtbf);
  return (((interval / mtbf) * Math.exp((((-restart_time) / mtbf) - period))) / (1.0 - Math.exp((-period))));
}

export function doubling_months(growth_per_year) {
  return ((12.0 * Math.log(2.0)) / Math.log(growth_per_year));
}

export function growth_from_halving_months(halving_months) {
  return Math.pow(2.0, (12.0 / halving_months));
}

export function years_for_factor(factor, growth_per_year) {
  return (Math.log(factor) / Math.log(growth_per_year));
}

export function reducible_loss_factor(compute_factor, gamma) {
  return Math.pow(compute_factor, (-gamma));
}

export function chinchilla_gamma(alpha, beta) {
  return ((alpha * beta) / (alpha + beta));
}

export function moe_training_flops(active_params, tokens) {
  return ((FLOPS_PER_PARAM_TOKEN * active_params) * tokens);
}

export function moe_inference_flops_per_token(active_params) {
  return (INFERENCE_FLOPS_PER_PARAM_TOKEN * active_params);
}
