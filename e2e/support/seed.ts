// Seeds test data through the HTTP API itself, as a client would.
export const USCC = {
  marketOwner: '91500103MA5U00011H',
  stationOwner: '915001122030004144',
  institute: '125000004500001712',
  hospital: '91310110666007217T',
  spare: '913502000728319549',
} as const;

export interface Created {
  readonly id: number;
  readonly [key: string]: unknown;
}

/** Calls the API as a machine client with a bearer token (no session, so no CSRF token). */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${this.token}` };
    const init: RequestInit = { method, headers };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(`${this.baseUrl}${path}`, init);
    const payload = (await response.json()) as T;
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(payload)}`);
    return payload;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T = Created>(path: string, body: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  /** The server's civil date (Asia/Shanghai). */
  async today(): Promise<string> {
    const summary = await this.get<{ asOf: string }>('/api/v1/supervision/due-summary');
    return summary.asOf;
  }
}

export interface Seeded {
  readonly today: string;
  readonly owners: { readonly market: Created; readonly station: Created };
  readonly institute: Created;
  /** Registered long ago and never verified: overdue, in 渝中区. */
  readonly overdue: Created;
  /** Registered today and never verified: due today, so due soon, in 渝北区. */
  readonly dueSoon: Created;
  /** Verified and passed today: valid, in 渝北区. */
  readonly valid: Created;
}

export async function seedCity(api: ApiClient): Promise<Seeded> {
  const today = await api.today();
  const market = await api.post('/api/v1/organizations', {
    uscc: USCC.marketOwner,
    name: '重庆市渝中区民族路农贸市场有限公司',
    districtCode: '500103',
    roles: ['owner', 'market_operator'],
    address: '渝中区解放碑街道民族路1号',
    contactName: '张三',
    contactPhone: '023-63000000',
  });
  const station = await api.post('/api/v1/organizations', {
    uscc: USCC.stationOwner,
    name: '重庆渝北加油站有限公司',
    districtCode: '500112',
    roles: ['owner'],
  });
  const institute = await api.post('/api/v1/organizations', {
    uscc: USCC.institute,
    name: '重庆市计量质量检测研究院',
    districtCode: '500112',
    roles: ['verification_institute'],
  });
  const overdue = await api.post('/api/v1/instruments', {
    categoryCode: 'PRICE_SCALE',
    manufacturer: '上海友声衡器有限公司',
    model: 'ACS-15',
    serialNo: 'YS2024000123',
    districtCode: '500103',
    useDomain: 'TRADE',
    ownerId: market.id,
    site: '民族路农贸市场12号摊位',
    registeredOn: '2024-04-02',
  });
  const dueSoon = await api.post('/api/v1/instruments', {
    categoryCode: 'FUEL_DISPENSER',
    manufacturer: '正星科技股份有限公司',
    model: 'CS46',
    serialNo: 'ZX2026000001',
    districtCode: '500112',
    useDomain: 'TRADE',
    ownerId: station.id,
  });
  const valid = await api.post('/api/v1/instruments', {
    categoryCode: 'FUEL_DISPENSER',
    manufacturer: '正星科技股份有限公司',
    model: 'CS46',
    serialNo: 'ZX2026000002',
    districtCode: '500112',
    useDomain: 'TRADE',
    ownerId: station.id,
  });
  await api.post(`/api/v1/instruments/${valid.id}/verifications`, {
    institutionId: institute.id,
    verifiedOn: today,
    verifier: '李四',
    checker: '王五',
    approver: '赵六',
    place: '现场',
    environment: { temperatureC: 21, humidityPct: 55 },
    standards: [{ name: '二等标准金属量器', certificateNo: '[2020]渝量标证字第001号' }],
    items: [{ name: '示值误差', error: 0.1, mpe: 0.3, unit: '%' }],
    adjusted: false,
    conclusion: 'pass',
  });
  return { today, owners: { market, station }, institute, overdue, dueSoon, valid };
}
