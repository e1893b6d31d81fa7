using System.Text;
using AssistBot.Bot.Storage;
using AssistBot.Knowledge.Packs;

namespace AssistBot.Bot.Knowledge.Review;

/// <summary>
/// Writes staff changes into a county's pack folder — a sample phrasing added to an entry's <c>questions</c>, or a new
/// entry file — and applies them at once through <see cref="PackRegistry.Reload"/>, which validates exactly like
/// <c>knowledge check</c>: a change the validator rejects is rolled back and its messages returned. Every change is
/// recorded with who made it and the file's previous text, so it can be undone.
/// </summary>
public sealed class PackEditor(PackRegistry registry, IDocumentStore documents, IScoredIndex scoredIndex,
    TimeProvider time, ILogger<PackEditor> logger)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public async Task<PackEditResult> AttachQuestionAsync(string county, string packId, string entryId, string question, string? missedKey,
        string actor, CancellationToken ct = default)
    {
        question = MissedQuestionStore.Clean(question);
        if (question.Length == 0) return PackEditResult.Rejected("问题是空的。");
        if (!registry.Current.TryGet(packId, out var knowledge)) return PackEditResult.Rejected($"没有知识包 {packId}。");
        var entry = knowledge.Pack.Entries.FirstOrDefault(e => e.Id == entryId);
        if (entry is null) return PackEditResult.Rejected($"本县知识包里没有条目 {entryId}。");
        var file = FindEntryFile(knowledge.Pack.Directory, entryId);
        if (file is null) return PackEditResult.Rejected($"找不到条目 {entryId} 所在的文件。");
        await Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var before = await File.ReadAllTextAsync(file, ct).ConfigureAwait(false);
            if (!TryAddQuestion(before, entryId, question, out var after, out var problem)) return PackEditResult.Rejected(problem!);
            return await ApplyAsync(county, "attach", entryId, question, missedKey, file, before, after, actor, ct).ConfigureAwait(false);
        }
        finally
        {
            Gate.Release();
        }
    }

    public async Task<PackEditResult> CreateEntryAsync(string county, string packId, EntryDraft draft, string? missedKey, string actor,
        CancellationToken ct = default)
    {
        if (!registry.Current.TryGet(packId, out var knowledge)) return PackEditResult.Rejected($"没有知识包 {packId}。");
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(draft.Title)) missing.Add("标题");
        if (string.IsNullOrWhiteSpace(draft.Answer)) missing.Add("回答");
        if (string.IsNullOrWhiteSpace(draft.Source)) missing.Add("来源");
        if (string.IsNullOrWhiteSpace(draft.Topic)) missing.Add("政策（topic）");
        if (missing.Count > 0) return PackEditResult.Rejected("请填写：" + string.Join("、", missing));
        var now = time.GetUtcNow();
        var entryId = $"{county}-console-{now.ToChina():yyyyMMddHHmmss}";
        var file = Path.Combine(knowledge.Pack.Directory, "entries", $"console-{entryId}.yaml");
        var question = MissedQuestionStore.Clean(draft.Question);
        var yaml = new StringBuilder()
            .Append("# 由工作台添加（").Append(actor).Append("）\n")
            .Append("entries:\n")
            .Append("  - id: ").Append(entryId).Append('\n')
            .Append("    title: ").Append(Quote(draft.Title.Trim())).Append('\n')
            .Append("    audience: 农户\n")
            .Append("    topic: ").Append(Quote(draft.Topic.Trim())).Append('\n')
            .Append("    aspects: [").Append(string.Join(", ", draft.Aspects.Where(a => a.Length > 0).Select(Quote))).Append("]\n");
        if (question.Length > 0) yaml.Append("    questions:\n      - ").Append(Quote(question)).Append('\n');
        yaml.Append("    answer: |\n");
        foreach (var line in draft.Answer.Trim().Replace("\r\n", "\n").Split('\n')) yaml.Append("      ").Append(line).Append('\n');
        yaml.Append("    source: ").Append(Quote(draft.Source.Trim())).Append('\n');
        await Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (File.Exists(file)) return PackEditResult.Rejected("同一秒里已经新建过条目，请稍后再试。");
            return await ApplyAsync(county, "new", entryId, question, missedKey, file, null, yaml.ToString(), actor, ct).ConfigureAwait(false);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Puts the file back as it was before <paramref name="changeId"/>, if nobody changed it since.</summary>
    public async Task<PackEditResult> UndoAsync(string county, string changeId, string actor, CancellationToken ct = default)
    {
        var item = await documents.ReadAsync<KnowledgeChange>(ChangeKey(county, changeId), ct).ConfigureAwait(false);
        if (item?.Value is not { } change) return PackEditResult.Rejected("没有这条修改记录。");
        if (change.UndoneAt is not null) return PackEditResult.Rejected("这条修改已经撤销过了。");
        var file = Path.GetFullPath(Path.Combine(registry.PacksDirectory, change.File));
        if (!file.StartsWith(Path.GetFullPath(registry.PacksDirectory), StringComparison.Ordinal)) return PackEditResult.Rejected("文件路径不对。");
        await Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var current = File.Exists(file) ? await File.ReadAllTextAsync(file, ct).ConfigureAwait(false) : null;
            if (current != change.After) return PackEditResult.Rejected("这个文件在这次修改之后又被改过，不能自动撤销，请手工编辑。");
            if (change.Before is null) File.Delete(file);
            else await File.WriteAllTextAsync(file, change.Before, ct).ConfigureAwait(false);
            var result = registry.Reload();
            if (!result.Applied)
            {
                await File.WriteAllTextAsync(file, change.After, ct).ConfigureAwait(false);
                registry.Reload();
                return PackEditResult.Rejected(Messages(result));
            }
            var undone = change with { UndoneAt = time.GetUtcNow(), UndoneBy = actor };
            await documents.WriteAsync(ChangeKey(county, changeId), undone, WriteCondition.IfMatch(item.ETag), null, ct).ConfigureAwait(false);
            logger.LogInformation("Knowledge change {Id} ({Kind} {Entry}) undone by {Actor}", changeId, change.Kind, change.EntryId, actor);
            return new PackEditResult(undone, []);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The county's changes, newest first.</summary>
    public async Task<IReadOnlyList<KnowledgeChange>> ListAsync(string county, int take = 50, CancellationToken ct = default)
    {
        var page = await scoredIndex.IndexRangeByScoreAsync(ChangeIndex(county), double.NegativeInfinity, double.PositiveInfinity, 0, 2000, ct).ConfigureAwait(false);
        var result = new List<KnowledgeChange>();
        foreach (var entry in page.Reverse().Take(take))
            if (await documents.ReadAsync<KnowledgeChange>(ChangeKey(county, entry.Member), ct).ConfigureAwait(false) is { } c) result.Add(c.Value);
        return result;
    }

    private async Task<PackEditResult> ApplyAsync(string county, string kind, string entryId, string question, string? missedKey,
        string file, string? before, string after, string actor, CancellationToken ct)
    {
        await File.WriteAllTextAsync(file, after, ct).ConfigureAwait(false);
        var result = registry.Reload();
        if (!result.Applied)
        {
            if (before is null) File.Delete(file);
            else await File.WriteAllTextAsync(file, before, ct).ConfigureAwait(false);
            registry.Reload();
            logger.LogInformation("Knowledge {Kind} for {Entry} by {Actor} rejected by the validator", kind, entryId, actor);
            return PackEditResult.Rejected(Messages(result));
        }
        var change = new KnowledgeChange
        {
            Id = Guid.NewGuid().ToString("N")[..12],
            CountyId = county,
            At = time.GetUtcNow(),
            Actor = actor,
            Kind = kind,
            EntryId = entryId,
            Question = question,
            MissedKey = missedKey,
            File = Path.GetRelativePath(registry.PacksDirectory, file),
            Before = before,
            After = after,
        };
        await documents.WriteAsync(ChangeKey(county, change.Id), change, WriteCondition.IfNotExists, null, ct).ConfigureAwait(false);
        await scoredIndex.IndexAddAsync(ChangeIndex(county), change.Id, change.At.ToUnixTimeMilliseconds(), ct).ConfigureAwait(false);
        logger.LogInformation("Knowledge {Kind} {Entry} by {Actor}: live now (change {Id})", kind, entryId, actor, change.Id);
        return new PackEditResult(change, []);
    }

    private static string[] Messages(PackReloadResult result) =>
        result.Issues.Where(i => i.Severity == PackIssueSeverity.Error)
            .Select(i => $"{Path.GetFileName(i.File)}{(i.Line > 0 ? $" 第{i.Line}行" : "")}：{i.Message}").ToArray();

    private static string? FindEntryFile(string packDirectory, string entryId)
    {
        var entries = Path.Combine(packDirectory, "entries");
        if (!Directory.Exists(entries)) return null;
        foreach (var file in Directory.EnumerateFiles(entries, "*.yaml").Order(StringComparer.Ordinal))
            if (File.ReadLines(file).Any(l => IsIdLine(l, entryId))) return file;
        return null;
    }

    private static bool IsIdLine(string line, string entryId)
    {
        var t = line.Trim();
        return t.StartsWith("- id:", StringComparison.Ordinal) && t[5..].Trim().Trim('"', '\'') == entryId;
    }

    /// <summary>
    /// Adds <paramref name="question"/> as the last item of the entry's block-style <c>questions:</c> list (or adds the
    /// list before <c>answer:</c>), keeping every other line of the file as it was.
    /// </summary>
    internal static bool TryAddQuestion(string text, string entryId, string question, out string result, out string? problem)
    {
        result = text;
        problem = null;
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = text.Replace("\r\n", "\n").Split('\n').ToList();
        var start = lines.FindIndex(l => IsIdLine(l, entryId));
        if (start < 0) { problem = $"文件里没有条目 {entryId}。"; return false; }
        var dash = lines[start].IndexOf('-');
        var fieldIndent = new string(' ', dash + 2);
        var end = lines.FindIndex(start + 1, l => l.Trim().StartsWith("- id:", StringComparison.Ordinal) ||
                                                   (l.Length > 0 && !char.IsWhiteSpace(l[0]) && !l.StartsWith('#')));
        if (end < 0) end = lines.Count;
        var questionsAt = lines.FindIndex(start, end - start, l => l.StartsWith(fieldIndent + "questions:", StringComparison.Ordinal));
        var item = fieldIndent + "  - " + Quote(question);
        if (questionsAt < 0)
        {
            var answerAt = lines.FindIndex(start, end - start, l => l.StartsWith(fieldIndent + "answer:", StringComparison.Ordinal));
            if (answerAt < 0) { problem = $"条目 {entryId} 没有 answer 字段。"; return false; }
            lines.InsertRange(answerAt, [fieldIndent + "questions:", item]);
        }
        else
        {
            if (lines[questionsAt].Trim() != "questions:") { problem = $"条目 {entryId} 的 questions 不是逐行列表，请手工编辑文件。"; return false; }
            var last = questionsAt;
            for (var i = questionsAt + 1; i < end && lines[i].StartsWith(fieldIndent + "  ", StringComparison.Ordinal); i++)
                if (lines[i].TrimStart().StartsWith("- ", StringComparison.Ordinal)) last = i;
            var itemIndent = last == questionsAt ? fieldIndent + "  " : lines[last][..(lines[last].Length - lines[last].TrimStart().Length)];
            lines.Insert(last + 1, itemIndent + "- " + Quote(question));
        }
        result = string.Join(newline, lines);
        return true;
    }

    /// <summary>A YAML double-quoted scalar.</summary>
    internal static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal) + "\"";

    private static string ChangeKey(string county, string id) => $"qa-change/{county}/{id}";

    private static string ChangeIndex(string county) => $"qa-change-index/{county}";
}
