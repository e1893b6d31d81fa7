using System.Collections.Frozen;

namespace AssistBot.Knowledge.Search;

/// <summary>
/// Per-character folding before matching: full-width → half-width, upper → lower case, common traditional and
/// variant characters → simplified, punctuation and spaces → a separator that n-grams do not cross.
/// </summary>
internal static class CharFolding
{
    public const char Separator = ' ';

    // Traditional/variant forms that show up in policy questions (typed on a traditional keyboard or pasted).
    private const string Traditional = "貸款醫療費補貧險監測後錢學職業農戶對個麼們這嗎還說請電話辦難領時間條審記錄號碼證實際傳輸種養產務勞動補貼兒孫親屬歲殘疾療診險災禍債與幫扶問題報並連護關於從來區縣鄉鎮村委員會機構為什麼麽甚當會總體標準發達應該現規劃則經濟稅費開銷據資訊異遷補幾塊鄰裡養療遠錯誤讀書學費爺奶媽聽見買賣車認識頭樣級確陽陰雲氣點訪畫計劃劃訓紙練導線";
    private const string Simplified  = "贷款医疗费补贫险监测后钱学职业农户对个么们这吗还说请电话办难领时间条审记录号码证实际传输种养产务劳动补贴儿孙亲属岁残疾疗诊险灾祸债与帮扶问题报并连护关于从来区县乡镇村委员会机构为什么么甚当会总体标准发达应该现规划则经济税费开销据资讯异迁补几块邻里养疗远错误读书学费爷奶妈听见买卖车认识头样级确阳阴云气点访画计划划训纸练导线";

    private static readonly FrozenDictionary<char, char> ToSimplified = BuildMap();

    private static FrozenDictionary<char, char> BuildMap()
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i < Traditional.Length && i < Simplified.Length; i++)
            if (Traditional[i] != Simplified[i]) map[Traditional[i]] = Simplified[i];
        return map.ToFrozenDictionary();
    }

    public static char Fold(char c)
    {
        if (c >= '\uFF01' && c <= '\uFF5E') c = (char)(c - 0xFEE0); // full-width ASCII
        else if (c == '\u3000') return Separator;
        if (c < 128)
        {
            if (c >= 'A' && c <= 'Z') return (char)(c + 32);
            if (char.IsLetterOrDigit(c) || c == '%' || c == '.') return c;
            return Separator;
        }
        if (IsCjk(c)) return ToSimplified.TryGetValue(c, out var s) ? s : c;
        if (c == '％') return '%';
        return char.IsLetterOrDigit(c) ? c : Separator;
    }

    public static bool IsCjk(char c) => c >= '\u4E00' && c <= '\u9FFF' || c >= '\u3400' && c <= '\u4DBF';
}
