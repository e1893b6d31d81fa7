namespace AssistBot.Bot.Cases;

/// <summary>
/// A subject of cadre duties other than a household — 光伏电站, 安置点, 供水工程, 帮扶车间, 项目资产 … — imported with its
/// village and responsible cadre. <see cref="Type"/> is the pack's subject type id (pv-station, relocation-site …).
/// </summary>
public sealed record Site
{
    public required string CountyId { get; init; }

    /// <summary>编号 (the key).</summary>
    public required string SiteNo { get; init; }

    public required string Name { get; init; }

    public required string Type { get; init; }

    public required string Township { get; init; }

    /// <summary>"" when the subject belongs to the whole township.</summary>
    public required string Village { get; init; }

    /// <summary>负责人 (WeCom UserId or name), as imported.</summary>
    public string? ResponsibleCadre { get; init; }

    /// <summary>The date one-off duties count from (建成、审计决算), when the file gives one.</summary>
    public DateOnly? Since { get; init; }

    public required DateTimeOffset ImportedAt { get; init; }
}
