using AssistBot.Bot.Cases;
using AssistBot.Bot.Privacy;
using AssistBot.Bot.Reminders;
using AssistBot.Bot.Loans;
using AssistBot.Bot.Storage;
using AssistBot.Knowledge.Calendar;
using AssistBot.Knowledge.Reminders;
using AssistBot.Scheduler.Delivery;
using AssistBot.Scheduler.Outbox;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Sweeps;
using Microsoft.Extensions.Logging.Abstractions;

namespace AssistBot.Bot.Tests.Reminders;

/// <summary>
/// The data a reminder test starts from: one county (a fresh id per test, with a real pack), its roster, households,
/// loans from a CSV, bindings and subscriptions, written to storage the way the importers and dialogs write them.
/// </summary>
public sealed class ReminderWorld
{
    public static ChinaWorkdays Workdays { get; } = ChinaWorkdays.Load(Path.Combine(AppContext.BaseDirectory, "calendar", "cn-workdays.json"));

    public static ReminderPack Pack(string id) => ReminderPackLoader.LoadPack(Path.Combine(AppContext.BaseDirectory, "packs"), id);

    public static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "Reminders", "data", name);

    /// <summary>The personal-data key the seeds are written under (hosts reading them configure it as DataProtection:Key).</summary>
    public static byte[] DataKey { get; } = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    public static PersonalDataProtector Protector { get; } = new(DataKey);

    public ReminderWorld(string packId, string? countyId = null)
    {
        PackId = packId;
        County = new ReminderCounty(countyId ?? $"sim{Guid.NewGuid():N}"[..16], "测试县", Pack(packId));
        Keyspace = "outbox-" + County.Id;
    }

    public ReminderCounty County { get; }

    public string PackId { get; }

    public string Keyspace { get; }

    public Task AddCadreAsync(IStorage storage, string userId, string name, string title, string township, params string[] villages) =>
        SeedCadreAsync(storage, County.Id, userId, name, title, township, villages);

    public Task AddHouseholdAsync(IStorage storage, string number, string head, string township, string village, string category,
        DateOnly? includedOn, string? cadre, DateTimeOffset importedAt) =>
        SeedHouseholdAsync(storage, County.Id, number, head, township, village, category, includedOn, cadre, importedAt);

    /// <summary>A roster entry, through the cases part's own store (what the roster import writes).</summary>
    public static Task SeedCadreAsync(IStorage storage, string county, string userId, string name, string title, string township,
        params string[] villages) =>
        new RosterStore(storage, storage, storage).UpsertAsync(new Cadre(county, userId, name, title, township, villages));

    /// <summary>A household without a phone (so nothing to bind), through the cases part's own store (what the import writes).</summary>
    public static Task SeedHouseholdAsync(IStorage storage, string county, string number, string head, string township, string village,
        string category, DateOnly? includedOn, string? cadre, DateTimeOffset importedAt) =>
        new HouseholdStore(storage, storage, storage, new BindingRegistry(storage, Protector)).UpsertAsync(new Household
        {
            CountyId = county, HouseholdNo = number, HeadName = head, IdNumberProtected = Protector.Protect($"id-{number}")!,
            IdNumberHash = Protector.LookupHash("id", $"id-{number}"), Township = township, Village = village, Category = category,
            IncludedOn = includedOn, ResponsibleCadre = cadre, ImportedAt = importedAt,
        });

    public async Task<LoanImportResult> ImportLoansAsync(IStorage storage, TimeProvider time, string file)
    {
        var importer = new LoanImporter(new LoanStore(storage, storage, storage, new StorageBorrowerAccounts(storage, storage), time), Protector,
            new RosterCadreDirectory(new RosterStore(storage, storage, storage)), time);
        using var reader = new StreamReader(DataFile(file));
        return await importer.ImportAsync(County.Id, reader);
    }

    /// <summary>Everything one service instance runs for reminders, over the given storage and clock (dispose it when it stops).</summary>
    public ReminderHost Host(IStorage storage, TimeProvider time, IMessageSender sender) => new(this, storage, time, sender);
}
