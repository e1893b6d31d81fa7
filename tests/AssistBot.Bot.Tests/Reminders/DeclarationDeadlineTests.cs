using AssistBot.Bot.Cases;
using AssistBot.Bot.Reminders;
using AssistBot.Bot.Storage;
using AssistBot.Bot.Tests.Cases;
using AssistBot.Scheduler.Ports;

namespace AssistBot.Bot.Tests.Reminders;

/// <summary>Self-declaration time limits reach the deadline sweep with their cadre and the clause they come from.</summary>
public sealed class DeclarationDeadlineTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("assistbot-deadlines-").FullName;
    private readonly EmbeddedStorage _storage;

    public DeclarationDeadlineTests() => _storage = new EmbeddedStorage(Path.Combine(_directory, "assistbot.db"), TimeProvider.System);

    [Fact]
    public async Task A_submitted_declaration_is_a_deadline_for_the_village_cadre()
    {
        using var world = new CaseWorld(_storage);
        await world.Get<RosterStore>().UpsertAsync(new Cadre(world.Yuzhou, "wang.ganbu", "王干部", "驻村第一书记", "褚河街道", ["某村"]));
        var declaration = await world.SubmitAsync(world.Yuzhou, township: "褚河街道", village: "某村");
        Assert.NotNull(declaration.NextStepDue);

        var source = new DeclarationDeadlines(world.Declarations, world.Get<RosterStore>(), world.Get<CountyCaseData>());
        var today = AssistBot.Scheduler.Time.ChinaTime.DateOf(world.Clock.GetUtcNow());
        var deadlines = new List<Deadline>();
        await foreach (var d in source.DueBetweenAsync(world.Yuzhou, today, today.AddDays(60))) deadlines.Add(d);

        var deadline = Assert.Single(deadlines);
        Assert.Equal((declaration.Id, "wang.ganbu", "褚河街道"), (deadline.SubjectId, deadline.CadreUserId, deadline.Township));
        Assert.Equal(AssistBot.Scheduler.Time.ChinaTime.DateOf(declaration.NextStepDue!.Value), deadline.DueDate);
        Assert.False(string.IsNullOrWhiteSpace(deadline.Source));
        Assert.Contains("张三户的困难申报", deadline.Title);
    }

    public void Dispose()
    {
        _storage.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
