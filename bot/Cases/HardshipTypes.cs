using AssistBot.Knowledge.Text;

namespace AssistBot.Bot.Cases;

public static class HardshipTypes
{
    public static IReadOnlyList<HardshipType> All { get; } = Enum.GetValues<HardshipType>();

    public static string Label(this HardshipType type) => type switch
    {
        HardshipType.Illness => "因病",
        HardshipType.Disability => "因残",
        HardshipType.Education => "因学",
        HardshipType.Disaster => "因灾",
        HardshipType.Accident => "因意外事故",
        HardshipType.Unemployment => "因务工就业不稳/失业",
        HardshipType.LackOfLabour => "缺劳动力",
        HardshipType.Housing => "住房安全",
        HardshipType.DrinkingWater => "饮水安全",
        HardshipType.IncomeDrop => "产业失败/收入骤减",
        _ => "其他",
    };

    // Words people use for each cause, in their own language. Checked on text with spaces and punctuation removed.
    private static readonly (HardshipType Type, string[] Words)[] Keywords =
    [
        (HardshipType.Illness, ["因病", "生病", "得病", "大病", "重病", "住院", "看病", "医药费", "医疗费", "手术", "化疗", "癌", "肿瘤", "慢性病", "透析", "治病", "病了"]),
        (HardshipType.Disability, ["因残", "残疾", "残障", "瘫痪", "截肢", "失明", "残了"]),
        (HardshipType.Education, ["因学", "上学", "学费", "读书", "念书", "上大学", "生活费"]),
        (HardshipType.Disaster, ["因灾", "受灾", "灾害", "洪水", "水灾", "发大水", "淹了", "干旱", "旱灾", "冰雹", "台风", "地震", "泥石流", "山体滑坡", "雪灾", "冻灾"]),
        (HardshipType.Accident, ["意外", "车祸", "事故", "摔伤", "摔断", "烧伤", "火灾", "失火", "着火", "工伤"]),
        (HardshipType.Unemployment, ["失业", "没活干", "没有活干", "没工作", "没有工作", "找不到工作", "找不到活", "工厂倒闭", "厂子倒闭", "被辞", "裁员", "务工", "打不了工", "就业不稳", "没班上", "辞退", "被开除", "开除了", "下岗", "厂里不要", "丢了工作", "工作丢了", "没了工作"]),
        (HardshipType.LackOfLabour, ["缺劳动力", "缺劳力", "没劳力", "没有劳动力", "干不了活", "干不动", "没人干活", "孤寡", "独居"]),
        (HardshipType.Housing, ["住房", "房子塌", "房屋倒", "危房", "房子漏", "漏雨", "房子裂", "墙裂", "塌了", "倒塌", "没地方住", "房子坏"]),
        (HardshipType.DrinkingWater, ["饮水", "吃水", "喝水", "没水喝", "断水", "水质", "水井干", "自来水"]),
        (HardshipType.IncomeDrop, ["收入骤减", "收入少", "没收入", "没有收入", "收入减", "产业失败", "亏本", "亏了", "赔了", "减产", "绝收", "收成", "养殖", "猪瘟", "死了很多", "卖不出去", "卖不掉"]),
        (HardshipType.Other, ["其他", "其它"]),
    ];

    /// <summary>The causes a free-text description mentions (in enum order), e.g. "住院花了好几万" → 因病.</summary>
    public static IReadOnlyList<HardshipType> Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var compact = CaseText.Compact(text);
        var found = new List<HardshipType>();
        foreach (var (type, words) in Keywords)
            if (type != HardshipType.Other && words.Any(w => compact.Contains(w, StringComparison.Ordinal))) found.Add(type);
        return found;
    }

    /// <summary>
    /// Parses a choice of one or more causes: numbers from the list ("1、3", "一和三"), labels ("因病 住房安全")
    /// or plain words ("生病了房子也漏雨"). Null when nothing is recognised.
    /// </summary>
    public static IReadOnlyList<HardshipType>? ParseChoice(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var found = new SortedSet<HardshipType>();
        var compact = CaseText.Compact(text);

        // Labels first, so "因务工就业不稳/失业" is not read as numbers.
        foreach (var type in All)
        {
            var label = CaseText.Compact(type.Label());
            if (compact.Contains(label, StringComparison.Ordinal)) found.Add(type);
        }
        foreach (var type in Detect(text)) found.Add(type);
        if (compact.Contains("其他", StringComparison.Ordinal) || compact.Contains("其它", StringComparison.Ordinal)) found.Add(HardshipType.Other);

        if (found.Count == 0)
        {
            // Numbers: "1 3", "1、3", "1,3", "13"? (ambiguous: only 1..11 separated) – spoken digits allowed.
            var tokens = text.Replace("还有", " ", StringComparison.Ordinal).Split([' ', '、', ',', '，', '和', '跟', '及', ';', '；', '/', '.', '。'],
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var raw in tokens)
            {
                var token = raw.Trim('第', '项', '个', '选', '嗯');
                if (token.Length == 0 || IsFiller(token)) continue;
                if (ChineseNumber.TryParse(token, out var n) && n >= 1 && n <= All.Count && n == decimal.Truncate(n))
                    found.Add((HardshipType)(int)n);
                else return null;
            }
        }
        return found.Count == 0 ? null : found.ToList();
    }

    private static bool IsFiller(string token) => token is "那个" or "就是" or "是" or "我选" or "选择";
}
