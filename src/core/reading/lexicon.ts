// Word lists, as data. Each list is matched longest-first where order matters.

/** Qualifiers written before a figure. */
export const QUALIFIERS_BEFORE = [
  "不少于", "不低于", "不超过", "不高于", "不多于", "超过", "高于", "低于", "达到", "控制在",
  "稳定在", "保持在", "力争", "确保", "约", "近", "共", "累计", "达",
];
/** Qualifiers written after a figure. */
export const QUALIFIERS_AFTER = ["以上", "以下", "以内", "左右", "多", "余"];

/** Ceiling qualifiers: lower is better (控制在4.5%以内). */
export const CEILING = ["以内", "以下", "不超过", "不高于", "控制在", "低于", "不多于"];
/** "About": a rate target with these allows a small shortfall. */
export const ABOUT = ["左右", "约", "近"];

/** Words just before a percentage that make it a growth target (增长8%以上). */
export const GROWTH_WORDS = ["增长", "增幅", "提高", "提升", "增加", "上升", "同比增长"];

/**
 * Reported completion rates: words that, right before a percentage, say the completion itself
 * (完工率71.6%, 完成任务77.8%, 完成目标任务的98%, 占年度计划的60%). Regex sources, tried in order.
 */
export const REPORTED_RATE_PATTERNS: { id: string; source: string; stage: "done" | "started" }[] = [
  { id: "reported-task-share", source: String.raw`(?:完成|达到|实现)(?:了)?(?:全年|年度|全年度|年)?(?:目标)?(?:任务|计划|目标)(?:数)?(?:的)?` , stage: "done" },
  { id: "reported-share-of-plan", source: String.raw`(?:占|为|相当于)(?:全年|年度|全年度|年)?(?:目标)?(?:任务|计划|目标|预算)[\u4e00-\u9fff]{0,6}?(?:的)?`, stage: "done" },
  { id: "reported-rate", source: String.raw`(?:任务|投资|培训|工程|项目|建设|计划|年度|总体|资金支出|资金拨付|整体)?(?:完成率|完工率|建成率|完成比例|完成进度|执行率|完成比率)(?:为|达|达到|已达)?`, stage: "done" },
  { id: "reported-work-share", source: String.raw`(?:已)?完成(?:了)?(?:总|全部|计划)?(?:工程量|工作量|任务量|投资|建设任务|建设内容|进度)(?:的)?`, stage: "done" },
  { id: "reported-physical-progress", source: String.raw`(?:工程|项目|总体|整体)?形象进度(?:为|达|达到|已达)?|(?:工程|项目|施工|建设|总体|整体)进度(?:为|达|达到|已达)`, stage: "done" },
  { id: "reported-bare", source: String.raw`(?:已|累计|共)?完成(?:了)?`, stage: "done" },
  { id: "reported-start-rate", source: String.raw`(?:项目|工程)?开工率(?:为|达|达到)?`, stage: "started" },
];

/** Verbs of achievement before an actual figure (完成, 完工, 建成…). */
export const DONE_VERBS = [
  "完成", "完工", "建成", "竣工", "实现", "发放", "培训", "救助", "保障", "资助", "办理", "开展",
  "新增", "新建", "改造", "实施", "达到", "达", "累计", "共", "已", "惠及", "招募", "设置", "安置",
  "接种", "检查", "筛查", "开发", "组织", "投入", "拨付", "支出", "覆盖", "打造", "培育", "认定",
];

/** Verbs that say work started, not finished. */
export const START_VERBS = ["新开工", "开工", "动工", "开建", "启动"];
/** Verbs that say work finished (they override a start verb in the same clause). */
export const FINISH_VERBS = ["完工", "建成", "竣工", "完成", "交付", "投用", "投入使用"];

/** Words before a figure in a progress text that make it a plan, not an achievement. */
export const FUTURE_WORDS = ["计划", "预计", "拟", "力争", "争取", "将", "预期", "年底前", "年内", "目标"];
/** Words before a figure that mark an extra, not-yet-counted amount (另外150人…等待考试). */
export const ASIDE_WORDS = ["另外", "另有", "此外"];

/** Words that make figures in their clause standards of support, not targets (每人每月60元). */
export const STANDARD_WORDS = [
  "每人每月", "每人每年", "每人每天", "每户每年", "每户", "每人", "每月", "每年", "每亩", "每平方米",
  "标准", "按照", "予以报销", "报销比例分别", "补助比例", "分别不超过",
];
/** Planning documents: a count of these is not a count of the target's objects. */
export const PLAN_OBJECTS = ["规划", "方案", "计划", "设计", "招标文件", "可研", "预算", "清单"];

/** Qualitative cues read from the progress text. `neg` lists words that, just before, cancel. */
export const CUES: { kind: "done" | "exceeded" | "not_started" | "preparing" | "behind"; words: string[] }[] = [
  {
    // The bulletin's own admission that the work is behind schedule.
    kind: "behind",
    words: [
      "滞后于序时进度", "慢于序时进度", "低于序时进度", "落后于序时进度", "未达到序时进度", "未达序时进度",
      "进度滞后", "进展滞后", "进度偏慢", "进展缓慢", "推进缓慢", "严重滞后", "相对滞后", "进度较慢",
    ],
  },
  { kind: "exceeded", words: ["超额完成"] },
  {
    kind: "done",
    words: [
      "全部完成", "全面完成", "已全部完成", "均已完成", "提前完成", "已完成全年任务", "已完成年度任务",
      "已完成全年目标任务", "已完成年度目标任务", "完成全年目标任务", "完成年度目标任务", "已全部建成",
      "全部建成", "已全部竣工", "全部竣工", "已全部拨付", "全部拨付到位", "已拨付到位", "已全部发放",
      "全部发放到位", "已发放到位", "已竣工", "全部完工", "已全部完工", "实现全覆盖", "已全覆盖", "全面覆盖", "已全面实现",
      "年度任务已完成", "全年任务已完成", "目标任务已完成", "任务已全部完成", "已完成年度目标", "已完成全年目标",
      "已建成投用", "已投入使用", "已建成并投入使用", "并投入使用", "投入使用", "交付使用", "已竣工验收", "已完成验收",
    ],
  },
  {
    kind: "not_started",
    words: [
      "尚未开展", "尚未开工", "尚未启动", "尚未实施", "未开展", "未开工", "未启动", "暂未开展", "暂未",
      "还未", "没有开展", "尚未", "未实施", "停滞",
    ],
  },
  {
    kind: "preparing",
    words: [
      "正在进行施工招投标", "正在招投标", "正在招标", "招投标", "正在立项", "立项中", "方案已批复",
      "前期工作", "正在编制", "即将开工", "近期将", "待开工", "正在设计", "完成招标文件", "招标文件编制",
      "正在选址", "正在筹备", "正在调研", "拟开工", "已完成招标", "完成招标", "施工前准备", "开工前准备",
      "前期准备", "正在准备", "准备工作", "正在办理", "正在审批", "待审批", "正在对接",
      "施工招标", "进行招标", "招标中", "挂网招标", "正在招商", "正在征迁", "正在征地",
    ],
  },
];
/** Words just before a "behind" cue that deny it (无进度滞后情况, 未出现推进缓慢). */
export const BEHIND_NEGATORS = ["无", "没有", "未", "不存在", "未出现", "避免", "防止", "不"];
/** Words earlier in a done cue's clause that limit it to a part of the works (主体已完工). */
export const CUE_PART = ["主体", "部分", "一期", "土建", "基础", "结构", "外立面", "首批", "第一批"];
/** Words just before a cue that make it a wish, not a fact (可完成全年任务, 将全面完成). */
export const CUE_NEGATORS = ["可", "将", "预计", "力争", "争取", "确保", "计划", "能", "有望", "未", "尚未"];
/** Plan words anywhere earlier in a done cue's clause (预计年底前全部完成, 力争10月底前全面完成). */
export const CUE_FUTURE = ["预计", "计划", "力争", "争取", "有望", "确保", "年底前", "年内", "将于", "拟"];
