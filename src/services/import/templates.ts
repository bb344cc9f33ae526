// Column definitions of the import templates. Headers are Chinese (what users see in Excel); the
// parser also accepts the English keys. Each column names the input field its value feeds.

export interface TemplateColumn {
  readonly key: string;
  readonly header: string;
  readonly required: boolean;
  readonly kind: 'text' | 'date' | 'integer' | 'list';
  readonly example: string;
  readonly width?: number;
}

export type ImportKind = 'instruments' | 'organizations';
export const IMPORT_KINDS: readonly ImportKind[] = ['instruments', 'organizations'];

export const TEMPLATES: Record<ImportKind, readonly TemplateColumn[]> = {
  organizations: [
    { key: 'uscc', header: '统一社会信用代码', required: true, kind: 'text', example: '91500103MA5U00011H', width: 22 },
    { key: 'name', header: '单位名称', required: true, kind: 'text', example: '重庆市渝中区示例农贸市场有限公司', width: 36 },
    { key: 'districtCode', header: '区县代码', required: true, kind: 'text', example: '500103' },
    { key: 'roles', header: '单位角色', required: true, kind: 'list', example: '使用单位、市场开办方', width: 24 },
    { key: 'address', header: '地址', required: false, kind: 'text', example: '渝中区解放碑街道民族路1号', width: 36 },
    { key: 'contactName', header: '联系人', required: false, kind: 'text', example: '张三' },
    { key: 'contactPhone', header: '联系电话', required: false, kind: 'text', example: '023-63000000', width: 16 },
  ],
  instruments: [
    { key: 'categoryCode', header: '器具类别', required: true, kind: 'text', example: 'PRICE_SCALE', width: 20 },
    { key: 'manufacturer', header: '制造单位', required: true, kind: 'text', example: '上海友声衡器有限公司', width: 28 },
    { key: 'model', header: '型号规格', required: true, kind: 'text', example: 'ACS-15' },
    { key: 'serialNo', header: '出厂编号', required: true, kind: 'text', example: 'YS2024000123', width: 18 },
    { key: 'ownerUscc', header: '使用单位统一社会信用代码', required: true, kind: 'text', example: '91500103MA5U00011H', width: 24 },
    { key: 'districtCode', header: '区县代码', required: true, kind: 'text', example: '500103' },
    { key: 'useDomain', header: '使用领域', required: true, kind: 'text', example: '贸易结算' },
    { key: 'site', header: '使用地点', required: false, kind: 'text', example: '民族路农贸市场12号摊位', width: 28 },
    { key: 'patternApprovalNo', header: '型式批准证书号', required: false, kind: 'text', example: '2019F123-31', width: 18 },
    { key: 'accuracyClass', header: '准确度等级', required: false, kind: 'text', example: 'III' },
    { key: 'measuringRange', header: '测量范围', required: false, kind: 'text', example: '(0~15)kg' },
    { key: 'manufacturedOn', header: '出厂日期', required: false, kind: 'date', example: '2024-03-01' },
    { key: 'installedOn', header: '启用日期', required: false, kind: 'date', example: '2024-04-01' },
    { key: 'registeredOn', header: '备案日期', required: false, kind: 'date', example: '2024-04-02' },
    { key: 'serviceLifeMonths', header: '使用年限（月）', required: false, kind: 'integer', example: '' },
  ],
};

/** Role names accepted in the roles column, in Chinese or as codes. */
export const ROLE_NAMES: Readonly<Record<string, string>> = {
  使用单位: 'owner',
  检定机构: 'verification_institute',
  制造单位: 'manufacturer',
  销售单位: 'seller',
  修理单位: 'repairer',
  市场开办方: 'market_operator',
};
