// What the demo city holds per catalogue category: its share of the instruments, who owns such
// instruments, makers and models (class, range, pattern approval), the verification items with
// their maximum permissible errors, the standards used and where verification takes place.
// Cycles and service lives are NOT here: they come from the catalogue in the reference data.

/** The kind of organisation that owns an instrument (drives names, sizes and sites). */
export type OwnerKind =
  | 'water'
  | 'gas'
  | 'power'
  | 'police'
  | 'environment'
  | 'fuel_station'
  | 'cng_station'
  | 'lpg_station'
  | 'taxi'
  | 'market'
  | 'shop'
  | 'hospital'
  | 'clinic'
  | 'factory'
  | 'ev_operator';

export interface ItemTemplate {
  readonly name: string;
  readonly nominal?: number;
  readonly mpe: number | { readonly lower: number; readonly upper: number };
  readonly unit: string;
  /** Decimals the error is reported with; fine enough that rounding never crosses the MPE. */
  readonly decimals: number;
}

export interface ModelSpec {
  readonly model: string;
  readonly accuracyClass: string | null;
  readonly measuringRange: string;
  readonly serialPrefix: string;
  readonly items: readonly ItemTemplate[];
}

export interface MakerSpec {
  readonly name: string;
  /** Province code ending the pattern approval number (50 = Chongqing). */
  readonly province: string;
  /** District of a maker based in Chongqing: it is also registered as an organisation. */
  readonly district?: string;
  readonly models: readonly ModelSpec[];
}

export interface StandardTemplate {
  readonly name: string;
  readonly measuringRange: string;
  readonly uncertainty: string;
}

export interface CategorySpec {
  readonly code: string;
  /** Share of all instruments (normalised over the table). */
  readonly share: number;
  /** Owner kinds with their share of this category's instruments. */
  readonly owners: readonly { readonly kind: OwnerKind; readonly share: number; readonly useDomain: string }[];
  readonly makers: readonly MakerSpec[];
  readonly standards: readonly StandardTemplate[];
  /** Verified where installed (fuel dispensers, chargers) rather than sent to the institute's lab. */
  readonly onSite: boolean;
  readonly lab: string;
  /** Chance that a verification fails. */
  readonly failRate: number;
  /** Chance that the instrument was adjusted before a passing verification. */
  readonly adjustRate: number;
  /** Whether every verification goes to the State Grid metering centre (authorised for meters). */
  readonly gridCentre?: boolean;
  /** Whether only the municipal institute holds the standards (radar, alcohol, sound). */
  readonly municipalOnly?: boolean;
}

const pct = (name: string, mpe: number, nominal?: number): ItemTemplate => ({ name, mpe, unit: '%', decimals: 2, ...(nominal !== undefined ? { nominal } : {}) });
const upTo = (name: string, upper: number, unit: string, decimals: number): ItemTemplate => ({ name, mpe: { lower: 0, upper }, unit, decimals });

const dispenserItems = (mpe: number, repeatability: number, nominal: number): ItemTemplate[] => [
  pct('示值误差（最大流量）', mpe, nominal),
  pct('示值误差（最小流量）', mpe, nominal),
  upTo('重复性', repeatability, '%', 2),
];

/** Electronic price scale (accuracy class Ⅲ): MPE ±0.5e/±1e/±1.5e by load (JJG 539). */
function scaleItems(maxKg: number, eG: number, loadsKg: readonly number[]): ItemTemplate[] {
  const mpeAt = (kg: number) => {
    const n = (kg * 1000) / eG;
    return (n <= 500 ? 0.5 : n <= 2000 ? 1 : 1.5) * eG;
  };
  return [
    ...loadsKg.map((kg) => ({ name: `称量示值误差（${kg} kg）`, nominal: kg, mpe: mpeAt(kg), unit: 'g', decimals: 1 })),
    { name: `偏载误差（${Math.round(maxKg / 3)} kg）`, nominal: Math.round(maxKg / 3), mpe: mpeAt(maxKg / 3), unit: 'g', decimals: 1 },
  ];
}

/** Water meter, class 2: ±5 % in the lower zone (Q1), ±2 % in the upper zone (JJG 162). */
function waterItems(q3: number): ItemTemplate[] {
  const q1 = Math.round((q3 / 100) * 1000) / 1000;
  return [
    pct('示值误差（Q1）', 5, q1),
    pct('示值误差（Q2）', 2, Math.round(q1 * 1.6 * 1000) / 1000),
    pct('示值误差（Q3）', 2, q3),
  ];
}

/** Diaphragm gas meter, class 1.5: ±3 % below 0.1 qmax, ±1.5 % above (JJG 577). */
function gasItems(qmin: number, qmax: number): ItemTemplate[] {
  return [pct('示值误差（qmin）', 3, qmin), pct('示值误差（0.2qmax）', 1.5, Math.round(qmax * 0.2 * 100) / 100), pct('示值误差（qmax）', 1.5, qmax)];
}

/** Pressure gauge: MPE = class % of the span, hysteresis ≤ |MPE|, tapping shift ≤ |MPE|/2 (JJG 52). */
function gaugeItems(spanMpa: number, cls: number): ItemTemplate[] {
  const mpe = Math.round(spanMpa * cls * 100) / 10000;
  const point = (f: number) => ({ name: `示值误差（${Math.round(spanMpa * f * 1000) / 1000} MPa）`, nominal: Math.round(spanMpa * f * 1000) / 1000, mpe, unit: 'MPa', decimals: 4 });
  return [point(0.25), point(0.5), point(0.75), point(1), upTo('回程误差', mpe, 'MPa', 4), upTo('轻敲位移', Math.round((mpe / 2) * 10000) / 10000, 'MPa', 4)];
}

const sphygmoItems: ItemTemplate[] = [
  { name: '示值误差（8 kPa）', nominal: 8, mpe: 0.5, unit: 'kPa', decimals: 2 },
  { name: '示值误差（16 kPa）', nominal: 16, mpe: 0.5, unit: 'kPa', decimals: 2 },
  { name: '示值误差（24 kPa）', nominal: 24, mpe: 0.5, unit: 'kPa', decimals: 2 },
  upTo('气密性（压力下降）', 0.5, 'kPa/min', 2),
];

function soundItems(cls: 1 | 2): ItemTemplate[] {
  const k = cls === 1 ? 1 : 1.4;
  return [
    { name: '声压级示值误差（94.0 dB, 1 kHz）', nominal: 94, mpe: Math.round(0.7 * k * 10) / 10, unit: 'dB', decimals: 1 },
    { name: '频率计权（A, 125 Hz）', nominal: 125, mpe: Math.round(1.5 * k * 10) / 10, unit: 'dB', decimals: 1 },
    { name: '级线性误差（114.0 dB）', nominal: 114, mpe: Math.round(0.8 * k * 10) / 10, unit: 'dB', decimals: 1 },
  ];
}

const alcoholItems: ItemTemplate[] = [
  { name: '示值误差（0.100 mg/L）', nominal: 0.1, mpe: 0.02, unit: 'mg/L', decimals: 3 },
  { name: '示值误差（0.400 mg/L）', nominal: 0.4, mpe: 0.02, unit: 'mg/L', decimals: 3 },
  { name: '示值误差（0.800 mg/L）', nominal: 0.8, mpe: 0.04, unit: 'mg/L', decimals: 3 },
];

const radarItems: ItemTemplate[] = [
  { name: '测速误差（40 km/h）', nominal: 40, mpe: 1, unit: 'km/h', decimals: 1 },
  { name: '测速误差（80 km/h）', nominal: 80, mpe: 1, unit: 'km/h', decimals: 1 },
  { name: '测速误差（120 km/h）', nominal: 120, mpe: 1.2, unit: 'km/h', decimals: 1 },
];

const meterItems: ItemTemplate[] = [
  pct('基本误差（cosφ=1.0, Ib）', 2),
  pct('基本误差（cosφ=0.5L, Ib）', 2),
  pct('基本误差（cosφ=1.0, 0.05Ib）', 2.5),
  { name: '日计时误差', mpe: 0.5, unit: 's/d', decimals: 2 },
];

const chargerItems = (mpe: number): ItemTemplate[] => [
  pct('电能示值误差（Imax）', mpe),
  pct('电能示值误差（Imin）', mpe),
  { name: '时钟示值误差', mpe: 1, unit: 's/d', decimals: 2 },
];

const taxiItems: ItemTemplate[] = [
  { name: '计程示值误差', nominal: 1, mpe: { lower: -4, upper: 1 }, unit: '%', decimals: 2 },
  { name: '计时示值误差', nominal: 900, mpe: 0.3, unit: '%', decimals: 2 },
];

const m = (model: string, accuracyClass: string | null, measuringRange: string, serialPrefix: string, items: readonly ItemTemplate[]): ModelSpec => ({
  model,
  accuracyClass,
  measuringRange,
  serialPrefix,
  items,
});

export const CATEGORY_SPECS: readonly CategorySpec[] = [
  {
    code: 'ELECTRICITY_METER',
    share: 0.2,
    owners: [{ kind: 'power', share: 1, useDomain: 'TRADE' }],
    makers: [
      { name: '浙江恒业电气仪表有限公司', province: '33', models: [m('DDZY71C-Z', '2级', '220 V 5(60) A', '3301', meterItems), m('DDZY71C-Z', '2级', '220 V 10(100) A', '3302', meterItems)] },
      { name: '江苏东方智能电表有限公司', province: '32', models: [m('DDZY666C-Z', '2级', '220 V 5(60) A', '3205', meterItems)] },
      { name: '深圳科星电气有限公司', province: '44', models: [m('DDZY1980-Z', '2级', '220 V 5(60) A', '4407', meterItems)] },
      { name: '重庆渝电智能电表有限公司', province: '50', district: '500112', models: [m('DDZY288-Z', '2级', '220 V 5(60) A', '5012', meterItems)] },
    ],
    standards: [
      { name: '单相电能表自动化检定流水线', measuringRange: '220 V, (0.05~100) A', uncertainty: '0.05级' },
      { name: '单相电能表检定装置', measuringRange: '(57.7~380) V, (0.01~100) A', uncertainty: '0.05级' },
    ],
    onSite: false,
    lab: '智能电能表自动化检定中心',
    failRate: 0.012,
    adjustRate: 0,
    gridCentre: true,
  },
  {
    code: 'WATER_METER_DN25',
    share: 0.16,
    owners: [{ kind: 'water', share: 1, useDomain: 'TRADE' }],
    makers: [
      { name: '宁波华水水表有限公司', province: '33', models: [m('LXSG-15E', '2级', 'DN15 Q3=2.5 m³/h R100', 'HS15', waterItems(2.5)), m('LXSG-20E', '2级', 'DN20 Q3=4 m³/h R100', 'HS20', waterItems(4))] },
      { name: '重庆嘉陵水表有限公司', province: '50', district: '500109', models: [m('LXS-15C', '2级', 'DN15 Q3=2.5 m³/h R100', 'JL15', waterItems(2.5)), m('LXS-25C', '2级', 'DN25 Q3=6.3 m³/h R100', 'JL25', waterItems(6.3))] },
      { name: '江苏汇水智能水表有限公司', province: '32', models: [m('LXSY-15', '2级', 'DN15 Q3=2.5 m³/h R100', 'HW15', waterItems(2.5))] },
    ],
    standards: [{ name: '水表检定装置（启停容积法）', measuringRange: 'DN15~DN25, (0.01~10) m³/h', uncertainty: 'U=0.2% (k=2)' }],
    onSite: false,
    lab: '水表检定室',
    failRate: 0.018,
    adjustRate: 0,
  },
  {
    code: 'WATER_METER_DN50',
    share: 0.015,
    owners: [{ kind: 'water', share: 1, useDomain: 'TRADE' }],
    makers: [
      { name: '宁波华水水表有限公司', province: '33', models: [m('LXSG-32E', '2级', 'DN32 Q3=10 m³/h R100', 'HS32', waterItems(10))] },
      { name: '重庆嘉陵水表有限公司', province: '50', district: '500109', models: [m('LXS-40C', '2级', 'DN40 Q3=16 m³/h R100', 'JL40', waterItems(16))] },
    ],
    standards: [{ name: '水表检定装置（称重法）', measuringRange: 'DN32~DN50, (0.1~40) m³/h', uncertainty: 'U=0.2% (k=2)' }],
    onSite: false,
    lab: '水表检定室',
    failRate: 0.02,
    adjustRate: 0,
  },
  {
    code: 'WATER_METER_LARGE',
    share: 0.008,
    owners: [{ kind: 'water', share: 1, useDomain: 'TRADE' }],
    makers: [
      { name: '宁波华水水表有限公司', province: '33', models: [m('LXLC-80', '2级', 'DN80 Q3=63 m³/h R80', 'HL80', waterItems(63)), m('LXLC-100', '2级', 'DN100 Q3=100 m³/h R80', 'HL100', waterItems(100))] },
      { name: '重庆嘉陵水表有限公司', province: '50', district: '500109', models: [m('LDE-150', '2级', 'DN150 Q3=250 m³/h R100', 'JE150', waterItems(250))] },
    ],
    standards: [{ name: '水流量标准装置（标准表法）', measuringRange: 'DN50~DN200, (0.5~400) m³/h', uncertainty: 'U=0.5% (k=2)' }],
    onSite: true,
    lab: '流量实验室',
    failRate: 0.03,
    adjustRate: 0.05,
  },
  {
    code: 'GAS_METER_NG',
    share: 0.14,
    owners: [{ kind: 'gas', share: 1, useDomain: 'TRADE' }],
    makers: [
      { name: '重庆前程燃气表有限公司', province: '50', district: '500108', models: [m('G2.5-QC', '1.5级', 'G2.5 (0.025~4) m³/h', 'QC25', gasItems(0.025, 4)), m('G4-QC', '1.5级', 'G4 (0.04~6) m³/h', 'QC40', gasItems(0.04, 6))] },
      { name: '浙江金元智能燃气表有限公司', province: '33', models: [m('JGD2.5', '1.5级', 'G2.5 (0.025~4) m³/h', 'JY25', gasItems(0.025, 4))] },
      { name: '成都天府燃气表有限公司', province: '51', models: [m('TF-G1.6S', '1.5级', 'G1.6 (0.016~2.5) m³/h', 'TF16', gasItems(0.016, 2.5))] },
    ],
    standards: [{ name: '钟罩式气体流量标准装置', measuringRange: '(0.016~6) m³/h', uncertainty: 'U=0.3% (k=2)' }],
    onSite: false,
    lab: '燃气表检定室',
    failRate: 0.015,
    adjustRate: 0,
  },
  {
    code: 'GAS_METER_LPG',
    share: 0.01,
    owners: [{ kind: 'gas', share: 1, useDomain: 'TRADE' }],
    makers: [{ name: '重庆前程燃气表有限公司', province: '50', district: '500108', models: [m('G1.6-QY', '1.5级', 'G1.6 (0.016~2.5) m³/h', 'QY16', gasItems(0.016, 2.5))] }],
    standards: [{ name: '钟罩式气体流量标准装置', measuringRange: '(0.016~6) m³/h', uncertainty: 'U=0.3% (k=2)' }],
    onSite: false,
    lab: '燃气表检定室',
    failRate: 0.02,
    adjustRate: 0,
  },
  {
    code: 'PRICE_SCALE',
    share: 0.16,
    owners: [
      { kind: 'market', share: 0.55, useDomain: 'TRADE' },
      { kind: 'shop', share: 0.45, useDomain: 'TRADE' },
    ],
    makers: [
      { name: '浙江金衡衡器有限公司', province: '33', models: [m('ACS-15JH', 'Ⅲ级', 'Max 15 kg, e=5 g', 'JH', scaleItems(15, 5, [1, 5, 15])), m('ACS-30JH', 'Ⅲ级', 'Max 30 kg, e=10 g', 'JH3', scaleItems(30, 10, [2, 10, 30]))] },
      { name: '上海华丰衡器有限公司', province: '31', models: [m('TCS-HF15', 'Ⅲ级', 'Max 15 kg, e=5 g', 'HF', scaleItems(15, 5, [1, 5, 15]))] },
      { name: '凯衡衡器（中山）有限公司', province: '44', models: [m('ACS-6/15KH', 'Ⅲ级', 'Max 6/15 kg, e=2/5 g', 'KH', scaleItems(15, 5, [2, 6, 15]))] },
      { name: '重庆巴渝衡器有限公司', province: '50', district: '500113', models: [m('ACS-BY30', 'Ⅲ级', 'Max 30 kg, e=10 g', 'BY', scaleItems(30, 10, [2, 10, 30]))] },
    ],
    standards: [
      { name: 'M1级砝码', measuringRange: '1 g~20 kg', uncertainty: 'M1级' },
      { name: 'F2级砝码', measuringRange: '1 mg~1 kg', uncertainty: 'F2级' },
    ],
    onSite: true,
    lab: '衡器实验室',
    failRate: 0.035,
    adjustRate: 0.08,
  },
  {
    code: 'FUEL_DISPENSER',
    share: 0.045,
    owners: [{ kind: 'fuel_station', share: 1, useDomain: 'TRADE' }],
    makers: [
      { name: '中原加油设备股份有限公司', province: '41', models: [m('CS52D2242', '0.3级', '(5~50) L/min', 'ZY', dispenserItems(0.3, 0.1, 20)), m('CS52D4484', '0.3级', '(5~50) L/min', 'ZY4', dispenserItems(0.3, 0.1, 20))] },
      { name: '广州恒山油气设备有限公司', province: '44', models: [m('THF-2222S', '0.3级', '(6~60) L/min', 'HS', dispenserItems(0.3, 0.1, 20))] },
      { name: '北京长城加油机械有限公司', province: '11', models: [m('CJ-JQ2242', '0.3级', '(5~50) L/min', 'CC', dispenserItems(0.3, 0.1, 20))] },
      { name: '重庆渝星加油机制造有限公司', province: '50', district: '500120', models: [m('YX-2242A', '0.3级', '(5~50) L/min', 'YX', dispenserItems(0.3, 0.1, 20))] },
    ],
    standards: [
      { name: '标准金属量器（二等）', measuringRange: '20 L、50 L', uncertainty: 'U=0.025% (k=2)' },
      { name: '数字温度计', measuringRange: '(-20~60) ℃', uncertainty: 'MPE ±0.2 ℃' },
    ],
    onSite: true,
    lab: '流量实验室',
    failRate: 0.03,
    adjustRate: 0.2,
  },
  {
    code: 'CNG_DISPENSER',
    share: 0.012,
    owners: [{ kind: 'cng_station', share: 1, useDomain: 'TRADE' }],
    makers: [
      { name: '四川川能加气设备有限公司', province: '51', models: [m('CNG-22A', '1.0级', '(2~25) kg/min', 'CN', dispenserItems(1, 0.5, 10))] },
      { name: '重庆渝能加气设备有限公司', province: '50', district: '500109', models: [m('YNJ-2Q', '1.0级', '(1~30) kg/min', 'YNQ', dispenserItems(1, 0.5, 10))] },
    ],
    standards: [{ name: '压缩天然气加气机检定装置（质量流量计法）', measuringRange: '(1~30) kg/min', uncertainty: 'U=0.25% (k=2)' }],
    onSite: true,
    lab: '流量实验室',
    failRate: 0.035,
    adjustRate: 0.2,
  },
  {
    code: 'LPG_DISPENSER',
    share: 0.004,
    owners: [{ kind: 'lpg_station', share: 1, useDomain: 'TRADE' }],
    makers: [{ name: '浙江博创燃气设备有限公司', province: '33', models: [m('LPG-BC22', '1.0级', '(5~50) L/min', 'BC', dispenserItems(1, 0.5, 10))] }],
    standards: [{ name: '液化石油气加气机检定装置（质量法）', measuringRange: '(2~60) kg/min', uncertainty: 'U=0.2% (k=2)' }],
    onSite: true,
    lab: '流量实验室',
    failRate: 0.035,
    adjustRate: 0.2,
  },
  {
    code: 'TAXI_METER',
    share: 0.03,
    owners: [{ kind: 'taxi', share: 1, useDomain: 'TRADE' }],
    makers: [
      { name: '重庆山城计价器有限公司', province: '50', district: '500106', models: [m('SC-JJQ-8', null, '计程 (0~9999.9) km', 'SC', taxiItems)] },
      { name: '深圳兴达计价器有限公司', province: '44', models: [m('XD-2000B', null, '计程 (0~9999.9) km', 'XD', taxiItems)] },
      { name: '广州通立电子科技有限公司', province: '44', models: [m('TL-Q5', null, '计程 (0~9999.9) km', 'TL', taxiItems)] },
    ],
    standards: [{ name: '出租汽车计价器检定装置（滚筒式）', measuringRange: '(0~100) km/h', uncertainty: 'MPE ±0.2%' }],
    onSite: false,
    lab: '出租汽车计价器检定站',
    failRate: 0.04,
    adjustRate: 0.05,
  },
  {
    code: 'SPHYGMOMANOMETER',
    share: 0.06,
    owners: [
      { kind: 'hospital', share: 0.6, useDomain: 'MEDICAL' },
      { kind: 'clinic', share: 0.4, useDomain: 'MEDICAL' },
    ],
    makers: [
      { name: '上海康华医疗器械有限公司', province: '31', models: [m('XJ11D', 'MPE ±0.5 kPa', '(0~40) kPa', 'KH', sphygmoItems)] },
      { name: '江苏华康医疗设备有限公司', province: '32', models: [m('HK-B02', 'MPE ±0.5 kPa', '(0~40) kPa', 'HK', sphygmoItems)] },
      { name: '重庆渝康医疗器械有限公司', province: '50', district: '500106', models: [m('YK-XY1', 'MPE ±0.5 kPa', '(0~40) kPa', 'YK', sphygmoItems)] },
    ],
    standards: [{ name: '精密数字压力计', measuringRange: '(-40~40) kPa', uncertainty: '0.05级' }],
    onSite: true,
    lab: '压力实验室',
    failRate: 0.03,
    adjustRate: 0.05,
  },
  {
    code: 'PRESSURE_GAUGE',
    share: 0.09,
    owners: [{ kind: 'factory', share: 1, useDomain: 'SAFETY' }],
    makers: [
      {
        name: '重庆川江仪表有限公司',
        province: '50',
        district: '500109',
        models: [m('Y-100', '1.6级', '(0~1.6) MPa', 'CJ', gaugeItems(1.6, 1.6)), m('Y-100', '1.6级', '(0~2.5) MPa', 'CJB', gaugeItems(2.5, 1.6)), m('Y-60', '2.5级', '(0~1.0) MPa', 'CJS', gaugeItems(1, 2.5))],
      },
      { name: '上海申华压力表有限公司', province: '31', models: [m('YN-100', '1.6级', '(0~4.0) MPa', 'SH', gaugeItems(4, 1.6)), m('Y-150', '1.0级', '(0~1.6) MPa', 'SHA', gaugeItems(1.6, 1))] },
      { name: '江苏红旗仪表有限公司', province: '32', models: [m('Y-100Z', '1.6级', '(0~0.6) MPa', 'HQ', gaugeItems(0.6, 1.6))] },
    ],
    standards: [
      { name: '活塞式压力计', measuringRange: '(0.1~6) MPa', uncertainty: '0.05级' },
      { name: '数字压力计', measuringRange: '(0~2.5) MPa', uncertainty: '0.05级' },
    ],
    onSite: false,
    lab: '压力实验室',
    failRate: 0.035,
    adjustRate: 0.1,
  },
  {
    code: 'BREATH_ALCOHOL_TESTER',
    share: 0.008,
    owners: [{ kind: 'police', share: 1, useDomain: 'SAFETY' }],
    makers: [
      { name: '深圳安泰检测设备有限公司', province: '44', models: [m('AT-8800', 'MPE ±0.020 mg/L', '(0.000~2.000) mg/L', 'AT', alcoholItems)] },
      { name: '北京华安仪器有限公司', province: '11', models: [m('HA-3000', 'MPE ±0.020 mg/L', '(0.000~2.000) mg/L', 'HA', alcoholItems)] },
    ],
    standards: [
      { name: '呼出气体酒精含量检测仪检定装置（湿式）', measuringRange: '(0~2) mg/L', uncertainty: 'U=2% (k=2)' },
      { name: '乙醇溶液标准物质', measuringRange: '(0.1~0.8) mg/L', uncertainty: 'Urel=1% (k=2)' },
    ],
    onSite: false,
    lab: '化学实验室',
    failRate: 0.03,
    adjustRate: 0.1,
    municipalOnly: true,
  },
  {
    code: 'SOUND_LEVEL_METER',
    share: 0.006,
    owners: [
      { kind: 'environment', share: 0.75, useDomain: 'ENVIRONMENT' },
      { kind: 'factory', share: 0.25, useDomain: 'SAFETY' },
    ],
    makers: [
      { name: '杭州声华仪器有限公司', province: '33', models: [m('SH-5688', '1级', '(28~133) dB', 'SHY', soundItems(1))] },
      { name: '北京声测科技有限公司', province: '11', models: [m('SC-6228', '2级', '(35~130) dB', 'SC', soundItems(2))] },
    ],
    standards: [
      { name: '多功能声校准器', measuringRange: '94 dB、114 dB, (31.5 Hz~16 kHz)', uncertainty: '1级' },
      { name: '声级计检定装置', measuringRange: '(20~140) dB', uncertainty: 'U=0.3 dB (k=2)' },
    ],
    onSite: false,
    lab: '声学实验室',
    failRate: 0.025,
    adjustRate: 0.05,
    municipalOnly: true,
  },
  {
    code: 'RADAR_SPEED_METER',
    share: 0.005,
    owners: [{ kind: 'police', share: 1, useDomain: 'SAFETY' }],
    makers: [
      { name: '北京天眼测速科技有限公司', province: '11', models: [m('TY-R6', 'MPE ±1 km/h', '(20~250) km/h', 'TY', radarItems)] },
      { name: '四川蜀安交通设备有限公司', province: '51', models: [m('SA-JL500', 'MPE ±1 km/h', '(20~250) km/h', 'SA', radarItems)] },
    ],
    standards: [{ name: '机动车雷达测速仪检定装置', measuringRange: '(20~250) km/h', uncertainty: 'MPE ±0.2 km/h' }],
    onSite: true,
    lab: '无线电实验室',
    failRate: 0.025,
    adjustRate: 0.05,
    municipalOnly: true,
  },
  {
    code: 'EV_CHARGER_AC',
    share: 0.028,
    owners: [{ kind: 'ev_operator', share: 1, useDomain: 'TRADE' }],
    makers: [
      { name: '青岛华特充电设备有限公司', province: '37', models: [m('HT-AC7', '2级', 'AC 220 V, 32 A, 7 kW', 'HTA', chargerItems(2))] },
      { name: '深圳星联新能源有限公司', province: '44', models: [m('XL-AC7K', '2级', 'AC 220 V, 32 A, 7 kW', 'XLA', chargerItems(2))] },
    ],
    standards: [{ name: '交流充电桩检定装置', measuringRange: '220 V, (0~63) A', uncertainty: '0.1级' }],
    onSite: true,
    lab: '电学实验室',
    failRate: 0.02,
    adjustRate: 0.02,
  },
  {
    code: 'EV_CHARGER_DC',
    share: 0.02,
    owners: [{ kind: 'ev_operator', share: 1, useDomain: 'TRADE' }],
    makers: [
      { name: '青岛华特充电设备有限公司', province: '37', models: [m('HT-DC120', '1级', 'DC (200~750) V, (0~250) A, 120 kW', 'HTD', chargerItems(1))] },
      { name: '河南中原电气充电设备有限公司', province: '41', models: [m('ZY-DC60', '1级', 'DC (200~750) V, (0~150) A, 60 kW', 'ZYD', chargerItems(1))] },
      { name: '重庆渝能充电设备有限公司', province: '50', district: '500112', models: [m('YN-DC160', '1级', 'DC (200~1000) V, (0~250) A, 160 kW', 'YND', chargerItems(1))] },
    ],
    standards: [{ name: '非车载充电机检定装置', measuringRange: '(200~1000) V, (0~300) A', uncertainty: '0.05级' }],
    onSite: true,
    lab: '电学实验室',
    failRate: 0.025,
    adjustRate: 0.02,
  },
];
