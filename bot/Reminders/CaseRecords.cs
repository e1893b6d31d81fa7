namespace AssistBot.Bot.Reminders;

/// <summary>
/// The stored shapes of the cases part's roster and household records (keys <c>cases/{county}/cadres/{userId}</c>,
/// <c>cases/{county}/households/{户编号}</c> and their indexes), read here with only the fields reminders need.
/// </summary>
internal static class CaseRecords
{
    public static string Cadre(string county, string userId) => $"cases/{county}/cadres/{userId}";

    public static string CadreIndex(string county) => $"cases/{county}/idx/cadres";

    public static string Household(string county, string householdNo) => $"cases/{county}/households/{householdNo}";

    public static string HouseholdIndex(string county) => $"cases/{county}/idx/households";

    /// <summary>Users bound to a record (members "channel:userId"), written by the binding dialog.</summary>
    public static string BoundUsers(string county, string kind, string key) => $"cases/{county}/idx/bound/{kind}/{key}";

    /// <summary>A user's binding document.</summary>
    public static string Binding(string county, string channel, string userId) => $"cases/{county}/bindings/{channel}:{userId}";

    public sealed record BindingSubject(string Kind, string Key);

    public sealed record UserBinding(string Channel, string UserId, IReadOnlyList<BindingSubject> Subjects);

    public sealed record RosterCadre(string CountyId, string UserId, string Name, string Title, string Township, IReadOnlyList<string>? Villages);

    public sealed record HouseholdRecord(
        string CountyId,
        string HouseholdNo,
        string HeadName,
        string Township,
        string Village,
        string? Category,
        DateOnly? IncludedOn,
        string? ResponsibleCadre,
        DateTimeOffset ImportedAt);
}
