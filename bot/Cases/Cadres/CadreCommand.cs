using System.Text;
using System.Text.RegularExpressions;
using AssistBot.Knowledge.Text;

namespace AssistBot.Bot.Cases.Cadres;

/// <summary>
/// A cadre's command as typed on WeCom: <c>待办</c>, <c>详情 编号</c>, <c>受理 编号</c>, <c>核实 编号 属实|不属实 [备注]</c>,
/// <c>纳入 编号</c>, <c>不纳入 编号 原因</c>, <c>转交 编号 账号</c>, or a menu number (1 待办 … 8 帮助).
/// The reference may be complete (XF-20240515-0007) or its last digits (0007).
/// </summary>
public sealed partial record CadreCommand(CadreVerb Verb, string? Reference = null, string? Note = null, bool? VerifiedTrue = null, string? Account = null)
{
    private static readonly (string Word, CadreVerb Verb)[] Words =
    [
        ("不纳入", CadreVerb.Reject),
        ("不予纳入", CadreVerb.Reject),
        ("待办", CadreVerb.Pending),
        ("代办", CadreVerb.Pending),
        ("详情", CadreVerb.Details),
        ("查看", CadreVerb.Details),
        ("受理", CadreVerb.Accept),
        ("核实", CadreVerb.Verify),
        ("纳入", CadreVerb.Include),
        ("转交", CadreVerb.Transfer),
        ("帮助", CadreVerb.Help),
        ("命令", CadreVerb.Help),
        ("菜单", CadreVerb.Menu),
    ];

    private static readonly CadreVerb[] MenuOrder =
        [CadreVerb.Pending, CadreVerb.Details, CadreVerb.Accept, CadreVerb.Verify, CadreVerb.Include, CadreVerb.Reject, CadreVerb.Transfer, CadreVerb.Help];

    public static CadreCommand Parse(string? input)
    {
        var text = Clean(input);
        if (text.Length == 0) return new(CadreVerb.Menu);
        // A menu number ("3", "三", "第三个"); another short number is no command.
        if (ChoiceRecognizer.Number(text, MenuOrder.Length) is { } picked) return new(MenuOrder[picked]);
        if (text.Length <= 2 && int.TryParse(text, out _)) return new(CadreVerb.Unknown);
        if (text.Equals("help", StringComparison.OrdinalIgnoreCase) || text == "?") return new(CadreVerb.Help);

        foreach (var (word, verb) in Words)
        {
            var at = text.IndexOf(word, StringComparison.Ordinal);
            // The command word leads the message ("我的待办" and "请受理 0007" are fine too).
            if (at < 0 || at > 2) continue;
            var rest = text[(at + word.Length)..].Trim();
            return verb switch
            {
                CadreVerb.Pending or CadreVerb.Help or CadreVerb.Menu => new(verb),
                _ => WithArguments(verb, rest),
            };
        }
        return new(CadreVerb.Unknown);
    }

    private static CadreCommand WithArguments(CadreVerb verb, string rest)
    {
        var match = ReferencePattern().Match(rest);
        if (!match.Success) return new(verb);
        var reference = CanonicalReference(match.Value);
        var after = rest[(match.Index + match.Length)..].Trim().TrimStart('，', ',', '：', ':').Trim();
        switch (verb)
        {
            case CadreVerb.Verify:
                bool? result = after.Contains("不属实", StringComparison.Ordinal) || after.StartsWith("不实", StringComparison.Ordinal) ? false
                    : after.Contains("属实", StringComparison.Ordinal) ? true : null;
                var note = Regex.Replace(after, "(情况)?(不属实|属实|不实)", "").Trim().TrimStart('，', ',', '：', ':').Trim();
                return new(verb, reference, note.Length == 0 ? null : note, result);
            case CadreVerb.Transfer:
                var account = after.Split(' ', 2)[0];
                var transferNote = after.Length > account.Length ? after[account.Length..].Trim() : null;
                return new(verb, reference, transferNote, null, account.Length == 0 ? null : account);
            default:
                return new(verb, reference, after.Length == 0 ? null : after);
        }
    }

    /// <summary>xf20240515-0007 → XF-20240515-0007; a bare sequence (0007) stays as it is.</summary>
    private static string CanonicalReference(string value)
    {
        var m = FullReferencePattern().Match(value);
        return m.Success ? $"{m.Groups[1].Value.ToUpperInvariant()}-{m.Groups[2].Value}-{m.Groups[3].Value}" : value;
    }

    private static string Clean(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return "";
        var folded = input.Normalize(NormalizationForm.FormKC).Replace('　', ' ');
        return string.Join(' ', folded.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    // XF-20240515-0007, xf20240515-0007, or the last 3+ digits (0007).
    [GeneratedRegex(@"[A-Za-z]{1,6}-?\d{8}-?\d{3,6}|(?<![A-Za-z0-9])\d{3,6}(?![0-9])")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"^([A-Za-z]{1,6})-?(\d{8})-?(\d{3,6})$")]
    private static partial Regex FullReferencePattern();
}
