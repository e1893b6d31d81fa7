namespace AssistBot.Bot.Cases;

/// <summary>Storage keys and index names of the case records, all scoped by county.</summary>
internal static class CaseKeys
{
    public static string Declaration(string county, string id) => $"cases/{county}/declarations/{id.ToUpperInvariant()}";

    /// <summary>Points to the open declaration of the household with this ID-number hash (one at a time).</summary>
    public static string OpenByIdNumber(string county, string idHash) => $"cases/{county}/open-by-id/{idHash}";

    public static string Sequence(string county, string date) => $"cases/{county}/seq/{date}";

    public static string IndexAll(string county) => $"cases/{county}/idx/declarations";

    public static string IndexOpenByTownship(string county, string township) => $"cases/{county}/idx/open/{township}";

    public static string IndexByUser(string county, string channel, string userId) => $"cases/{county}/idx/user/{channel}:{userId}";

    public static string IndexAssigned(string county, string cadre) => $"cases/{county}/idx/assigned/{cadre}";

    /// <summary>Open declarations scored by the deadline of their next step (unix seconds), for reminders.</summary>
    public static string IndexDue(string county) => $"cases/{county}/idx/due";

    public static string Cadre(string county, string userId) => $"cases/{county}/cadres/{userId}";

    public static string IndexCadres(string county) => $"cases/{county}/idx/cadres";

    public static string Household(string county, string householdNo) => $"cases/{county}/households/{householdNo}";

    public static string IndexHouseholds(string county) => $"cases/{county}/idx/households";

    /// <summary>A subject other than a household (光伏电站, 安置点, 供水工程 …) by its 编号.</summary>
    public static string Site(string county, string siteNo) => $"cases/{county}/sites/{siteNo}";

    public static string IndexSites(string county) => $"cases/{county}/idx/sites";

    public static string BindingCandidate(string county, string bindingHash) => $"cases/{county}/binding-candidates/{bindingHash}";

    public static string Binding(string county, string channel, string userId) => $"cases/{county}/bindings/{channel}:{userId}";

    public static string IndexBoundUsers(string county, string kind, string key) => $"cases/{county}/idx/bound/{kind}/{key}";

    public static string BindingFailures(string county, string channel, string userId, string date) =>
        $"cases/{county}/binding-failures/{channel}:{userId}/{date}";
}
