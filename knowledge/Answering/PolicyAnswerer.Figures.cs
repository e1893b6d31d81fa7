using AssistBot.Knowledge.Packs;
using AssistBot.Knowledge.Search;
using AssistBot.Knowledge.Text;
using AssistBot.Knowledge.Understanding;

namespace AssistBot.Knowledge.Answering;

/// <summary>Figures a yes/no question asks to confirm ("在岗20天吗"), checked against the answer.</summary>
public sealed partial class PolicyAnswerer
{
    /// <summary>A number the question asks to confirm ("在岗20天吗", "能给到三万吗") that the answer does not contain.</summary>
    internal static string? UnconfirmedFigure(string folded, string answer)
    {
        for (var i = 0; i < folded.Length; i++)
        {
            string? number = null;
            var start = i;
            if (char.IsAsciiDigit(folded[i]))
            {
                while (i < folded.Length && (char.IsAsciiDigit(folded[i]) || folded[i] == '.')) i++;
                number = folded[start..i];
            }
            else if (SmallNumeral.Contains(folded[i]))
            {
                while (i < folded.Length && SmallNumeral.Contains(folded[i])) i++;
                number = ChineseNumber.RecognizeExact(folded[start..i])?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            if (number is null || i >= folded.Length || !FigureUnits.Contains(folded[i])) { i = Math.Max(i, start); continue; }
            if (number is "12317" or "1") continue; // the hotline; "一次" is how a frequency is asked, not a figure
            // "六成" is how people say 60%.
            if (folded[i] == '成' && int.TryParse(number, out var tenths) && tenths < 10) number = (tenths * 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var at = answer.IndexOf(number, StringComparison.Ordinal);
            var stated = false;
            while (at >= 0)
            {
                var before = at > 0 ? answer[at - 1] : ' ';
                var after = at + number.Length < answer.Length ? answer[at + number.Length] : ' ';
                if (!char.IsAsciiDigit(before) && !char.IsAsciiDigit(after) && after != '.') { stated = true; break; }
                at = answer.IndexOf(number, at + 1, StringComparison.Ordinal);
            }
            if (!stated && !answer.Contains(folded.Substring(start, Math.Min(2, folded.Length - start)), StringComparison.Ordinal)
                && !StatesABound(answer, folded[i]) && !(MoneyUnits.Contains(folded[i]) && MoneyUnits.Any(u => StatesABound(answer, u))))
                return folded.Substring(start, i - start + 1);
        }
        return null;
    }

    /// <summary>
    /// "禹州2026年的监测收入线是多少" answered by an entry that states its figures for other years (2023年 7500元): the year
    /// asked ("2026年") when the entry names years but not that one; null when no year is asked or the entry names none
    /// (a rule without a year holds every year) or names it.
    /// </summary>
    internal static string? OtherYearsOnly(string folded, PolicyEntry entry)
    {
        for (var i = 0; i + 4 < folded.Length; i++)
        {
            if (folded[i] != '2' || folded[i + 1] != '0' || !char.IsAsciiDigit(folded[i + 2]) || !char.IsAsciiDigit(folded[i + 3])
                || folded[i + 4] != '年' || (i > 0 && char.IsAsciiDigit(folded[i - 1])))
                continue;
            var year = folded.Substring(i, 4);
            bool Names(string text) => text.Contains(year, StringComparison.Ordinal);
            bool NamesAYear(string text) => YearPattern().IsMatch(text);
            if (Names(entry.Answer) || Names(entry.Title) || Names(entry.Source)) return null;
            return NamesAYear(entry.Answer) || NamesAYear(entry.Title) ? year + "年" : null;
        }
        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex("20[0-9]{2}年")]
    private static partial System.Text.RegularExpressions.Regex YearPattern();

    /// <summary>Words that ask for a share ("报销百分之多少", "贴息比例", "能报几成").</summary>
    private static readonly string[] ShareWords = ["百分之", "%", "比例", "几成", "多少成"];

    /// <summary>
    /// "先诊疗后付费住院能报销百分之多少" of an entry that states no share (no %, 百分之 or 成 after a number) and does not
    /// speak of the share either ("比例以本县为准"): the share asked, else null.
    /// </summary>
    internal static string? UnstatedShare(string folded, string answer)
    {
        var asked = ShareWords.FirstOrDefault(w => folded.Contains(w, StringComparison.Ordinal));
        if (asked is null) return null;
        // "住院报销比例是多少", "出院自己要付百分之多少" of an entry whose shares are targets (履约率100%): a share of the
        // reimbursement or of what one pays is stated only in a sentence that speaks of 报销 or of paying oneself.
        if (folded.Contains("报" + asked, StringComparison.Ordinal) || WordList.AnyIn(folded, PaidShareAsked))
        {
            foreach (var sentence in answer.Split(SentenceEnds))
                if ((sentence.Contains('报') || WordList.AnyIn(sentence, PaidShareSaid)) && StatesShare(sentence)) return null;
            return asked;
        }
        return StatesShare(answer) ? null : asked;
    }

    /// <summary>Words asking the share reimbursed or paid oneself (抱销: a common slip for 报销).</summary>
    private static readonly string[] PaidShareAsked = ["报销", "抱销", "自付", "自己付", "要付", "自己出", "自己掏"];

    /// <summary>Words of a sentence that speaks of what one pays.</summary>
    private static readonly string[] PaidShareSaid = ["自付", "个人负担", "自己"];

    /// <summary>A share in the text: %, 百分之, 比例, or a number before 成.</summary>
    private static bool StatesShare(string text)
    {
        if (text.Contains('%') || text.Contains("百分之", StringComparison.Ordinal) || text.Contains("比例", StringComparison.Ordinal))
            return true;
        for (var i = 1; i < text.Length; i++)
            if (text[i] == '成' && (char.IsAsciiDigit(text[i - 1]) || SmallNumeral.Contains(text[i - 1]))) return true;
        return false;
    }

    /// <summary>Words that ask for a sum of money ("一个月工资多少", "有补贴不"), as opposed to a count or a standard.</summary>
    private static readonly string[] MoneyWords = ["工资", "钱", "补贴", "补助", "块", "元", "收入"];

    /// <summary>Words of <see cref="CostOrBenefitWords"/> that ask what the farmer gets.</summary>
    private static readonly string[] BenefitWords = ["补贴", "补助", "工资", "奖金"];

    /// <summary>Words of <see cref="CostOrBenefitWords"/> that ask what the farmer pays, not what they get.</summary>
    private static readonly string[] CostWords = ["价钱", "掏钱", "交钱", "出钱", "花钱", "收费", "收钱", "要钱", "学费", "保费", "话费", "交多少"];

    /// <summary>
    /// Money asked with no aspect word: whether something pays ("培训有补贴不") or costs ("签家庭医生要不要交钱"). Not a
    /// bare 钱 or 收入, which as often tell the situation ("冇收入", "想挣点钱").
    /// </summary>
    private static readonly string[] CostOrBenefitWords = [.. BenefitWords, .. CostWords]; // declared after its parts: static fields initialise in order

    /// <summary>The word is in the question as money: 块 only after a number ("几块", "三百块"), not in "这块", "一块".</summary>
    private static bool AsksMoneyWord(string folded, string word)
    {
        if (word != "块") return folded.Contains(word, StringComparison.Ordinal);
        for (var at = folded.IndexOf('块'); at > 0; at = folded.IndexOf('块', at + 1))
            if (char.IsAsciiDigit(folded[at - 1]) || "几少两二三四五六七八九十百千万".Contains(folded[at - 1])) return true;
        return false;
    }

    /// <summary>
    /// An answer with one of these speaks of money or a standard, even without a sum. Not a bare 费, which is in policy
    /// names (先诊疗后付费, 消费帮扶) that say nothing of what anything costs.
    /// </summary>
    private static readonly string[] SpeaksOfMoney = ["标准", "元", "钱", "补贴", "补助", "资金", "奖补", "工资", "报销", "免费", "学费", "费用", "收费", "税费", "自付", "数字", "收入"];

    /// <summary>
    /// "公益岗一个月工资多少" answered by an entry whose only figures are people or tasks (1.4万人, 2030人): the question
    /// asks for money and the answer states no sum of money (a number followed by 元/块, or 万/千 not counting people or
    /// things). Returns the money word asked, or null when no money is asked or the answer states a sum or speaks of money.
    /// </summary>
    internal static string? UnstatedMoney(string folded, string answer) =>
        (AskedCost(folded) ?? AskedMoneyWord(folded, MoneyWords)) is { } asked && LeavesMoneyUnsaid(answer, asked) ? asked : null;

    /// <summary>
    /// What the farmer pays, when asked ("家庭医生签约要交钱吗，交多少", "防贫保要交多少保费"): an answer speaking only of
    /// money paid out (报销) or a standard does not say it. Not 花钱, which as often tells spending ("看病花钱太多",
    /// "衔接资金花钱进度").
    /// </summary>
    private static string? AskedCost(string folded)
    {
        foreach (var word in CostWords)
            if (word != "花钱" && AsksMoneyWord(folded, word)) return word;
        return null;
    }

    /// <summary>The money word tells what was spent ("花钱太多", "花了钱"), a hardship rather than a cost asked.</summary>
    private static bool ToldAsSpent(string folded, string word)
    {
        var at = folded.IndexOf(word, StringComparison.Ordinal) + word.Length;
        return at >= word.Length && at < folded.Length && folded[at] is '多' or '太' or '了' or '得' or '一';
    }

    /// <summary>The first of the words (<see cref="MoneyWords"/>, <see cref="CostOrBenefitWords"/>) the question asks as money.</summary>
    private static string? AskedMoneyWord(string folded, string[] words)
    {
        foreach (var word in words) if (AsksMoneyWord(folded, word)) return word;
        return null;
    }

    /// <summary>
    /// The answer states no sum and says nothing of money: not the word asked, nor any word that speaks of money
    /// ("补助标准各省不同，以本县通知为准" speaks of the money asked, honestly, without a figure).
    /// </summary>
    private static bool LeavesMoneyUnsaid(string answer, string asked)
    {
        if (StatesMoney(answer) || answer.Contains(asked, StringComparison.Ordinal)) return false;
        // "签家庭医生要不要交钱": what the farmer pays. An answer speaking of money paid out (报销, 补贴) says nothing of it.
        foreach (var word in Array.IndexOf(CostWords, asked) >= 0 ? SpeaksOfCost : SpeaksOfMoney)
            if (answer.Contains(word, StringComparison.Ordinal)) return false;
        return true;
    }

    /// <summary>An answer with one of these says what something costs, or that it is free.</summary>
    private static readonly string[] SpeaksOfCost = ["免费", "收费", "费用", "自付", "学费", "押金", "不用交", "不交", "交钱", "掏钱", "出钱", "税费", "不要钱", "个人负担", "自己该付", "资助参保", "代缴"];

    private static bool StatesMoney(string answer)
    {
        for (var i = 0; i < answer.Length; i++)
        {
            if (!char.IsAsciiDigit(answer[i]) && !SmallNumeral.Contains(answer[i])) continue;
            var j = i + 1;
            while (j < answer.Length && (char.IsAsciiDigit(answer[j]) || answer[j] == '.' || SmallNumeral.Contains(answer[j]) || answer[j] is '百' or '千' or '万' or '亿')) j++;
            if (j < answer.Length && answer[j] is '元' or '块') return true;
            if (answer[j - 1] is '万' or '亿' && (j >= answer.Length || !"人户个名家所亩村处座套间".Contains(answer[j]))) return true;
            i = j;
        }
        return false;
    }

    /// <summary>
    /// A count asked in a unit ("驻村干部几年一换", "一个月住几天", "一年来几回") that the answer states in no figure of that
    /// unit: the entry speaks of the topic and the aspect, but its figures are in other units (20个工作日, 未满2年), so
    /// they do not answer how many years, days or times. Returns the asked words, or null when the unit is stated or
    /// no unit count is asked.
    /// </summary>
    /// <param name="timePointOnly">A time asked (时间): only which quarter counts, not how many times — in
    /// "一年申请几次，是几月份" the count is the other aspect's.</param>
    internal static string? UnstatedUnitCount(string folded, string answer, bool timePointOnly = false)
    {
        foreach (var (asked, units) in TimePoints)
            if (folded.Contains(asked, StringComparison.Ordinal) && !StatesUnitFigure(answer, units)) return asked;
        if (timePointOnly) return null;
        foreach (var (asked, units) in UnitCounts)
        {
            if (!folded.Contains(asked, StringComparison.Ordinal)) continue;
            // A cadence (每季度, 每半年, 每月) answers how many times or how many months apart.
            if (units[0] is "次" or "月" && Array.Exists(CadenceWords, w => answer.Contains(w, StringComparison.Ordinal))) continue;
            if (!StatesUnitFigure(answer, units)) return asked;
        }
        return null;
    }

    /// <summary>The words of the first count asked in a unit ("几年", "换一次"), or null: remembered for "那禹州呢".</summary>
    internal static string? UnitCountAsked(string folded)
    {
        foreach (var (asked, _) in UnitCounts)
            if (folded.Contains(asked, StringComparison.Ordinal)) return asked;
        return null;
    }

    /// <summary>
    /// The chosen entry checked for the detail asked that it may not state: a number to call ("驻村第一书记的电话几多"), or
    /// in "那禹州呢" the count asked before ("驻村干部多久换一次": years, where 禹州's entry counts days a month). The
    /// honest "not in the documents" for the topic when it does not state it, else the answer as it was.
    /// </summary>
    private static PolicyAnswer DeclineUnstatedDetail(PolicyAnswer answer, CountyKnowledge knowledge, QuestionReading reading,
        IReadOnlyList<string> topics, string? aspect, bool inherited, PolicyContext context, List<string> why)
    {
        // "低保申请了多久能批下来" of a topic no entry states a time of: say what is missing in the farmer's terms.
        if (answer.IsDetailMissing && answer.Topic is { } missingOf && aspect is "期限" or "时间"
            && UnstatedApprovalTime(reading.Folded, "") is not null)
            return DetailMissing(knowledge, missingOf, aspect, why, detail: ApprovalDetail) with { DeclinedEntryId = answer.DeclinedEntryId };
        // "12317打电话要收费吗" read as 限制 (收费吗): say that what it costs is not written, not "有什么限制（担保抵押…）".
        if (answer.IsDetailMissing && answer.Topic is { } costOf && aspect is null or "限制" && AskedCost(reading.Folded) is not null
            && !MoneyToldNotAsked(reading.Folded))
            return DetailMissing(knowledge, costOf, aspect, why, detail: CostDetail) with { DeclinedEntryId = answer.DeclinedEntryId };
        if (answer is not { Outcome: PolicyOutcome.Answer, Entries.Count: 1 } || topics.Count == 0) return answer;
        var entry = answer.Entries[0];
        if (UnstatedPhone(reading.Folded, entry) is { } phone)
        {
            why.Add($"«{phone}» asked, and {entry.Id} gives no number to call");
            return DetailMissing(knowledge, topics[0], aspect, why, detail: "联系电话") with { DeclinedEntryId = entry.Id };
        }
        // "低保申请了多久能批下来", "小额信贷几天能放款": how long the approval takes, which a loan's term (3年) or a
        // policy's overview does not say.
        if (aspect is "期限" or "时间" && UnstatedApprovalTime(reading.Folded, entry.Answer) is { } approval)
        {
            why.Add($"«{approval}» asks how long the approval takes, and {entry.Id} says nothing of approving");
            return DetailMissing(knowledge, topics[0], aspect, why, detail: ApprovalDetail) with { DeclinedEntryId = entry.Id };
        }
        if (UnstatedAddress(reading.Folded, entry) is { } address)
        {
            why.Add($"«{address}» asked, and {entry.Id} gives no street address");
            return DetailMissing(knowledge, topics[0], aspect, why, detail: "具体地址") with { DeclinedEntryId = entry.Id };
        }
        if (UnstatedPlace(reading.Folded, entry) is { } place)
        {
            why.Add($"«{place}» asked, and {entry.Id} does not say where");
            return DetailMissing(knowledge, topics[0], aspect, why, detail: "具体在哪里") with { DeclinedEntryId = entry.Id };
        }
        // Only a bare "那禹州呢": "禹州是怎么规定在岗时间的" asks in words of its own, not the years asked before.
        if (inherited && reading.County is not null && reading.Aspect is null && aspect is "期限" or "频次"
            && reading.Rest.Length < MinRestChars
            && context.LastCountAsked is { } carried && UnstatedUnitCount(carried, entry.Answer) is { } count)
        {
            why.Add($"«{count}» asked before, and {entry.Id} states no figure in that unit");
            return DetailMissing(knowledge, topics[0], aspect, why) with { DeclinedEntryId = entry.Id };
        }
        // "驻村干部是不是要五天四夜住在村里" answered by a topic's only entry, no aspect asked: the figure the farmer
        // heard of is what the yes or no is about (the aspect path checks this for the entry it chose). As there, the
        // labelled questions may still overrule it: marking the entry declined cost 33 right answers in leave-one-set-out.
        if (reading.YesNo && aspect is null && UnconfirmedFigure(reading.Folded, entry.Answer) is { } figure)
        {
            why.Add($"a yes/no question about the figure {figure}, which {entry.Id} does not state");
            return DetailMissing(knowledge, topics[0], aspect, why, figure);
        }
        return answer;
    }

    /// <summary>What is not in the documents when approval time is asked, as the reply names it.</summary>
    private const string ApprovalDetail = "审批要多久";

    /// <summary>The detail named when what something costs the farmer is asked and not written.</summary>
    private const string CostDetail = "收不收费、要交多少钱";

    /// <summary>Words asking when an application is approved or a loan paid out.</summary>
    private static readonly string[] ApprovalAsked = ["批下来", "批得下来", "能批", "多久批", "审批", "放款", "放下来", "办下来", "批准"];

    /// <summary>Words of an answer that speaks of the approval: its step or its time limit.</summary>
    private static readonly string[] ApprovalStated = ["审批", "批复", "放款", "日内", "天内", "工作日"];

    /// <summary>The approval words asked when the answer never speaks of approving; else null.</summary>
    internal static string? UnstatedApprovalTime(string folded, string answer)
    {
        // Loops, not lambdas: this runs on every answer about a time, and a capturing lambda allocates.
        foreach (var asked in ApprovalAsked)
            if (folded.Contains(asked, StringComparison.Ordinal)) return WordList.AnyIn(answer, ApprovalStated) ? null : asked;
        return null;
    }

    /// <summary>Last characters of an office or a person: 民政办, 信访局, 县医院, 服务站, 点长, 第一书记, 责任人, 办公室.</summary>
    private const string OfficeOrPersonEnds = "办局院站长记人室所";

    /// <summary>
    /// "禹州信访局电话多少", "俺家帮扶责任人的电话是多少": the number of an office or person named right before 电话 (a 的
    /// between them allowed), which no document gives — not 12317's, though 电话 alone reads as the hotline. Null when
    /// 12317 is named, or 电话 follows no such name (打电话 is calling, not whose number).
    /// </summary>
    internal static string? WhoseNumberIsAsked(string folded)
    {
        if (folded.Contains("12317", StringComparison.Ordinal)) return null;
        for (var at = folded.IndexOf("电话", StringComparison.Ordinal); at >= 0; at = folded.IndexOf("电话", at + 2, StringComparison.Ordinal))
        {
            var end = at;
            // "乡村振兴局的办公电话", "民政办联系电话": the kind of number between the name and 电话.
            foreach (var kind in NumberKinds)
                if (end >= kind.Length && string.CompareOrdinal(folded, end - kind.Length, kind, 0, kind.Length) == 0) { end -= kind.Length; break; }
            if (end > 0 && folded[end - 1] == '的') end--;
            if (end >= 2 && OfficeOrPersonEnds.Contains(folded[end - 1])) return folded.Substring(Math.Max(0, end - 3), Math.Min(3, end));
        }
        return null;
    }

    /// <summary>Words that ask for a street address rather than which office to go to.</summary>
    private static readonly string[] AddressWords = ["哪条街", "哪条路", "哪个街", "具体地址", "详细地址", "地址在哪", "地址是", "啥地址", "什么地址", "门牌"];

    /// <summary>Words of an answer that give an address (not 街道, which names a township's office: "乡镇（街道）民政办").</summary>
    private static readonly string[] AddressGiven = ["地址", "门牌", "号院", "大街", "路口"];

    /// <summary>
    /// "乡镇就业服务站具体地址在哪条街" answered by an entry that names the office but no street: the words asked, else
    /// null. Which office to go to (去哪办) is what entries say; an address none of them gives.
    /// </summary>
    internal static string? UnstatedAddress(string folded, PolicyEntry entry) =>
        WordList.FirstIn(folded, AddressWords) is { } asked && !Says(entry, AddressGiven) ? asked : null;

    /// <summary>The entry's answer or its how-to line holds one of the words.</summary>
    private static bool Says(PolicyEntry entry, string[] words) =>
        WordList.AnyIn(entry.Answer, words) || (entry.How is { } how && WordList.AnyIn(how, words));

    /// <summary>Words that ask where a place is ("安置点都在哪些地方", "光伏电站建在哪个位置"), not where to apply.</summary>
    private static readonly string[] PlaceWords = ["哪个位置", "什么位置", "啥位置", "具体位置", "位置在哪", "建在哪", "在哪几个地方", "在哪几个乡镇", "都在哪里", "在哪些地方"];

    /// <summary>Words of an answer that tell where such places are or how to find the nearest ("问…附近有哪些车间").</summary>
    private static readonly string[] PlaceGiven = [.. AddressGiven, "附近"];

    /// <summary>
    /// "信丰的易地搬迁安置点在哪几个地方" answered by an entry that says what the places do but not where they are: the
    /// words asked, else null.
    /// </summary>
    internal static string? UnstatedPlace(string folded, PolicyEntry entry) =>
        (FacilityAskedWhere(folded) ?? WordList.FirstIn(folded, PlaceWords)) is { } asked && !Says(entry, PlaceGiven) ? asked : null;

    /// <summary>
    /// Places people live or work in, whose whereabouts no plan gives (an office is asked as 去哪办). Not 孵化基地: people
    /// asking where it is are told whom to ask, which its entry says.
    /// </summary>
    private static readonly string[] Facilities = ["敬老院", "养老院", "养老机构", "福利院", "安置点", "电站"];

    /// <summary>
    /// "集中供养的敬老院在哪", "那养老机构在哪儿": where the place is, the question ending there. Not "敬老院在哪申请",
    /// which asks where to apply. Returns the facility asked of, or null.
    /// </summary>
    private static string? FacilityAskedWhere(string folded)
    {
        foreach (var facility in Facilities)
        {
            var at = folded.IndexOf(facility, StringComparison.Ordinal);
            if (at < 0) continue;
            var after = folded.AsSpan(at + facility.Length).TrimStart("都具体到底就是");
            if (!after.StartsWith("在哪")) continue;
            if (after[2..].Trim("里儿个地方呢啊呀哩嘞哦嘛咧").IsEmpty) return facility + "在哪";
        }
        return null;
    }

    /// <summary>What kind of number of an office: 办公电话, 联系电话, 值班电话, 咨询电话.</summary>
    private static readonly string[] NumberKinds = ["办公", "联系", "值班", "咨询"];

    /// <summary>Words that ask for a number to call.</summary>
    private static readonly string[] PhoneWords = ["电话多少", "电话几多", "电话是多少", "电话号码", "电话号", "手机号", "联系电话", "电话是啥", "电话是什么", "电话给"];

    /// <summary>
    /// "帮扶责任人的电话是多少" answered by an entry that gives no number to call (five digits or more, 12317 included):
    /// the words asked, else null.
    /// </summary>
    internal static string? UnstatedPhone(string folded, PolicyEntry entry)
    {
        // A loop, not Array.Find with a lambda: this runs on every answer, and a capturing lambda allocates.
        string? asked = null;
        foreach (var word in PhoneWords)
            if (folded.Contains(word, StringComparison.Ordinal)) { asked = word; break; }
        if (asked is null) return null;
        return HasLongNumber(entry.Answer) || (entry.How is { } how && HasLongNumber(how)) ? null : asked;
    }

    private static bool HasLongNumber(string text)
    {
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run >= 5) return true;
        }
        return false;
    }

    /// <summary>Whether a numeral (digits or 一…十两半) stands right before one of the units, "个" allowed between.</summary>
    private static bool StatesUnitFigure(string answer, string[] units)
    {
        foreach (var unit in units)
            for (var at = answer.IndexOf(unit, StringComparison.Ordinal); at > 0; at = answer.IndexOf(unit, at + 1, StringComparison.Ordinal))
            {
                var before = at - 1;
                if (answer[before] == '个' && before > 0) before--;
                if (char.IsAsciiDigit(answer[before]) || SmallNumeral.Contains(answer[before]) || answer[before] == '半') return true;
            }
        return false;
    }

    private static readonly string[] CadenceWords = ["每", "季度", "半年", "定期"];

    /// <summary>
    /// A point in time asked in a unit, and the units an answer states it in: "集中排查在第几季度" (每季度, a cadence, does not
    /// say which). Not hours ("12317几点钟有人接"): the hotline's entry says honestly that they are set locally, and
    /// leave-one-out lost five such answers for none gained.
    /// </summary>
    private static readonly (string Asked, string[] Units)[] TimePoints =
    [
        ("第几季度", ["季度"]), ("哪个季度", ["季度"]), ("几季度", ["季度"]),
    ];

    /// <summary>How a count is asked, and the units an answer states it in.</summary>
    private static readonly (string Asked, string[] Units)[] UnitCounts =
    [
        ("几年", ["年"]), ("多少年", ["年"]),
        ("几天", ["天", "日"]), ("多少天", ["天", "日"]),
        ("几个月", ["月"]),
        // A term of office or a rotation is counted in years: "驻村干部任期多长时间", "多久换人".
        ("任期", ["年"]), ("换人", ["年"]), ("轮换", ["年"]),
        ("多久换", ["年"]), ("多长时间换", ["年"]), ("换一次", ["年"]), ("换一回", ["年"]), ("换一批", ["年"]), ("换一茬", ["年"]),
        ("几次", ["次", "回", "趟"]), ("几回", ["次", "回", "趟"]), ("几趟", ["次", "回", "趟"]), ("多少次", ["次", "回", "趟"]),
    ];

    /// <summary>
    /// The entries of the topic's parent (先诊疗后付费 → 医疗保障) that answer the aspect and name the topic, by the
    /// question's word for it or its name, in a sentence with a figure: they state that figure for the topic asked.
    /// </summary>
    private static List<PolicyEntry>? ParentEntriesSaying(CountyKnowledge knowledge, string topic, string aspect, QuestionReading reading)
    {
        if (knowledge.Vocabulary.Topic(topic)?.Parent is not { } parent) return null;
        var words = reading.Mentions.Where(m => m.Topic == topic).Select(m => m.Cue).Append(topic).Distinct().ToList();
        // "先诊疗后付费住院能报销百分之多少": 报销 must be in that sentence too, or its figure (a 享受率) is about something else.
        var alsoAsked = reading.Mentions.Where(m => m.Topic != topic && m.Cue.Length >= 2).Select(m => m.Cue).ToList();
        List<PolicyEntry>? found = null;
        foreach (var e in Candidates(knowledge, parent))
        {
            if (!e.Aspects.Contains(aspect)) continue;
            var says = false;
            foreach (var word in words)
                for (var at = e.Answer.IndexOf(word, StringComparison.Ordinal); at >= 0 && !says; at = e.Answer.IndexOf(word, at + 1, StringComparison.Ordinal))
                    says = SaysItThere(SentenceAt(e.Answer, at), Array.IndexOf(FigureAspects, aspect) >= 0, alsoAsked);
            if (!says) continue;
            (found ??= []).Add(e);
        }
        return found;
    }

    /// <summary>The units a figure of each aspect is counted in (频次 in 次/回, 期限 in 年/月/天 …).</summary>
    private static readonly Dictionary<string, string> AspectUnits = new(StringComparer.Ordinal)
    {
        ["频次"] = "次回趟", ["期限"] = "年月天日", ["金额标准"] = "元万%", ["目标任务"] = "%人户个万家亿", ["时间"] = "月日号",
    };

    /// <summary>
    /// A figure in the aspect's unit ("4次", "5万元") that both answers state, or null: two entries that say the same about
    /// what was asked need no choice between them.
    /// </summary>
    private static string? SharedFigure(string aspect, string first, string second)
    {
        if (!AspectUnits.TryGetValue(aspect, out var units)) return null;
        for (var i = 0; i < first.Length; i++)
        {
            if (!char.IsAsciiDigit(first[i]) || (i > 0 && char.IsAsciiDigit(first[i - 1]))) continue;
            var end = i;
            while (end < first.Length && (char.IsAsciiDigit(first[end]) || first[end] == '.')) end++;
            if (end < first.Length && first[end] is '万' or '亿') end++;
            if (end >= first.Length || units.IndexOf(first[end]) < 0) continue;
            var figure = first.AsSpan(i, end + 1 - i);
            for (var at = second.AsSpan().IndexOf(figure, StringComparison.Ordinal); at >= 0; )
            {
                // Not the tail of a longer number ("14次" does not share "4次").
                var absolute = at;
                if (absolute == 0 || !char.IsAsciiDigit(second[absolute - 1])) return figure.ToString();
                var next = second.AsSpan(absolute + 1).IndexOf(figure, StringComparison.Ordinal);
                at = next < 0 ? -1 : absolute + 1 + next;
            }
        }
        return null;
    }

    /// <summary>Words of the places and people a farmer goes to (乡镇民政办, 村委会, 银行网点 …).</summary>
    private static readonly string[] Offices = ["乡镇", "乡（镇）", "民政", "村委会", "村干部", "帮扶干部", "便民服务", "服务站", "窗口", "银行", "卫生院", "人社"];

    /// <summary>Those of the entries (answering how to apply) whose answer or how names where to go; null when none does.</summary>
    private static List<PolicyEntry>? EntriesNamingAnOffice(List<PolicyEntry> entries)
    {
        List<PolicyEntry>? naming = null;
        foreach (var e in entries)
            if (Offices.Any(office => e.Answer.Contains(office, StringComparison.Ordinal) || e.How?.Contains(office, StringComparison.Ordinal) == true))
                (naming ??= []).Add(e);
        return naming;
    }

    /// <summary>Aspects whose answer is a figure: the figure must be about the very thing asked.</summary>
    private static readonly string[] FigureAspects = ["目标任务", "金额标准"];

    /// <summary>
    /// "小学生一年能拿多少资助" of nat-edu-aid, whose sums are 中职's: a figure asked of one kind of the topic (its
    /// <see cref="Understanding.TopicDefinition.Kinds"/>) of an entry that names other kinds but never this one. Quoting its
    /// figures would answer another question, and the labelled questions may not bring that entry back
    /// (<see cref="PolicyAnswer.DeclinedEntryId"/>). Returns the kind asked, or null.
    /// </summary>
    internal static string? UnmentionedKind(CountyKnowledge knowledge, QuestionReading reading, string topic, string aspect, PolicyEntry entry)
    {
        if (Array.IndexOf(FigureAspects, aspect) < 0 || knowledge.Vocabulary.Topic(topic) is not { Kinds.Count: > 0 } definition) return null;
        var folded = reading.Folded;
        string? asked = null;
        foreach (var kind in definition.Kinds)
            foreach (var word in kind)
                if (asked is null && folded.Contains(word, StringComparison.Ordinal)) asked = word;
        if (asked is null) return null;
        var text = Understanding.CueMatcher<int>.Fold(string.Join("|", [entry.Title, .. entry.Keywords, entry.Answer, entry.How ?? ""]));
        var namesOther = false;
        foreach (var kind in definition.Kinds)
        {
            var named = kind.Any(w => text.Contains(w, StringComparison.Ordinal));
            // The entry names a kind the question asks of (by any of its words): its figures may be the ones asked.
            if (named && kind.Any(w => folded.Contains(w, StringComparison.Ordinal))) return null;
            namesOther |= named;
        }
        return namesOther ? asked : null;
    }

    /// <summary>
    /// A figure asked of a topic that the entry covers only in passing (公益岗位要安置多少人, answered by 稳岗就业 whose
    /// second topic it is): the entry names it (by the question's word or the topic's name) only in sentences without
    /// any figure, so its figures are about its main topic, not the one asked.
    /// </summary>
    internal static string? UnnamedThing(QuestionReading reading, string topic, string aspect, PolicyEntry entry)
    {
        // "稳岗就业和返乡创业今年定的目标是多少人": the entry's own topic is asked too, and its figure may be the one meant.
        if (Array.IndexOf(FigureAspects, aspect) < 0 || entry.Topic == topic || reading.Mentions.Any(m => m.Topic == entry.Topic)) return null;
        var answer = entry.Answer;
        var mentioned = false;
        // "返乡创业今年有啥任务" asks what the task is, which the entry may well say in words; "能贷二十万不" names a figure.
        var figureAsked = HasFigure(reading.Folded) || FigureWords.Any(w => reading.Folded.Contains(w, StringComparison.Ordinal));
        foreach (var m in reading.Mentions)
        {
            if (m.Topic != topic) continue;
            mentioned = true;
            if (figureAsked && NamedOnlyWithoutFigures(answer, m.Cue, topic)) return m.Cue;
        }
        // "那禹州呢" after 公益岗要安置多少人: the topic carried over from the conversation is the thing asked.
        return !mentioned && NamedOnlyWithoutFigures(answer, topic, topic) ? topic : null;
    }

    /// <summary>Words that ask for a number (多少人, 几个, 赣南 好多, 比例, 人数, 指标).</summary>
    private static readonly string[] FigureWords = ["多少", "几", "好多", "比例", "百分", "数", "指标"];

    /// <summary>The answer names the thing (by the question's word or the topic's name), and never in a sentence with a figure.</summary>
    private static bool NamedOnlyWithoutFigures(string answer, string cue, string topic)
    {
        var named = false;
        foreach (var word in (string[])[cue, topic])
            for (var at = answer.IndexOf(word, StringComparison.Ordinal); at >= 0; at = answer.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                named = true;
                if (SentenceHasFigure(answer, at)) return false;
            }
        return named;
    }

    /// <summary>The sentence holds a figure (when one is asked) and every other word the question used.</summary>
    private static bool SaysItThere(ReadOnlySpan<char> sentence, bool figureAsked, List<string> alsoAsked)
    {
        if (figureAsked && !HasFigure(sentence)) return false;
        foreach (var cue in alsoAsked)
            if (!sentence.Contains(cue, StringComparison.Ordinal)) return false;
        return true;
    }

    /// <summary>The sentence (between 。；, or a line break) around a position.</summary>
    private static ReadOnlySpan<char> SentenceAt(string text, int at)
    {
        var start = text.LastIndexOfAny(SentenceEnds, at) + 1;
        var end = text.IndexOfAny(SentenceEnds, at);
        return text.AsSpan(start, (end < 0 ? text.Length : end) - start);
    }

    /// <summary>Whether the sentence (between 。；, or a line break) around a position holds a digit or a numeral with a unit.</summary>
    private static bool SentenceHasFigure(string text, int at) => HasFigure(SentenceAt(text, at));

    private static bool HasFigure(ReadOnlySpan<char> sentence)
    {
        for (var i = 0; i < sentence.Length; i++)
        {
            if (char.IsAsciiDigit(sentence[i])) return true;
            if (SmallNumeral.Contains(sentence[i]) && i + 1 < sentence.Length && FigureUnits.Contains(sentence[i + 1])) return true;
        }
        return false;
    }

    private static readonly char[] SentenceEnds = ['。', '；', ';', '\n'];

    /// <summary>
    /// The answer gives a limit in the same unit ("5万元以下", "不超过3年", "3年（含）以内"): asked "能贷到10万吗", it answers the
    /// question by stating the limit, so the figure asked need not appear in it.
    /// </summary>
    private static bool StatesABound(string answer, char unit)
    {
        for (var at = answer.IndexOf(unit); at > 0; at = answer.IndexOf(unit, at + 1))
        {
            if (!char.IsAsciiDigit(answer[at - 1])) continue;
            var start = at - 1;
            while (start > 0 && char.IsAsciiDigit(answer[start - 1])) start--;
            var after = answer.AsSpan(at + 1, Math.Min(6, answer.Length - at - 1));
            var before = answer.AsSpan(Math.Max(0, start - 3), start - Math.Max(0, start - 3));
            foreach (var word in BoundAfter) if (after.Contains(word, StringComparison.Ordinal)) return true;
            foreach (var word in BoundBefore) if (before.EndsWith(word, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static readonly string[] BoundAfter = ["以下", "以内", "以上", "封顶"];
    private static readonly string[] BoundBefore = ["不超过", "最高", "最多", "最长", "上限", "低于", "高于", "超过"];

    /// <summary>A sum asked in 千 or 万 ("收入八千能纳入不") is answered by a limit stated in 元 or 万 ("低于7500元").</summary>
    private const string MoneyUnits = "万千元";

    // The numerals of a figure asked in words (二十天, 三万): one to ninety-nine, read by the one number reader.
    private const string SmallNumeral = "一二三四五六七八九十两";

    // Units of a plan's figures; not 岁 (an age is the asker's own, answered by the entry's age rule).
    private const string FigureUnits = "万千元天日次个年%人户成";
}
