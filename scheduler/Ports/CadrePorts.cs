namespace AssistBot.Scheduler.Ports;

/// <summary>A cadre as reminders need them; <see cref="Villages"/> empty = the whole township ("" township = county level).</summary>
public sealed record CadreContact(string UserId, string Name, string Township, string Title = "", IReadOnlyList<string>? Villages = null);

public interface ICadreDirectory
{
    /// <summary>The township's lead (乡镇负责人) who hears of overdue duties, or null when none is on the roster.</summary>
    ValueTask<CadreContact?> TownshipLeadAsync(string countyId, string township, CancellationToken cancellationToken = default);

    /// <summary>A cadre by WeCom UserId, or by name within a township (as the loan and household files give them).</summary>
    ValueTask<CadreContact?> FindAsync(string countyId, string userIdOrName, string? township, CancellationToken cancellationToken = default);

    /// <summary>Everyone on the county's roster (role duties go to the holders of a role).</summary>
    ValueTask<IReadOnlyList<CadreContact>> ListAsync(string countyId, CancellationToken cancellationToken = default);
}
