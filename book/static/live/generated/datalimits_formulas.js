// Generated from restricted Python by scalinglaws.web.translate: do not edit.

export const FLOPS_PER_PARAM_TOKEN = 6.0;  // scalinglaws.units

export function effective_repetitions(repetitions, half_life) {
  return (half_life * (1.0 - Math.exp(((-repetitions) / half_life))));
}

export function effective_data(unique_tokens, epochs, rd_star) {
  return (unique_tokens + (unique_tokens * effective_repetitions((epochs - 1.0), rd_star)));
}

export function epochs_for_effective_data(ratio, rd_star) {
  return (1.0 - (rd_star * Math.log((1.0 - ((ratio - 1.0) / rd_star)))));
}

export function value_of_last_repetition(epochs, rd_star) {
  return Math.exp(((-(epochs - 1.0)) / rd_star));
}

export function unique_params_for_data(unique_tokens, law) {
  let g;
  g = Math.pow(((law.alpha * law.A) / (law.beta * law.B)), (1.0 / (law.alpha + law.beta)));
  return (g * Math.pow((unique_tokens * g), (law.beta / law.alpha)));
}

export function effective_params(params, unique_params, rn_star) {
  let base, excess;
  base = Math.min(params, unique_params);
  excess = Math.max(((params / base) - 1.0), 0.0);
  return (base + (base * effective_repetitions(excess, rn_star)));
}

export function data_constrained_loss(params, tokens, unique_tokens, law) {
  let unique, d_eff, n_eff;
  unique = Math.min(unique_tokens, tokens);
  d_eff = effective_data(unique, (tokens / unique), law.rd_star);
  n_eff = effective_params(params, unique_params_for_data(unique, law), law.rn_star);
  return ((law.E + (law.A / Math.pow(n_eff, law.alpha))) + (law.B / Math.pow(d_eff, law.beta)));
}

export function optimal_params(compute, law) {
  let g;
  g = Math.pow(((law.alpha * law.A) / (law.beta * law.B)), (1.0 / (law.alpha + law.beta)));
  return (g * Math.pow((compute / FLOPS_PER_PARAM_TOKEN), (law.beta / (law.alpha + law.beta))));
}

export function optimal_tokens(compute, law) {
  let g;
  g = Math.pow(((law.alpha * law.A) / (law.beta * law.B)), (1.0 / (law.alpha + law.beta)));
  return (Math.pow((compute / FLOPS_PER_PARAM_TOKEN), (law.alpha / (law.alpha + law.beta))) / g);
}

export function optimal_loss_scale(law) {
  let g;
  g = Math.pow(((law.alpha * law.A) / (law.beta * law.B)), (1.0 / (law.alpha + law.beta)));
  return ((law.A * Math.pow(g, (-law.alpha))) + (law.B * Math.pow(g, law.beta)));
}

export function optimal_loss(compute, law) {
  let gamma;
  gamma = ((law.alpha * law.beta) / (law.alpha + law.beta));
  return (law.E + (optimal_loss_scale(law) * Math.pow((compute / FLOPS_PER_PARAM_TOKEN), (-gamma))));
}

export function compute_for_loss(loss, law) {
  let gamma;
  gamma = ((law.alpha * law.beta) / (law.alpha + law.beta));
  return (FLOPS_PER_PARAM_TOKEN * Math.pow((optimal_loss_scale(law) / (loss - law.E)), (1.0 / gamma)));
}

export function quality_scaled_b(law, quality, data_exponent, anchor_tokens) {
  return ((law.B * Math.pow(anchor_tokens, (data_exponent - law.beta))) * Math.pow(quality, (-data_exponent)));
}

export function years_to_reach(target, current, growth_per_year) {
  return (Math.log((target / current)) / Math.log(growth_per_year));
}

export function runway_year(stock_tokens, largest_tokens, start_year, growth_per_year, multiplier) {
  return (start_year + years_to_reach((multiplier * stock_tokens), largest_tokens, growth_per_year));
}
