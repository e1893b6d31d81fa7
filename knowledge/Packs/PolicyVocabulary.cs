namespace AssistBot.Knowledge.Packs;

/// <summary>
/// The topic and aspect ids an entry may declare (the shared vocabulary of issue 12). Kept minimal here so
/// <c>knowledge check</c> can validate the two fields; the understanding engine's vocabulary data files replace it.
/// </summary>
public static class PolicyVocabulary
{
    public static readonly IReadOnlySet<string> Topics = new HashSet<string>(StringComparer.Ordinal)
    {
        "小额信贷", "雨露计划", "教育资助", "先诊疗后付费", "医疗保障", "防返贫监测", "监测收入线", "自主申报", "风险消除", "低保", "特困",
        "临时救助", "兜底保障", "危房改造", "饮水安全", "安置点", "产业奖补", "产业发展", "衔接资金", "光伏", "消费帮扶", "就业",
        "公益性岗位", "帮扶车间", "技能培训", "创业", "集体经济", "项目资产", "驻村帮扶", "帮扶责任人", "过渡期政策", "热线12317", "防贫保",
        "乡风文明", "信访", "工作机制",
    };

    /// <summary>In the order the contract lists them: what, who, how much, how long, when, where, how, limits, if, how often, targets.</summary>
    public static readonly IReadOnlyList<string> Aspects =
        ["是什么", "对象条件", "金额标准", "期限", "时间", "地点", "办理", "限制", "后果", "频次", "目标任务"];
}
