using System.Security.Cryptography;
using System.Text;
using AssistBot.Bot.Cases;
using AssistBot.Bot.Privacy;
using AssistBot.Bot.Storage;
using AssistBot.Bot.WeChat;
using AssistBot.Scheduler.Outbox;

namespace AssistBot.Bot.Dialogs.Cadres.Cards;

/// <summary>
/// WeCom task cards for cadres: a reminder or declaration message becomes a button_interaction card (受理 / 转交,
/// 属实 / 不属实, 纳入 / 不纳入, 已走访 / 改期, 确认还款), a cadre's items of one round become one digest card (the first
/// items with buttons, "还有 N 项" and a numbered list on "清单"). The owner of the card and digest-list records.
/// Card text is the message's text (already what a cadre reads), with ID and phone numbers masked.
/// </summary>
public sealed partial class CadreCards(IDocumentStore storage)
{
    /// <summary>After a card action on a declaration: the next step's card to the same cadre.</summary>
    public const string DeclarationStepKind = "declaration-step";

    /// <summary>A farmer reported a repayment: the cadre confirms.</summary>
    public const string RepaymentReportKind = "loan-repaid-report";

    /// <summary>How many items of a digest get buttons (WeCom allows up to 6 buttons a card).</summary>
    public const int DigestButtons = 3;

    private static readonly TimeSpan RecordLifetime = TimeSpan.FromDays(7);
    private static readonly TimeSpan ListLifetime = TimeSpan.FromDays(1);

    public static string RecordKey(string countyId, string taskId) => $"cadre/cards/{countyId}/{taskId}";

    public static string ListKey(string countyId, string userId) => $"cadre/digest/{countyId}/{userId}";

    /// <summary>Whether a county's cadres get cards: its WeCom app receives callbacks (Token and EncodingAESKey set), unless turned off.</summary>
    public static bool Enabled(Hosting.WeComAppOptions app) =>
        app.Cards ?? (!string.IsNullOrEmpty(app.Token) && !string.IsNullOrEmpty(app.EncodingAESKey));

    /// <summary>The item a message makes: its buttons by kind (none for a plain notice).</summary>
    public static CadreCardItem Item(OutboxMessage m)
    {
        var subject = m.Subject ?? "";
        var duty = m.Stage is { } stage ? stage.Split('@')[0] : null;
        IReadOnlyList<CadreCardKey> keys = m.Kind switch
        {
            DeclarationNotifier.NewDeclarationKind when subject.Length > 0 =>
                [new(CadreCardKey.Accept, subject), new(CadreCardKey.Transfer, subject)],
            DeclarationStepKind when m.Stage == "verify" => [new(CadreCardKey.VerifiedTrue, subject), new(CadreCardKey.VerifiedFalse, subject)],
            DeclarationStepKind when m.Stage == "include" => [new(CadreCardKey.Include, subject), new(CadreCardKey.Reject, subject)],
            DeclarationStepKind when m.Stage == "reject" => [new(CadreCardKey.Reject, subject)],
            "duty" or "duty-overdue" when subject.Length > 0 && duty is { Length: > 0 } =>
                [new(CadreCardKey.Visited, subject, duty), new(CadreCardKey.Later, subject, duty)],
            RepaymentReportKind when subject.Length > 0 => [new(CadreCardKey.Repaid, subject)],
            _ => [],
        };
        var title = m.Title ?? CadreCardTexts.KindTitle(m.Kind);
        return new CadreCardItem(m.Kind, title, MaskText(m.Text), keys.Select(k => k.ToString()).ToList());
    }

    /// <summary>
    /// A card is masked like the cadre's lists: ID and phone numbers (<see cref="PersonalDataMask.Text"/>) and the head's
    /// name in a household label ("孙大户（代屋村）" → "孙*户（代屋村）", the label the duty reminders use).
    /// </summary>
    public static string MaskText(string text) =>
        HouseholdLabel().Replace(PersonalDataMask.Text(text), m => CadreTexts.MaskName(m.Groups[1].Value) + "户（");

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=^|[：:，,、的\s])([\p{IsCJKUnifiedIdeographs}]{2,4})户（")]
    private static partial System.Text.RegularExpressions.Regex HouseholdLabel();

    /// <summary>The typed command for an item (the digest's numbered list).</summary>
    public static string? Command(CadreCardItem item)
    {
        if (item.Keys.Count == 0 || CadreCardKey.Parse(item.Keys[0]) is not { } key) return null;
        var shortId = key.Target[(key.Target.LastIndexOf('-') + 1)..];
        return key.Action switch
        {
            CadreCardKey.Accept => $"受理 {shortId}",
            CadreCardKey.VerifiedTrue => $"核实 {shortId} 属实",
            CadreCardKey.Include => $"纳入 {shortId}",
            CadreCardKey.Reject => $"不纳入 {shortId} 原因",
            CadreCardKey.Visited => $"已完成 {key.Target}",
            CadreCardKey.Repaid => $"确认还款 {key.Target}",
            _ => null,
        };
    }

    /// <summary>A card for one item (with buttons) or a digest of several; the task id ties clicks to the record.</summary>
    public static WeComTemplateCard Build(string taskId, IReadOnlyList<CadreCardItem> items)
    {
        if (items.Count == 1)
        {
            var item = items[0];
            return new WeComTemplateCard
            {
                CardType = "button_interaction",
                Source = new WeComCardSource { Desc = CadreCardTexts.Source },
                MainTitle = new WeComCardTitle { Title = Cut(item.Title, 26), Desc = CadreCardTexts.KindTitle(item.Kind) },
                SubTitleText = Cut(item.DoneAs is null ? item.Line : $"{item.DoneAs}\n{item.Line}", 112),
                TaskId = taskId,
                ButtonList = item.DoneAs is null ? Buttons(item, null) : [],
            };
        }
        var shown = items.Take(DigestButtons).ToList();
        var buttons = new List<WeComCardButton>();
        for (var i = 0; i < shown.Count; i++)
            if (shown[i].DoneAs is null && shown[i].Keys.Count > 0) buttons.AddRange(Buttons(shown[i], i + 1).Take(1));
        return new WeComTemplateCard
        {
            CardType = "button_interaction",
            Source = new WeComCardSource { Desc = CadreCardTexts.Source },
            MainTitle = new WeComCardTitle { Title = CadreCardTexts.Digest(items.Count), Desc = CadreCardTexts.DigestDesc },
            HorizontalContentList = shown.Select((item, i) => new WeComCardField
            {
                KeyName = $"{i + 1}.{CadreCardTexts.KindLabel(item.Kind)}",
                Value = Cut(item.DoneAs ?? item.Title, 26),
            }).ToList(),
            SubTitleText = items.Count > shown.Count ? CadreCardTexts.DigestMore(items.Count - shown.Count) : null,
            TaskId = taskId,
            ButtonList = buttons,
        };
    }

    private static List<WeComCardButton> Buttons(CadreCardItem item, int? number) => item.Keys.Select((key, i) => new WeComCardButton
    {
        Text = (number is { } n ? $"{n}.": "") + CadreCardTexts.Button(CadreCardKey.Parse(key)!.Action),
        Style = i == 0 ? 1 : 2,
        Key = key,
    }).ToList();

    /// <summary>A stable task id per set of outbox entries (letters and digits, as WeCom requires).</summary>
    public static string TaskId(IEnumerable<string> idempotencyKeys)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', idempotencyKeys)));
        return "ab" + Convert.ToHexStringLower(hash)[..30];
    }

    public ValueTask SaveAsync(string taskId, CadreCardRecord record, CancellationToken ct = default) =>
        WriteAsync(RecordKey(record.CountyId, taskId), record, RecordLifetime, ct);

    public async ValueTask<CadreCardRecord?> GetAsync(string countyId, string taskId, CancellationToken ct = default) =>
        (await storage.ReadAsync<CadreCardRecord>(RecordKey(countyId, taskId), ct).ConfigureAwait(false))?.Value;

    /// <summary>The digest's full list, numbered, for "清单" (replaces the previous one).</summary>
    public ValueTask SaveListAsync(string countyId, string userId, IReadOnlyList<CadreCardItem> items, CancellationToken ct = default) =>
        WriteAsync(ListKey(countyId, userId), items.Select(i => new CadreDigestLine(ListText(i), Command(i))).ToList(), ListLifetime, ct);

    /// <summary>A list line: the title and what it is about (the full text is on the card and in the reminder).</summary>
    private static string ListText(CadreCardItem item) =>
        item.Keys.Count > 0 && CadreCardKey.Parse(item.Keys[0]) is { } key ? $"{item.Title} {key.Target}" : Cut(item.Line, 40);

    public async ValueTask<IReadOnlyList<CadreDigestLine>> GetListAsync(string countyId, string userId, CancellationToken ct = default) =>
        (await storage.ReadAsync<List<CadreDigestLine>>(ListKey(countyId, userId), ct).ConfigureAwait(false))?.Value ?? [];

    private async ValueTask WriteAsync<T>(string key, T value, TimeSpan ttl, CancellationToken ct) =>
        await storage.WriteAsync(key, value, WriteCondition.Always, ttl, ct).ConfigureAwait(false);

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
