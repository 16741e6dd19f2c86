// Generated from restricted Python by scalinglaws.web.translate: do not edit.

export const FLOPS_PER_PARAM_TOKEN = 6.0;  // scalinglaws.units
export const INFERENCE_FLOPS_PER_PARAM_TOKEN = 2.0;  // scalinglaws.units
export const SECONDS_PER_DAY = 86400.0;  // scalinglaws.units
export const BISECTION_STEPS = 200;
export const BITS_PER_BYTE = 8.0;

export function inference_flops(params, inference_tokens) {
  return ((INFERENCE_FLOPS_PER_PARAM_TOKEN * params) * inference_tokens);
}

export function lifetime_flops(params, train_tokens, inference_tokens) {
  return (((FLOPS_PER_PARAM_TOKEN * params) * train_tokens) + ((INFERENCE_FLOPS_PER_PARAM_TOKEN * params) * inference_tokens));
}

export function breakeven_inference_tokens(train_tokens) {
  return ((FLOPS_PER_PARAM_TOKEN / INFERENCE_FLOPS_PER_PARAM_TOKEN) * train_tokens);
}

export function crossover_day(train_tokens, tokens_per_day) {
  return (breakeven_inference_tokens(train_tokens) / tokens_per_day);
}

export function law_g(law) {
  return Math.pow(((law.alpha * law.A) / (law.beta * law.B)), (1.0 / (law.alpha + law.beta)));
}

export function chinchilla_style_tokens(params, law) {
  let g;
  g = law_g(law);
  return (Math.pow((params / g), (law.alpha / law.beta)) / g);
}

export function loss_of(params, tokens, law) {
  return ((law.E + (law.A / Math.pow(params, law.alpha))) + (law.B / Math.pow(tokens, law.beta)));
}

export function iso_loss_tokens(params, loss, law) {
  return Math.pow((law.B / ((loss - law.E) - (law.A / Math.pow(params, law.alpha)))), (1.0 / law.beta));
}

export function iso_loss_params(tokens, loss, law) {
  return Math.pow((law.A / ((loss - law.E) - (law.B / Math.pow(tokens, law.beta)))), (1.0 / law.alpha));
}

export function optimality_residual(tokens, loss, inference_tokens, law) {
  let ratio, data_term, demand_term;
  ratio = (INFERENCE_FLOPS_PER_PARAM_TOKEN / FLOPS_PER_PARAM_TOKEN);
  data_term = ((((law.beta * law.B) / law.alpha) + law.B) * Math.pow(tokens, (-law.beta)));
  demand_term = (((((inference_tokens * ratio) * law.beta) * law.B) / law.alpha) * Math.pow(tokens, ((-law.beta) - 1.0)));
  return (((data_term + demand_term) + law.E) - loss);
}

export function inference_optimal_tokens(loss, inference_tokens, law) {
  let excess, k_data, k_demand, low, high, _step, middle;
  excess = (loss - law.E);
  k_data = (((law.beta * law.B) / law.alpha) + law.B);
  k_demand = (((((inference_tokens * INFERENCE_FLOPS_PER_PARAM_TOKEN) / FLOPS_PER_PARAM_TOKEN) * law.beta) * law.B) / law.alpha);
  low = Math.log(Math.pow((k_data / excess), (1.0 / law.beta)));
  high = Math.log(Math.max(Math.pow(((2.0 * k_data) / excess), (1.0 / law.beta)), Math.pow(((2.0 * k_demand) / excess), (1.0 / (law.beta + 1.0)))));
  for (_step = 0; _step < BISECTION_STEPS; _step += 1) {
    middle = (0.5 * (low + high));
    if ((optimality_residual(Math.exp(middle), loss, inference_tokens, law) > 0)) {
      low = middle;
    } else {
      high = middle;
    }
  }
  return Math.exp((0.5 * (low + high)));
}

export function cost_equivalent_tokens(inference_tokens, input_share, prefill_cost_ratio, decode_cost_ratio) {
  return (inference_tokens * ((input_share * prefill_cost_ratio) + ((1.0 - input_share) * decode_cost_ratio)));
}

export function weight_bytes(params, bits_per_param) {
  return ((params * bits_per_param) / BITS_PER_BYTE);
}

export function kv_bytes_per_token(layers, kv_heads, head_dim, bits) {
  return (((((2.0 * layers) * kv_heads) * head_dim) * bits) / BITS_PER_BYTE);
}

export function decode_step_seconds(flops, bytes_read, peak_flops, bandwidth) {
  return Math.max((flops / peak_flops), (bytes_read / bandwidth));
}

export function cost_per_million_tokens(n_accelerators, usd_per_accelerator_hour, tokens_per_second) {
  return (((n_accelerators * usd_per_accelerator_hour) / (tokens_per_second * 3600.0)) * 1000000.0);
}

export function tokens_per_day(tokens_per_second) {
  return (tokens_per_second * SECONDS_PER_DAY);
}
