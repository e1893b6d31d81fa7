using System.Collections.Concurrent;
using AssistBot.Bot.Cases.Import;
using AssistBot.Bot.Loans;
using AssistBot.Bot.Tables;

namespace AssistBot.Bot.StaffConsole;

/// <summary>What staff can import from the console, with the columns each file must have.</summary>
public static class ImportKinds
{
    public const string Roster = "roster";
    public const string Households = "households";
    public const string Loans = "loans";

    public static readonly (string Kind, string Label)[] All = [(Roster, "干部名单"), (Households, "户信息"), (Loans, "小额信贷")];

    public static string Label(string kind) => All.FirstOrDefault(k => k.Kind == kind).Label ?? kind;

    public static IReadOnlyList<string> Columns(string kind) => kind switch
    {
        Roster => CaseImporter.RosterColumns,
        Households => CaseImporter.HouseholdColumns,
        Loans => LoanFile.Columns,
        _ => [],
    };
}
