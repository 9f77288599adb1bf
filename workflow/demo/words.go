package demo

// The word lists demo records are built from. They stay in source order:
// the generator picks from them with a seeded source, so a list that
// changed order would change every database built with the same seed.

// city is a Liaoning city with its telephone area code, the length of
// its local numbers and a few districts.
type city struct {
	name      string
	area      string
	digits    int
	districts []string
}

var cities = []city{
	{"沈阳", "024", 8, []string{"铁西区", "大东区", "浑南区", "于洪区", "沈北新区"}},
	{"大连", "0411", 8, []string{"甘井子区", "金州区", "沙河口区", "旅顺口区"}},
	{"鞍山", "0412", 7, []string{"铁东区", "铁西区", "立山区", "千山区"}},
	{"抚顺", "024", 8, []string{"望花区", "顺城区", "新抚区"}},
	{"本溪", "024", 8, []string{"平山区", "溪湖区", "明山区"}},
	{"丹东", "0415", 7, []string{"振兴区", "元宝区", "振安区"}},
	{"锦州", "0416", 7, []string{"太和区", "古塔区", "凌河区"}},
	{"营口", "0417", 7, []string{"站前区", "西市区", "鲅鱼圈区", "老边区"}},
	{"阜新", "0418", 7, []string{"海州区", "细河区", "太平区"}},
	{"辽阳", "0419", 7, []string{"白塔区", "文圣区", "宏伟区", "太子河区"}},
	{"盘锦", "0427", 7, []string{"兴隆台区", "双台子区", "大洼区"}},
	{"铁岭", "024", 8, []string{"银州区", "清河区"}},
	{"朝阳", "0421", 7, []string{"双塔区", "龙城区"}},
	{"葫芦岛", "0429", 7, []string{"连山区", "龙港区", "南票区"}},
}

// brandChars make two-character trade names (恒达, 鑫盛, 宏远 …).
var brandChars = []string{
	"恒", "达", "鑫", "盛", "宏", "远", "华", "兴", "隆", "泰", "昌", "丰", "瑞", "祥", "金", "通",
	"永", "利", "汇", "源", "信", "诚", "正", "大", "广", "宇", "中", "北", "新", "德", "安", "顺",
	"辽", "东", "海", "峰", "鼎", "益", "博", "创",
}

// trade is a line of business: the company-name word and what they make.
type trade struct {
	word     string
	produces []string
	families []int // indexes into families: what they usually buy
}

var trades = []trade{
	{"重工机械", []string{"矿山机械", "破碎设备", "减速机"}, []int{famPlate, famHeavyPlate, famRound}},
	{"机械制造", []string{"通用机械零部件", "液压件", "传动轴"}, []int{famRound, famPipe, famPlate}},
	{"钢结构工程", []string{"厂房钢结构", "网架", "桥梁钢构件"}, []int{famHBeam, famAngle, famChannel, famHeavyPlate}},
	{"建筑安装工程", []string{"工业厂房安装", "管道安装"}, []int{famRebar, famAngle, famPipe}},
	{"锅炉容器", []string{"压力容器", "换热器", "工业锅炉"}, []int{famHeavyPlate, famPipe, famStainless}},
	{"汽车零部件", []string{"汽车冲压件", "底盘件", "支架"}, []int{famCold, famPlate}},
	{"农机制造", []string{"收割机配件", "播种机", "农机具"}, []int{famPlate, famRound, famAngle}},
	{"石化设备", []string{"储罐", "管廊", "石化装置配件"}, []int{famPipe, famHeavyPlate, famStainless}},
	{"船舶配套", []string{"船用舾装件", "甲板机械"}, []int{famHeavyPlate, famAngle}},
	{"电力设备", []string{"输电铁塔", "变压器油箱", "开关柜"}, []int{famAngle, famCold, famGalv}},
	{"五金制品", []string{"紧固件", "五金工具", "弹簧"}, []int{famRound, famCold}},
	{"门窗幕墙", []string{"钢制门窗", "幕墙龙骨"}, []int{famCold, famGalv}},
	{"暖通设备", []string{"散热器", "风管", "空调机组外壳"}, []int{famGalv, famCold, famPipe}},
	{"食品机械", []string{"不锈钢罐体", "食品输送设备"}, []int{famStainless}},
	{"矿山设备", []string{"刮板输送机", "支护设备"}, []int{famHeavyPlate, famRound, famChannel}},
	{"物流装备", []string{"货架", "托盘", "集装箱配件"}, []int{famCold, famChannel, famGalv}},
	{"模具", []string{"冲压模具", "注塑模架"}, []int{famRound, famHeavyPlate}},
	{"建材", []string{"彩钢板", "轻钢龙骨"}, []int{famGalv, famCold}},
}

// suffixes end a full legal name.
var suffixes = []string{"有限公司", "有限公司", "有限公司", "有限责任公司", "股份有限公司"}

// suppliers are mills and dealers a customer may already buy from.
var suppliers = []string{
	"鞍钢股份", "本钢板材", "凌源钢铁", "通化钢铁", "东北特钢", "新抚钢", "营口中板",
	"沈阳钢材市场经销商", "天津钢管经销商", "太钢不锈经销商", "首钢京唐",
}

var surnames = []string{
	"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡",
	"郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "韩", "冯", "于", "董", "曹",
}

var givenNames = []string{
	"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明",
	"超", "秀英", "建国", "志刚", "海燕", "国庆", "晓东", "红梅", "春雨", "立新", "振华",
}

// titles go after a surname when the file keeps only the contact's role.
var titles = []string{"经理", "总", "科长", "主任", "部长"}

var streets = []string{
	"建设路", "工业街", "北海路", "沈辽路", "开发大道", "兴工街", "创业路", "滨河路",
	"和平大街", "解放路", "钢铁路", "机电路", "胜利路", "新华街",
}

// mobilePrefixes start a mainland mobile number.
var mobilePrefixes = []string{"130", "131", "132", "135", "136", "138", "139", "150", "151", "155", "158", "159", "186", "187", "189"}

// visitNotes are what a rep writes after a visit, call or after-sales
// contact; %s is a grade and spec they buy.
var visitNotes = []struct{ kind, text string }{
	{"visit", "拜访采购部,了解下季度%s需求,对方要求月底前报价"},
	{"visit", "陪同主管拜访,客户计划扩产,%s用量预计增加三成"},
	{"visit", "现场查看库房,%s库存不足半月用量"},
	{"call", "电话回访,客户对上批%s交期满意"},
	{"call", "客户来电询问%s到货时间,已协调仓库"},
	{"call", "提醒客户对账单已寄出,请财务核对"},
	{"after_sales", "客户反映%s表面有锈,已拍照转质检,约定下周答复"},
	{"after_sales", "上批%s尺寸偏差,已安排退换,客户认可处理方案"},
}

// termsReasons explain a request for monthly terms or more credit.
var termsReasons = []string{
	"合作满一年,回款及时,申请月结",
	"客户年采购量超过两千吨,申请月结",
	"客户订单增加,原额度不足,申请提高信用额度",
	"国企客户,付款流程固定,申请月结",
}

// creditSteps are the credit limits a monthly customer gets, in yuan.
var creditSteps = []int64{200_000, 300_000, 500_000, 800_000, 1_000_000, 1_500_000, 2_000_000, 3_000_000, 5_000_000}
