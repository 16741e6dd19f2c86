// Generated from the package data by scalinglaws.web.translate: do not edit.
// Written by python -m scalinglaws.web.export.

export const DATA = {
 "GOPHER_FLOPS": 5.76e+23,
 "laws": {
  "besiroglu2024": {
   "E": 1.8168640400416654,
   "A": 482.0057194215438,
   "B": 2085.434195928221,
   "alpha": 0.34781303,
   "beta": 0.36585412,
   "name": "Besiroglu et al. 2024 (replication)"
  },
  "hoffmann2022": {
   "E": 1.69,
   "A": 406.4,
   "B": 410.7,
   "alpha": 0.34,
   "beta": 0.28,
   "name": "Hoffmann et al. 2022 (eq. 10, as printed)"
  },
  "hoffmann2022_tex": {
   "E": 1.6933736809989528,
   "A": 406.4010175194737,
   "B": 410.7228269450398,
   "alpha": 0.33917084,
   "beta": 0.2849083,
   "name": "Hoffmann et al. 2022 (unrounded, TeX source)"
  }
 },
 "kaplan": {
  "N_e": 1300000000.0,
  "p_N": 0.73,
  "C_over_C_min": 2.0
 },
 "precisions": [
  "fp32",
  "tf32",
  "bf16",
  "fp16",
  "fp8",
  "fp4"
 ],
 "precision_labels": {
  "fp32": "FP32 (non-tensor)",
  "tf32": "TF32 tensor",
  "bf16": "BF16 tensor",
  "fp16": "FP16 tensor",
  "fp8": "FP8 tensor",
  "fp4": "FP4 tensor"
 },
 "accelerators": [
  {
   "name": "NVIDIA V100 (SXM2 16GB)",
   "year": 2017,
   "power_w": 300.0,
   "price_usd": null,
   "tflops": {
    "fp32": 15.7,
    "tf32": null,
    "bf16": null,
    "fp16": 125.0,
    "fp8": null,
    "fp4": null
   },
   "memory_gb": 16.0,
   "bandwidth_tbps": 0.9
  },
  {
   "name": "NVIDIA A100 (SXM4 80GB)",
   "year": 2020,
   "power_w": 400.0,
   "price_usd": null,
   "tflops": {
    "fp32": 19.5,
    "tf32": 156.0,
    "bf16": 312.0,
    "fp16": 312.0,
    "fp8": null,
    "fp4": null
   },
   "memory_gb": 80.0,
   "bandwidth_tbps": 2.039
  },
  {
   "name": "NVIDIA H100 (SXM5 80GB)",
   "year": 2022,
   "power_w": 700.0,
   "price_usd": 25000.0,
   "tflops": {
    "fp32": 67.0,
    "tf32": 494.5,
    "bf16": 989.5,
    "fp16": 989.5,
    "fp8": 1979.0,
    "fp4": null
   },
   "memory_gb": 80.0,
   "bandwidth_tbps": 3.35
  },
  {
   "name": "NVIDIA H200 (SXM 141GB)",
   "year": 2023,
   "power_w": 700.0,
   "price_usd": null,
   "tflops": {
    "fp32": 67.0,
    "tf32": 494.5,
    "bf16": 989.5,
    "fp16": 989.5,
    "fp8": 1979.0,
    "fp4": null
   },
   "memory_gb": 141.0,
   "bandwidth_tbps": 4.8
  },
  {
   "name": "NVIDIA B200 (HGX B200 SXM6 180GB)",
   "year": 2024,
   "power_w": 1000.0,
   "price_usd": 30000.0,
   "tflops": {
    "fp32": 75.0,
    "tf32": 1100.0,
    "bf16": 2250.0,
    "fp16": 2250.0,
    "fp8": 4500.0,
    "fp4": 9000.0
   },
   "memory_gb": 180.0,
   "bandwidth_tbps": 7.7
  },
  {
   "name": "NVIDIA GB200 (per Blackwell GPU in GB200 NVL72)",
   "year": 2024,
   "power_w": 1200.0,
   "price_usd": null,
   "tflops": {
    "fp32": 80.0,
    "tf32": 1250.0,
    "bf16": 2500.0,
    "fp16": 2500.0,
    "fp8": 5000.0,
    "fp4": 10000.0
   },
   "memory_gb": 186.0,
   "bandwidth_tbps": 8.0
  },
  {
   "name": "NVIDIA B300 (HGX B300 Blackwell Ultra)",
   "year": 2025,
   "power_w": 1100.0,
   "price_usd": null,
   "tflops": {
    "fp32": 75.0,
    "tf32": 1100.0,
    "bf16": 2250.0,
    "fp16": 2250.0,
    "fp8": 4500.0,
    "fp4": 14000.0
   },
   "memory_gb": 270.0,
   "bandwidth_tbps": 7.7
  },
  {
   "name": "AMD Instinct MI100",
   "year": 2020,
   "power_w": 300.0,
   "price_usd": 6400.0,
   "tflops": {
    "fp32": 23.1,
    "tf32": null,
    "bf16": 92.3,
    "fp16": 184.6,
    "fp8": null,
    "fp4": null
   },
   "memory_gb": 32.0,
   "bandwidth_tbps": 1.23
  },
  {
   "name": "AMD Instinct MI250X",
   "year": 2021,
   "power_w": 560.0,
   "price_usd": null,
   "tflops": {
    "fp32": 47.9,
    "tf32": null,
    "bf16": 383.0,
    "fp16": 383.0,
    "fp8": null,
    "fp4": null
   },
   "memory_gb": 128.0,
   "bandwidth_tbps": 3.2
  },
  {
   "name": "AMD Instinct MI300X",
   "year": 2023,
   "power_w": 750.0,
   "price_usd": null,
   "tflops": {
    "fp32": 163.4,
    "tf32": 653.7,
    "bf16": 1307.4,
    "fp16": 1307.4,
    "fp8": 2614.9,
    "fp4": null
   },
   "memory_gb": 192.0,
   "bandwidth_tbps": 5.3
  },
  {
   "name": "AMD Instinct MI325X",
   "year": 2024,
   "power_w": 1000.0,
   "price_usd": null,
   "tflops": {
    "fp32": 163.4,
    "tf32": 653.7,
    "bf16": 1307.4,
    "fp16": 1307.4,
    "fp8": 2614.9,
    "fp4": null
   },
   "memory_gb": 256.0,
   "bandwidth_tbps": 6.0
  },
  {
   "name": "AMD Instinct MI355X",
   "year": 2025,
   "power_w": 1400.0,
   "price_usd": null,
   "tflops": {
    "fp32": 157.3,
    "tf32": null,
    "bf16": 2500.0,
    "fp16": null,
    "fp8": 5000.0,
    "fp4": 10100.0
   },
   "memory_gb": 288.0,
   "bandwidth_tbps": 8.0
  },
  {
   "name": "Google TPU v4",
   "year": 2021,
   "power_w": 192.0,
   "price_usd": null,
   "tflops": {
    "fp32": null,
    "tf32": null,
    "bf16": 275.0,
    "fp16": null,
    "fp8": null,
    "fp4": null
   },
   "memory_gb": 32.0,
   "bandwidth_tbps": 1.2
  },
  {
   "name": "Google TPU v5e",
   "year": 2023,
   "power_w": null,
   "price_usd": null,
   "tflops": {
    "fp32": null,
    "tf32": null,
    "bf16": 197.0,
    "fp16": null,
    "fp8": null,
    "fp4": null
   },
   "memory_gb": 16.0,
   "bandwidth_tbps": 0.819
  },
  {
   "name": "Google TPU v5p",
   "year": 2023,
   "power_w": null,
   "price_usd": null,
   "tflops": {
    "fp32": null,
    "tf32": null,
    "bf16": 459.0,
    "fp16": null,
    "fp8": null,
    "fp4": null
   },
   "memory_gb": 95.0,
   "bandwidth_tbps": 2.765
  },
  {
   "name": "Google TPU v6e (Trillium)",
   "year": 2024,
   "power_w": null,
   "price_usd": null,
   "tflops": {
    "fp32": null,
    "tf32": null,
    "bf16": 918.0,
    "fp16": null,
    "fp8": null,
    "fp4": null
   },
   "memory_gb": 32.0,
   "bandwidth_tbps": 1.638
  },
  {
   "name": "Google TPU7x (Ironwood)",
   "year": 2025,
   "power_w": null,
   "price_usd": null,
   "tflops": {
    "fp32": null,
    "tf32": null,
    "bf16": 2307.0,
    "fp16": null,
    "fp8": 4614.0,
    "fp4": null
   },
   "memory_gb": 192.0,
   "bandwidth_tbps": 7.37
  }
 ],
 "cpus": {
  "names": [
   "Intel 4004",
   "Intel 8008 (500 kHz launch grade)",
   "Intel 8080",
   "Intel 8086 (5 MHz launch grade)",
   "Intel 8088 (5 MHz launch grade)",
   "Motorola 68000 (8 MHz launch grade)",
   "Intel 80286 (6 MHz launch grade)",
   "Motorola 68010",
   "Motorola 68020",
   "Intel 80386DX-16",
   "Motorola 68030",
   "Intel 386SX-16",
   "Intel i486DX-25",
   "Motorola 68040",
   "Intel Pentium 66 (P5)",
   "Motorola 68060",
   "Intel Pentium Pro 200",
   "Intel Pentium II 300 (Klamath)",
   "Intel Pentium III 500 (Katmai)",
   "AMD Athlon K7 (Argon; top bin 700 MHz)",
   "AMD Athlon K75 (Pluto/Orion; top bin 1000 MHz)",
   "Intel Pentium 4 1.5 GHz (Willamette)",
   "IBM POWER4 (1.3 GHz)",
   "Intel Pentium 4 3.06 GHz (Northwood; HT)",
   "AMD Athlon 64 (ClawHammer; top bin 2.4 GHz)",
   "Intel Pentium 4 570J (Prescott)",
   "Intel Pentium Extreme Edition 955 (Presler)",
   "AMD Athlon 64 (Orleans; top bin 2.6 GHz)",
   "Intel Core 2 Duo (Conroe; top bin 3.0 GHz)",
   "IBM POWER6 (4.7 GHz)",
   "Intel Core i7-965 Extreme Edition (Bloomfield; Nehalem)",
   "Intel Core i7-2600K (Sandy Bridge)",
   "Intel Core i7-3770K (Ivy Bridge)",
   "Intel Core i7-4770K (Haswell)",
   "IBM POWER9 (24-core SMT4)",
   "AMD EPYC 7002 Rome 64-core package (e.g. EPYC 7742)",
   "Apple M1",
   "AWS Graviton3",
   "Apple M2",
   "Apple M2 Ultra",
   "Apple M3",
   "Apple M3 Pro",
   "Apple M3 Max (16-core CPU)",
   "Apple M4",
   "Apple M3 Ultra"
  ],
  "years": [
   1971.0,
   1972.0,
   1974.0,
   1978.0,
   1979.0,
   1979.0,
   1982.0,
   1982.0,
   1984.0,
   1985.0,
   1987.0,
   1988.0,
   1989.0,
   1990.0,
   1993.0,
   1994.0,
   1995.0,
   1997.0,
   1999.0,
   1999.0,
   1999.0,
   2000.0,
   2001.0,
   2002.0,
   2003.0,
   2004.0,
   2006.0,
   2006.0,
   2006.0,
   2007.0,
   2008.0,
   2011.0,
   2012.0,
   2013.0,
   2017.0,
   2019.0,
   2020.0,
   2021.0,
   2022.0,
   2023.0,
   2023.0,
   2023.0,
   2023.0,
   2024.0,
   2025.0
  ],
  "counts": [
   2300.0,
   3500.0,
   4500.0,
   29000.0,
   29000.0,
   68000.0,
   134000.0,
   69000.0,
   200000.0,
   275000.0,
   273000.0,
   275000.0,
   1200000.0,
   1200000.0,
   3100000.0,
   2500000.0,
   5500000.0,
   7500000.0,
   9500000.0,
   22000000.0,
   22000000.0,
   42000000.0,
   174000000.0,
   55000000.0,
   105900000.0,
   125000000.0,
   376000000.0,
   81100000.0,
   291000000.0,
   790000000.0,
   731000000.0,
   995000000.0,
   1400000000.0,
   1400000000.0,
   8000000000.0,
   39540000000.0,
   16000000000.0,
   55000000000.0,
   20000000000.0,
   134000000000.0,
   25000000000.0,
   37000000000.0,
   92000000000.0,
   28000000000.0,
   184000000000.0
  ],
  "dies": [
   1,
   1,
   1,
   1,
   1,
   1,
   1,
   1,
   1,
   1,
   1,
   1,
   1,
   1,
   1,
   1,
   1,
   1,
   1,
   1,
   1,
   1,
   1,
   1,
   1,
   1,
   2,
   1,
   1,
   1,
   1,
   1,
   1,
   1,
   1,
   9,
   1,
   7,
   1,
   2,
   1,
   1,
   1,
   1,
   2
  ]
 },
 "transistor_trend": {
  "per_die": {
   "doubling_time": 2.1699023465538687,
   "doubling_time_ci": [
    2.0993234155867335,
    2.245392083720827
   ],
   "rate_per_year": 0.3194370390265568,
   "reference_year": 1998.525,
   "value_at_reference": 17946938.060501296,
   "confidence": 0.95
  },
  "per_package": {
   "doubling_time": 2.120444164556717,
   "doubling_time_ci": [
    2.054644284684339,
    2.1905979538457836
   ],
   "rate_per_year": 0.3268877304792645,
   "reference_year": 2000.7777777777778,
   "value_at_reference": 40767480.77658064,
   "confidence": 0.95
  }
 },
 "training_runs": {
  "names": [
   "GPT-3 175B",
   "Gopher 280B",
   "Chinchilla 70B",
   "PaLM 540B",
   "OPT-175B",
   "BLOOM 176B",
   "LLaMA 7B",
   "LLaMA 13B",
   "LLaMA 33B",
   "LLaMA 65B",
   "Llama 2 7B",
   "Llama 2 13B",
   "Llama 2 70B",
   "Falcon-180B",
   "MPT-7B",
   "MPT-30B",
   "Llama 3 8B",
   "Llama 3 70B",
   "Llama 3.1 405B",
   "Phi-3-mini",
   "Phi-3-medium",
   "Gemma 2 9B",
   "Gemma 2 27B",
   "Qwen2.5-72B",
   "OLMo 2 7B",
   "OLMo 2 13B",
   "Gemma 3 27B",
   "Qwen3-32B"
  ],
  "params": [
   175000000000.0,
   280000000000.0,
   70000000000.0,
   540000000000.0,
   175000000000.0,
   176000000000.0,
   6700000000.0,
   13000000000.0,
   32500000000.0,
   65200000000.0,
   7000000000.0,
   13000000000.0,
   70000000000.0,
   180000000000.0,
   6700000000.0,
   29950000000.0,
   8000000000.0,
   70000000000.0,
   405000000000.0,
   3800000000.0,
   14000000000.0,
   9000000000.0,
   27000000000.0,
   72000000000.0,
   7000000000.0,
   13000000000.0,
   27000000000.0,
   32000000000.0
  ],
  "tokens": [
   300000000000.0,
   300000000000.0,
   1400000000000.0,
   780000000000.0,
   180000000000.0,
   366000000000.0,
   1000000000000.0,
   1000000000000.0,
   1400000000000.0,
   1400000000000.0,
   2000000000000.0,
   2000000000000.0,
   2000000000000.0,
   3500000000000.0,
   1000000000000.0,
   1000000000000.0,
   15000000000000.0,
   15000000000000.0,
   15600000000000.0,
   3300000000000.0,
   4800000000000.0,
   8000000000000.0,
   13000000000000.0,
   18000000000000.0,
   4000000000000.0,
   5000000000000.0,
   14000000000000.0,
   36000000000000.0
  ]
 },
 "datalimits": {
  "data_laws": {
   "muennighoff2023": {
    "E": 1.8691436784054858,
    "A": 520.8249516599187,
    "B": 1487.716093782861,
    "alpha": 0.3526596,
    "beta": 0.3526596,
    "name": "Muennighoff et al. 2023 (released fit)",
    "rd_star": 15.387756,
    "rn_star": 5.309743
   },
   "muennighoff2023_eq17": {
    "E": 1.87,
    "A": 521.0,
    "B": 1488.0,
    "alpha": 0.35,
    "beta": 0.35,
    "name": "Muennighoff et al. 2023 (eq. 17, as printed)",
    "rd_star": 15.4,
    "rn_star": 5.3
   }
  },
  "quality_laws": {
   "besiroglu2024": {
    "E": 1.8168640400416654,
    "A": 482.0057194215438,
    "B": 2085.434195928221,
    "alpha": 0.34781303,
    "beta": 0.36585412,
    "name": "Besiroglu et al. 2024 (replication)"
   },
   "hoffmann2022": {
    "E": 1.69,
    "A": 406.4,
    "B": 410.7,
    "alpha": 0.34,
    "beta": 0.28,
    "name": "Hoffmann et al. 2022 (eq. 10, as printed)"
   },
   "hoffmann2022_tex": {
    "E": 1.6933736809989528,
    "A": 406.4010175194737,
    "B": 410.7228269450398,
    "alpha": 0.33917084,
    "beta": 0.2849083,
    "name": "Hoffmann et al. 2022 (unrounded, TeX source)"
   },
   "muennighoff2023_c4": {
    "E": 1.8691436784054858,
    "A": 520.8249516599187,
    "B": 1487.716093782861,
    "alpha": 0.3526596,
    "beta": 0.3526596,
    "name": "Muennighoff et al. 2023 C4 refit (App. B)"
   }
  },
  "anchor_tokens": 1000000000.0,
  "ranges": {
   "data_constrained_optimum": {
    "compute_flops": [
     10000000000.0,
     1e+35
    ],
    "unique_tokens": [
     1000.0,
     1e+17
    ]
   },
   "quality_shift": {
    "compute_flops": [
     10000000000.0,
     1e+35
    ],
    "quality": [
     0.01,
     1000.0
    ],
    "data_exponent_change": [
     -0.5,
     0.5
    ],
    "data_exponent": [
     0.01,
     null
    ]
   },
   "runway": {
    "stock_tokens": [
     1000000000.0,
     1e+18
    ],
    "largest_tokens": [
     1000000.0,
     1e+18
    ],
    "start_year": [
     1950,
     2100
    ],
    "growth_per_year": [
     1.0,
     1000.0
    ],
    "multiplier": [
     0.0,
     1000000.0
    ],
    "epochs": [
     1.0,
     1000.0
    ],
    "synthetic_multiplier": [
     1.0,
     1000000.0
    ]
   }
  },
  "epoch_marks": [
   [
    4,
    "4: abstract"
   ],
   [
    16,
    "16: §6 text"
   ],
   [
    40,
    "40: Fig. 1 label"
   ]
  ],
  "runs": {
   "names": [
    "GPT-3 175B",
    "Gopher 280B",
    "Chinchilla 70B",
    "PaLM 540B",
    "OPT-175B",
    "BLOOM 176B",
    "LLaMA 7B",
    "LLaMA 13B",
    "LLaMA 33B",
    "LLaMA 65B",
    "Llama 2 7B",
    "Llama 2 13B",
    "Llama 2 70B",
    "Falcon-180B",
    "MPT-7B",
    "MPT-30B",
    "Llama 3 8B",
    "Llama 3 70B",
    "Llama 3.1 405B",
    "Phi-3-mini",
    "Phi-3-medium",
    "Gemma 2 9B",
    "Gemma 2 27B",
    "Qwen2.5-72B",
    "OLMo 2 7B",
    "OLMo 2 13B",
    "Gemma 3 27B",
    "Qwen3-32B"
   ],
   "years": [
    2020.0,
    2021.0,
    2022.0,
    2022.0,
    2022.0,
    2022.0,
    2023.0,
    2023.0,
    2023.0,
    2023.0,
    2023.0,
    2023.0,
    2023.0,
    2023.0,
    2023.0,
    2023.0,
    2024.0,
    2024.0,
    2024.0,
    2024.0,
    2024.0,
    2024.0,
    2024.0,
    2024.0,
    2024.0,
    2024.0,
    2025.0,
    2025.0
   ],
   "tokens": [
    300000000000.0,
    300000000000.0,
    1400000000000.0,
    780000000000.0,
    180000000000.0,
    366000000000.0,
    1000000000000.0,
    1000000000000.0,
    1400000000000.0,
    1400000000000.0,
    2000000000000.0,
    2000000000000.0,
    2000000000000.0,
    3500000000000.0,
    1000000000000.0,
    1000000000000.0,
    15000000000000.0,
    15000000000000.0,
    15600000000000.0,
    3300000000000.0,
    4800000000000.0,
    8000000000000.0,
    13000000000000.0,
    18000000000000.0,
    4000000000000.0,
    5000000000000.0,
    14000000000000.0,
    36000000000000.0
   ],
   "corpus_size": [
    false,
    false,
    false,
    false,
    true,
    false,
    false,
    false,
    false,
    false,
    false,
    false,
    false,
    false,
    false,
    false,
    false,
    false,
    false,
    false,
    false,
    false,
    false,
    true,
    false,
    false,
    false,
    true
   ]
  },
  "growth_trend": {
   "rate_per_year": 0.9830621760914869,
   "reference_year": 2023.12,
   "value_at_reference": 2399852555999.438
  }
 },
 "inference": {
  "laws": {
   "sardana2024": {
    "E": 1.69,
    "A": 406.4,
    "B": 410.7,
    "alpha": 0.336,
    "beta": 0.283,
    "name": "Sardana et al. 2024 (their code's Chinchilla law)"
   },
   "hoffmann2022": {
    "E": 1.69,
    "A": 406.4,
    "B": 410.7,
    "alpha": 0.34,
    "beta": 0.28,
    "name": "Hoffmann et al. 2022 (eq. 10, as printed)"
   },
   "besiroglu2024": {
    "E": 1.8168640400416654,
    "A": 482.0057194215438,
    "B": 2085.434195928221,
    "alpha": 0.34781303,
    "beta": 0.36585412,
    "name": "Besiroglu et al. 2024 (replication)"
   }
  },
  "precision_bits": {
   "fp32": 32.0,
   "bf16": 16.0,
   "fp8": 8.0,
   "mxfp4": 4.25,
   "nvfp4": 4.5
  },
  "precision_labels": {
   "fp32": "FP32",
   "bf16": "BF16",
   "fp8": "FP8",
   "mxfp4": "MXFP4 (4 bits + 8-bit scale per 32)",
   "nvfp4": "NVFP4 (4 bits + FP8 scale per 16)"
  },
  "precision_peak": {
   "fp32": "fp32",
   "bf16": "bf16",
   "fp8": "fp8",
   "mxfp4": "fp4",
   "nvfp4": "fp4"
  },
  "batch_sizes": [
   1,
   2,
   4,
   8,
   16,
   32,
   64,
   128,
   256,
   512,
   1024
  ],
  "context_lengths": [
   1024,
   2048,
   4096,
   8192,
   32768,
   131072
  ],
  "models": [
   {
    "name": "Llama 3 8B",
    "params": 8030261248.0,
    "layers": 32,
    "kv_heads": 8,
    "head_dim": 128
   },
   {
    "name": "Llama 3 70B",
    "params": 70553706496.0,
    "layers": 80,
    "kv_heads": 8,
    "head_dim": 128
   },
   {
    "name": "Llama 3.1 405B",
    "params": 405853388800.0,
    "layers": 126,
    "kv_heads": 8,
    "head_dim": 128
   }
  ],
  "objective_labels": {
   "flops": "lifetime FLOPs",
   "same-chip": "dollars: one H100 price, decode at 1 % MFU",
   "readme": "dollars: README hardware (INT8 serving on cheaper A100s)"
  },
  "input_share": 0.8,
  "objectives": {
   "same-chip": {
    "prefill_ratio": 1.0,
    "decode_ratio": 50.0
   },
   "readme": {
    "prefill_ratio": 0.26785714285714285,
    "decode_ratio": 0.5357142857142857
   }
  }
 },
 "outlook": {
  "rd_star": 15.387756,
  "repetition_ceiling": 16.387756,
  "data_centres_2024_twh": 415.0,
  "grid_intensity": {
   "world_2024": 445.0,
   "france_bloom": 57.0
  }
 }
};
