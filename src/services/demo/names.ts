// Name and place tables of the demo Chongqing. Organisations other than well-known public owners
// (utilities, hospitals, oil majors) and all manufacturers are invented but shaped like real ones.

export interface DistrictProfile {
  /** Short name used inside organisation names (渝北, 石柱). */
  readonly short: string;
  /** Resident population, 10k (2020 census, rounded); the demo's size weight. */
  readonly population: number;
  /** Extra weight for commerce and traffic: main urban districts and regional centres. */
  readonly boost: number;
  /** Streets and towns (街道/镇) that appear in names and addresses. */
  readonly places: readonly string[];
  /** Letter of the local licence plates (渝A main urban, 渝F north-east, 渝G Fuling area, 渝H south-east). */
  readonly plate: string;
}

const MAIN = 1.45;
export const DISTRICT_PROFILES: Readonly<Record<string, DistrictProfile>> = {
  '500101': { short: '万州', population: 156.4, boost: 1.25, plate: 'F', places: ['高笋塘', '太白', '牌楼', '双河口', '龙都', '周家坝', '沙河', '钟鼓楼', '百安坝', '五桥', '陈家坝'] },
  '500102': { short: '涪陵', population: 115.5, boost: 1.1, plate: 'G', places: ['敦仁', '崇义', '荔枝', '江东', '李渡', '龙桥', '马武', '江北'] },
  '500103': { short: '渝中', population: 58.9, boost: 2.6, plate: 'A', places: ['解放碑', '七星岗', '上清寺', '大溪沟', '两路口', '化龙桥', '菜园坝', '南纪门', '朝天门', '石油路', '大坪'] },
  '500104': { short: '大渡口', population: 42.1, boost: 1.15, plate: 'A', places: ['新山村', '跃进村', '九宫庙', '茄子溪', '春晖路', '八桥', '建胜', '跳磴'] },
  '500105': { short: '江北', population: 92.6, boost: 1.75, plate: 'A', places: ['观音桥', '石马河', '大石坝', '五里店', '寸滩', '郭家沱', '铁山坪', '鱼嘴', '复盛', '华新街', '江北城'] },
  '500106': { short: '沙坪坝', population: 147.8, boost: MAIN, plate: 'A', places: ['小龙坎', '磁器口', '井口', '歌乐山', '山洞', '新桥', '天星桥', '土湾', '覃家岗', '陈家桥', '虎溪', '西永', '童家桥'] },
  '500107': { short: '九龙坡', population: 152.6, boost: MAIN, plate: 'A', places: ['杨家坪', '黄桷坪', '谢家湾', '石坪桥', '石桥铺', '中梁山', '渝州路', '二郎', '华岩', '西彭', '陶家', '白市驿', '含谷'] },
  '500108': { short: '南岸', population: 119.7, boost: MAIN, plate: 'A', places: ['铜元局', '花园路', '南坪', '海棠溪', '龙门浩', '弹子石', '南山', '天文', '鸡冠石', '峡口', '长生桥', '茶园'] },
  '500109': { short: '北碚', population: 83.4, boost: 1.15, plate: 'A', places: ['天生', '朝阳', '北温泉', '东阳', '龙凤桥', '歇马', '澄江', '蔡家岗', '童家溪', '水土', '静观'] },
  '500110': { short: '綦江', population: 101.1, boost: 1.0, plate: 'A', places: ['古南', '文龙', '三江', '万盛', '东溪', '赶水', '通惠', '南桐'] },
  '500111': { short: '大足', population: 83.5, boost: 1.0, plate: 'A', places: ['龙岗', '棠香', '龙滩子', '双路', '通桥', '智凤', '宝顶', '邮亭'] },
  '500112': { short: '渝北', population: 219.2, boost: MAIN, plate: 'A', places: ['双龙湖', '回兴', '鸳鸯', '翠云', '人和', '天宫殿', '龙溪', '龙山', '龙塔', '宝圣湖', '两路', '双凤桥', '悦来', '仙桃', '木耳', '统景', '洛碛'] },
  '500113': { short: '巴南', population: 117.9, boost: 1.15, plate: 'A', places: ['鱼洞', '龙洲湾', '李家沱', '花溪', '南泉', '一品', '界石', '木洞', '惠民'] },
  '500114': { short: '黔江', population: 48.7, boost: 1.05, plate: 'H', places: ['城东', '城南', '城西', '正阳', '舟白', '冯家', '濯水'] },
  '500115': { short: '长寿', population: 69.3, boost: 1.0, plate: 'G', places: ['凤城', '晏家', '江南', '渡舟', '新市', '葛兰', '菩提'] },
  '500116': { short: '江津', population: 135.9, boost: 1.05, plate: 'A', places: ['几江', '德感', '鼎山', '双福', '圣泉', '白沙', '珞璜', '油溪', '支坪'] },
  '500117': { short: '合川', population: 124.5, boost: 1.0, plate: 'A', places: ['合阳城', '钓鱼城', '南津街', '盐井', '草街', '云门', '大石', '太和'] },
  '500118': { short: '永川', population: 114.9, boost: 1.1, plate: 'A', places: ['中山路', '胜利路', '南大街', '茶山竹海', '大安', '陈食', '卫星湖', '朱沱'] },
  '500119': { short: '南川', population: 57.2, boost: 0.95, plate: 'A', places: ['东城', '南城', '西城', '三泉', '南平', '水江'] },
  '500120': { short: '璧山', population: 76.0, boost: 1.05, plate: 'A', places: ['璧城', '璧泉', '青杠', '来凤', '丁家', '大路', '河边', '广普'] },
  '500151': { short: '铜梁', population: 68.6, boost: 0.95, plate: 'A', places: ['巴川', '东城', '南城', '蒲吕', '旧县', '安居', '围龙'] },
  '500152': { short: '潼南', population: 68.9, boost: 0.9, plate: 'A', places: ['梓潼', '桂林', '双江', '柏梓', '太安', '塘坝'] },
  '500153': { short: '荣昌', population: 66.9, boost: 0.95, plate: 'A', places: ['昌元', '昌州', '广顺', '安富', '峰高', '双河', '清流'] },
  '500154': { short: '开州', population: 120.3, boost: 0.9, plate: 'F', places: ['汉丰', '文峰', '云枫', '镇东', '丰乐', '白鹤', '赵家', '临江'] },
  '500155': { short: '梁平', population: 64.6, boost: 0.9, plate: 'F', places: ['梁山', '双桂', '屏锦', '礼让', '仁贤', '明达'] },
  '500156': { short: '武隆', population: 35.7, boost: 0.95, plate: 'G', places: ['凤山', '芙蓉', '仙女山', '白马', '江口', '火炉'] },
  '500229': { short: '城口', population: 19.8, boost: 0.85, plate: 'F', places: ['葛城', '复兴', '巴山', '坪坝', '修齐'] },
  '500230': { short: '丰都', population: 55.7, boost: 0.85, plate: 'G', places: ['三合', '名山', '虎威', '社坛', '龙河', '高家'] },
  '500231': { short: '垫江', population: 65.4, boost: 0.9, plate: 'G', places: ['桂溪', '桂阳', '新民', '澄溪', '高安', '沙坪'] },
  '500233': { short: '忠县', population: 72.1, boost: 0.85, plate: 'F', places: ['忠州', '白公', '新生', '拔山', '石宝', '乌杨'] },
  '500235': { short: '云阳', population: 92.9, boost: 0.85, plate: 'F', places: ['青龙', '双江', '人和', '盘龙', '南溪', '江口'] },
  '500236': { short: '奉节', population: 74.5, boost: 0.85, plate: 'F', places: ['永安', '夔门', '鱼复', '白帝', '草堂', '朱衣'] },
  '500237': { short: '巫山', population: 46.3, boost: 0.85, plate: 'F', places: ['高唐', '龙门', '庙宇', '大昌', '福田', '官渡'] },
  '500238': { short: '巫溪', population: 38.8, boost: 0.85, plate: 'F', places: ['柏杨', '城厢', '凤凰', '宁厂', '上磺', '文峰'] },
  '500240': { short: '石柱', population: 38.9, boost: 0.85, plate: 'H', places: ['南宾', '万安', '下路', '西沱', '悦崃', '临溪'] },
  '500241': { short: '秀山', population: 48.6, boost: 0.85, plate: 'H', places: ['中和', '乌杨', '平凯', '清溪场', '洪安', '石耶'] },
  '500242': { short: '酉阳', population: 60.8, boost: 0.85, plate: 'H', places: ['桃花源', '钟多', '龙潭', '麻旺', '酉酬', '李溪'] },
  '500243': { short: '彭水', population: 49.8, boost: 0.85, plate: 'H', places: ['汉葭', '绍庆', '靛水', '保家', '郁山', '高谷'] },
};

/** The nine districts of the main urban area (主城区). */
export const MAIN_URBAN = new Set(['500103', '500104', '500105', '500106', '500107', '500108', '500109', '500112', '500113']);

// Common surnames, most frequent first (with some south-western ones: 谭, 冉, 向, 牟).
export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗',
  '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧', '程', '曹', '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕',
  '苏', '卢', '蒋', '蔡', '贾', '丁', '魏', '薛', '叶', '阎', '余', '潘', '杜', '戴', '夏', '钟', '汪', '田', '任', '姜',
  '范', '方', '石', '姚', '谭', '廖', '邹', '熊', '金', '陆', '郝', '孔', '白', '崔', '康', '毛', '邱', '秦', '江', '史',
  '顾', '侯', '邵', '孟', '龙', '万', '段', '雷', '钱', '汤', '尹', '黎', '易', '常', '武', '乔', '贺', '赖', '龚', '文',
  '冉', '向', '牟', '蒲', '税', '母', '付', '晏', '瞿', '况',
] as const;

export const GIVEN_NAMES = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平',
  '刚', '桂英', '建华', '文', '华', '红', '志强', '俊', '鹏', '丹', '萍', '婷', '宇', '浩', '凯', '林', '晨', '欣怡', '雪',
  '琳', '波', '斌', '宏', '鑫', '亮', '成', '庆', '渝', '建国', '建军', '海燕', '小红', '晓东', '晓燕', '德明', '正华',
  '玉兰', '春梅', '国强', '永刚', '光明', '世平', '家兴', '思远', '子涵', '雨桐', '梓轩', '一鸣', '嘉怡', '俊杰', '天宇',
  '明辉', '学文', '兴旺', '长江', '川', '巍', '昊', '倩', '蕾', '颖', '瑶', '莉', '燕', '兵', '彬', '毅', '露', '楠',
] as const;

/** Trade names (字号) for invented companies. */
export const TRADE_NAMES = [
  '鑫源', '恒通', '华宇', '金鼎', '渝丰', '川江', '嘉陵', '巴渝', '山城', '渝州', '龙腾', '瑞丰', '德润', '宏达', '兴旺',
  '永盛', '顺发', '汇通', '天成', '中联', '富民', '佳和', '新天地', '长丰', '锦程', '和顺', '盛华', '广源', '鸿运', '泰和',
  '中渝', '渝兴', '金科源', '蓝天', '绿源', '盛世', '同创', '博远', '宏图', '昌隆', '聚福', '万家', '百盛源', '东升', '西城',
  '南方', '北辰', '三峡', '乌江', '綦河', '缙云', '歌乐', '朝天', '两江', '江源', '渝信', '凯达', '立信', '诚信', '华夏',
  '聚源', '益民', '安康', '利民', '众鑫', '兴渝', '金港', '银河', '华美', '隆昌', '恒达', '润泽', '正通', '创新', '宏盛',
] as const;

/** Road-name endings combined with a place name (两路正街, 回兴大道). */
export const ROAD_SUFFIXES = ['大道', '路', '正街', '北路', '南路', '中路', '东路', '西路', '街', '支路'] as const;

export const COMMUNITIES = [
  '阳光水岸', '金色港湾', '锦绣江南', '翠云山庄', '渝景新城', '嘉陵雅苑', '江山印象', '兰亭水岸', '紫薇花园', '龙湾小区',
  '幸福家园', '和谐家园', '滨江花园', '翠湖苑', '春江明月', '山水华府', '天誉城', '金沙湾', '桂花苑', '学府小区',
  '丽景湾', '御景园', '新村小区', '电力小区', '供销社宿舍', '教师新村', '农机宿舍', '棉纺厂宿舍', '钢花新村', '水岸名都',
  '江岸佳园', '碧桂新城', '佳兆苑', '半山国际', '公园大道', '城市花园', '映山红小区', '长江明珠', '锦华苑', '月光城',
] as const;

export const SHOP_KINDS = [
  '水果店', '干杂店', '鲜肉店', '粮油店', '蔬菜店', '便利店', '茶叶店', '副食店', '冷鲜肉店', '豆制品店', '水产店',
  '熟食店', '糕点店', '烧腊店', '禽蛋店', '调料店', '火锅底料店', '中药材店', '坚果炒货店', '土特产店',
] as const;

export const INDUSTRIES = [
  '机械制造', '汽车零部件', '摩托车配件', '化工', '食品', '制药', '建材', '电子科技', '玻璃', '钢结构', '热力', '酿造',
  '火锅食品', '印务', '包装材料', '铝业', '新材料', '环保科技', '精密铸造', '纺织', '饲料', '锅炉', '气体', '陶瓷',
] as const;

/** Large hospitals (real names), by district; they own many sphygmomanometers. */
export const MAJOR_HOSPITALS: readonly { readonly name: string; readonly district: string }[] = [
  { name: '重庆医科大学附属第一医院', district: '500103' },
  { name: '重庆医科大学附属第二医院', district: '500103' },
  { name: '重庆医科大学附属儿童医院', district: '500103' },
  { name: '重庆市急救医疗中心', district: '500103' },
  { name: '重庆市人民医院', district: '500112' },
  { name: '重庆市妇幼保健院', district: '500112' },
  { name: '重庆市中医院', district: '500105' },
  { name: '重庆市第五人民医院', district: '500108' },
  { name: '重庆市第九人民医院', district: '500109' },
  { name: '重庆大学附属肿瘤医院', district: '500106' },
  { name: '重庆医科大学附属大学城医院', district: '500106' },
  { name: '重庆三峡中心医院', district: '500101' },
  { name: '重庆大学附属涪陵医院', district: '500102' },
  { name: '重庆医科大学附属永川医院', district: '500118' },
];

export const HOSPITAL_DEPARTMENTS = [
  '心血管内科', '内分泌科', '急诊科', '全科医学科', '神经内科', '肾内科', '老年病科', '体检中心', '普外科', '儿科',
  '妇产科', '呼吸内科', '消化内科', '骨科', '门诊部', '发热门诊', '手术室', '重症医学科', '康复医学科', '中医科',
] as const;

export const PLANT_SITES = [
  '空压站1号储气罐', '空压站2号储气罐', '锅炉房蒸汽锅炉', '锅炉房分汽缸', '换热站', '液压站', '冷却水泵房', '氮气站',
  '喷涂车间', '冲压车间液压机', '机加车间', '污水处理站', '制氧站', '反应釜区', '灌装线', '蒸煮车间', '消防泵房',
] as const;
