// The one error catalog: every failure the platform reports has a stable code, an HTTP status,
// a CLI exit code and a message in zh-CN and en. Edges format an AppError; nothing else invents
// error text.

export interface CatalogEntry {
  readonly status: number;
  readonly exitCode: number;
  readonly zh: string;
  readonly en: string;
}

export const ERROR_CATALOG = {
  JL_ERR_VALIDATION: { status: 422, exitCode: 2, zh: '输入数据未通过校验', en: 'The input failed validation' },
  JL_ERR_MALFORMED_BODY: { status: 400, exitCode: 2, zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  JL_ERR_MALFORMED_REQUEST: { status: 400, exitCode: 2, zh: '请求地址或参数无法解析', en: 'The request URL or its parameters cannot be parsed' },
  JL_ERR_UNSUPPORTED_MEDIA_TYPE: { status: 415, exitCode: 2, zh: '不支持的内容类型', en: 'Unsupported content type' },
  JL_ERR_PAYLOAD_TOO_LARGE: { status: 413, exitCode: 2, zh: '请求体过大', en: 'The request body is too large' },
  JL_ERR_NOT_FOUND: { status: 404, exitCode: 3, zh: '未找到所请求的资源', en: 'The requested resource was not found' },
  JL_ERR_DUPLICATE_USCC: { status: 409, exitCode: 4, zh: '该统一社会信用代码已登记', en: 'An organization with this unified social credit code is already registered' },
  JL_ERR_DUPLICATE_INSTRUMENT: { status: 409, exitCode: 4, zh: '同一制造商和型号下已存在该出厂编号', en: 'An instrument with this serial number is already registered for the same manufacturer and model' },
  JL_ERR_INVALID_TRANSITION: { status: 409, exitCode: 4, zh: '器具当前状态不允许此操作', en: 'The instrument\'s current status does not allow this action' },
  JL_ERR_IMPORT_HAS_ERRORS: { status: 422, exitCode: 2, zh: '导入文件存在错误行，未写入任何数据', en: 'The import file has rows with errors; nothing was written' },
  JL_ERR_UNAUTHENTICATED: { status: 401, exitCode: 5, zh: '请先登录', en: 'Sign in first' },
  JL_ERR_LOGIN_FAILED: { status: 401, exitCode: 5, zh: '用户名或密码不正确', en: 'Wrong username or password' },
  JL_ERR_ACCOUNT_LOCKED: { status: 429, exitCode: 5, zh: '登录失败次数过多，账户暂时锁定，请稍后再试', en: 'Too many failed sign-ins: the account is locked for a while' },
  JL_ERR_REAUTH_REQUIRED: { status: 401, exitCode: 5, zh: '此操作需要再次输入密码确认', en: 'Confirm your password to continue' },
  JL_ERR_FORBIDDEN: { status: 403, exitCode: 5, zh: '无权执行此操作', en: 'You are not allowed to do this' },
  JL_ERR_CSRF: { status: 403, exitCode: 5, zh: '请求缺少有效的防伪令牌，请刷新页面后重试', en: 'The request lacks a valid anti-forgery token; reload the page and retry' },
  JL_ERR_RATE_LIMITED: { status: 429, exitCode: 5, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  JL_ERR_DUPLICATE_USERNAME: { status: 409, exitCode: 4, zh: '该用户名已被使用', en: 'This username is taken' },
  JL_ERR_KEY_FILE: { status: 500, exitCode: 1, zh: '签名密钥文件不可用', en: 'The signing key file cannot be used' },
  JL_ERR_UNREADABLE_INPUT: { status: 400, exitCode: 2, zh: '无法读取输入文件', en: 'The input file cannot be read' },
  JL_ERR_INTERNAL: { status: 500, exitCode: 1, zh: '服务器内部错误', en: 'Internal server error' },
} as const satisfies Record<string, CatalogEntry>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

/** Codes for individual field problems, each with its own bilingual message. */
export const FIELD_PROBLEMS = {
  required: { zh: '必填项缺失', en: 'This field is required' },
  unknown_field: { zh: '不允许的字段', en: 'This field is not allowed' },
  wrong_type: { zh: '数据类型不正确', en: 'The value has the wrong type' },
  invalid_format: { zh: '格式不正确', en: 'The value has the wrong format' },
  out_of_range: { zh: '数值超出允许范围', en: 'The value is out of range' },
  not_in_list: { zh: '不是允许的取值', en: 'The value is not one of the allowed values' },
  invalid_uscc: { zh: '统一社会信用代码无效（长度、字符或校验位错误）', en: 'Invalid unified social credit code (length, characters or check digit)' },
  unknown_district: { zh: '未知的区县代码', en: 'Unknown district code' },
  unknown_category: { zh: '未知的器具类别', en: 'Unknown instrument category' },
  unknown_use_domain: { zh: '未知的使用领域', en: 'Unknown use domain' },
  unknown_organization: { zh: '未找到该单位', en: 'No such organization' },
  not_an_institution: { zh: '该单位不是检定机构', en: 'This organization is not a verification institution' },
  duplicate_uscc: { zh: '统一社会信用代码重复', en: 'Duplicate unified social credit code' },
  duplicate_instrument: { zh: '同一制造商和型号下出厂编号重复', en: 'Duplicate serial number for the same manufacturer and model' },
  date_in_future: { zh: '日期不能晚于今天', en: 'The date cannot be in the future' },
  date_before_existence: { zh: '日期早于器具出厂或登记日期', en: 'The date is before the instrument existed' },
  date_order: { zh: '日期先后顺序不正确', en: 'Dates are out of order' },
  conclusion_mismatch: { zh: '结论与各检定项目结果不一致', en: 'The conclusion contradicts the item results' },
  conflicting_fields: { zh: '与其他字段相互矛盾', en: 'This field conflicts with another field' },
  invalid_value: { zh: '数值无效', en: 'Invalid value' },
  password_too_short: { zh: '密码至少 12 个字符', en: 'The password needs at least 12 characters' },
  password_too_long: { zh: '密码最多 128 个字符', en: 'The password may have at most 128 characters' },
  password_too_weak: { zh: '密码过于常见或容易猜测，请换用更长的短语', en: 'The password is common or easy to guess; use a longer phrase' },
  invalid_scope: { zh: '该角色不能在此范围内授予', en: 'This role cannot be granted in this scope' },
  outside_scope: { zh: '超出您的管辖或单位范围', en: 'Outside your district or organization' },
  instrument_scrapped: { zh: '器具已报废', en: 'The instrument has been scrapped' },
} as const;

export type FieldProblemCode = keyof typeof FIELD_PROBLEMS;

export interface FieldError {
  /** JSON pointer (RFC 6901) of the bad field, relative to the request body or row. */
  readonly pointer: string;
  readonly code: FieldProblemCode;
  readonly zh: string;
  readonly en: string;
  /** Specifics beyond the code's message (e.g. which expression token is wrong), in English. */
  readonly detail?: string;
}

export function fieldError(pointer: string, code: FieldProblemCode, detail?: string): FieldError {
  return { pointer, code, ...FIELD_PROBLEMS[code], ...(detail ? { detail } : {}) };
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly errors: readonly FieldError[] = [],
    readonly detail?: { zh: string; en: string },
    /** Extra members of the problem document (e.g. an import report). */
    readonly extensions?: Readonly<Record<string, unknown>>,
  ) {
    super(`${code}: ${ERROR_CATALOG[code].en}${errors.length ? ` (${errors.map((e) => `${e.pointer} ${e.code}`).join(', ')})` : ''}`);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_CATALOG[this.code].status;
  }
}

export function validationError(errors: readonly FieldError[]): AppError {
  return new AppError('JL_ERR_VALIDATION', errors);
}
