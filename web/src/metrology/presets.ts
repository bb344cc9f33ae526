// Example presets: the worked reference cases of shared/testdata/metrology (inputs only).
// Sources: 01 GUM H.1 end gauge; 06/07 JCGM 106 specific risk; 08/09 AIAG MSA 4th ed.; 10 Montgomery piston rings.
import type { ConformanceRequest, GrrRequest, GumRequest, SpcRequest } from '../api/metrology.ts';

/** GUM H.1 end-gauge calibration (JCGM 100 Annex H.1), lengths in nm. */
export const GUM_H1: GumRequest = {"model":"l_s + d_bar + d1 + d2 - l_s*(delta_alpha*(theta_bar + Delta) + alpha_s*delta_theta)","inputs":{"l_s":{"value":50000623.6,"u":25,"dof":18},"d_bar":{"value":215,"u":5.8,"dof":24},"d1":{"value":0,"u":3.9,"dof":5},"d2":{"value":0,"u":6.7,"dof":8},"alpha_s":{"value":0.0000115,"dist":"rectangular","halfWidth":0.000002},"delta_alpha":{"value":0,"dist":"rectangular","halfWidth":0.000001,"dof":50},"theta_bar":{"value":-0.1,"u":0.2},"Delta":{"value":0,"dist":"arcsine","halfWidth":0.5},"delta_theta":{"value":0,"dist":"rectangular","halfWidth":0.05,"dof":2}},"p":0.99,"dofPolicy":"truncate"};

/** Specific risk, result near the upper limit (case 06). */
export const CONFORMANCE_NEAR_LIMIT: ConformanceRequest = {"measured":9.8,"u":0.1,"lower":9,"upper":10,"rule":"simple"};
/** Specific risk, centred result (case 07). */
export const CONFORMANCE_CENTRED: ConformanceRequest = {"measured":10,"u":0.4,"lower":9,"upper":11,"rule":"simple"};

/** AIAG MSA 4th ed. example: 3 appraisers × 3 trials × 10 parts (cases 08 and 09). */
export const GRR_AIAG: GrrRequest = {"data":[[[0.29,-0.56,1.34,0.47,-0.8,0.02,0.59,-0.31,2.26,-1.36],[0.41,-0.68,1.17,0.5,-0.92,-0.11,0.75,-0.2,1.99,-1.25],[0.64,-0.58,1.27,0.64,-0.84,-0.21,0.66,-0.17,2.01,-1.31]],[[0.08,-0.47,1.19,0.01,-0.56,-0.2,0.47,-0.63,1.8,-1.68],[0.25,-1.22,0.94,1.03,-1.2,0.22,0.55,0.08,2.12,-1.62],[0.07,-0.68,1.34,0.2,-1.28,0.06,0.83,-0.34,2.19,-1.5]],[[0.04,-1.38,0.88,0.14,-1.46,-0.29,0.02,-0.46,1.77,-1.49],[-0.11,-1.13,1.09,0.2,-1.07,-0.67,0.01,-0.56,1.45,-1.77],[-0.15,-0.96,0.67,0.11,-1.45,-0.49,0.21,-0.49,1.87,-2.16]]],"method":"xbar-r"};

/** Piston-ring inside diameter, 25 subgroups of 5 (case 10). */
export const SPC_PISTON_RINGS: SpcRequest = {"chart":"xbar-r","subgroups":[[74.03,74.002,74.019,73.992,74.008],[73.995,73.992,74.001,74.011,74.004],[73.988,74.024,74.021,74.005,74.002],[74.002,73.996,73.993,74.015,74.009],[73.992,74.007,74.015,73.989,74.014],[74.009,73.994,73.997,73.985,73.993],[73.995,74.006,73.994,74,74.005],[73.985,74.003,73.993,74.015,73.988],[74.008,73.995,74.009,74.005,74.004],[73.998,74,73.99,74.007,73.995],[73.994,73.998,73.994,73.995,73.99],[74.004,74,74.007,74,73.996],[73.983,74.002,73.998,73.997,74.012],[74.006,73.967,73.994,74,73.984],[74.012,74.014,73.998,73.999,74.007],[74,73.984,74.005,73.998,73.996],[73.994,74.012,73.986,74.005,74.007],[74.006,74.01,74.018,74.003,74],[73.984,74.002,74.003,74.005,73.997],[74,74.01,74.013,74.02,74.003],[73.988,74.001,74.009,74.005,73.996],[74.004,73.999,73.99,74.006,74.009],[74.01,73.989,73.99,74.009,74.014],[74.015,74.008,73.993,74,74.01],[73.982,73.984,73.995,74.017,74.013]],"spec":{"lsl":73.95,"usl":74.05}};

/** Default of the uncertainty page: resistance R = V / I from correlated means (after GUM H.2), V in V, I in mA, R in Ω. */
export const GUM_RESISTANCE: GumRequest = {
  model: 'V / I * 1000',
  inputs: { V: { value: 4.999, u: 0.0032, dof: 4 }, I: { value: 19.661, u: 0.0095, dof: 4 } },
  correlations: [['V', 'I', -0.36]],
  p: 0.95,
  dofPolicy: 'truncate',
};
