using System.Text.Json;
using AssistBot.Bot.Cases;
using AssistBot.Bot.Cli;
using AssistBot.Bot.Hosting;
using AssistBot.Bot.Reminders;
using AssistBot.Knowledge.Calendar;
using Microsoft.Extensions.DependencyInjection;
using AssistBot.Bot.Tests.Infrastructure;

namespace AssistBot.Bot.Tests.Reminders;

/// <summary>
/// The "done when", through the CLI over the service's real registrations (embedded store): import the
/// roster, households and sites of <c>Reminders/data</c> with <c>import roster|households|sites</c>, then
/// <c>reminders preview --county xinfeng --from 2024-06-01 --days 30</c> (and the same for 禹州).
/// </summary>
public sealed class CadencePreviewTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("assistbot-cadence-").FullName;
    private readonly TestServiceHost _host;
    private static ChinaWorkdays Workdays => ReminderWorld.Workdays;

    public CadencePreviewTests()
    {
        var settings = AssistBotFactory.TwoCounties("xinfeng");
        settings["Storage:DataDirectory"] = _directory;
        settings["DataProtection:Key"] = Convert.ToBase64String(ReminderWorld.DataKey);
        _host = TestServiceHost.Build(settings);
    }

    private sealed record Line(string Due, string Kind, string Stage, string Subject, string Recipient, string? Title, string? Place,
        string? RecipientName)
    {
        public DateOnly Day => DateOnly.ParseExact(Due[..10], "yyyy-MM-dd");
    }

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        foreach (var command in _host.Services.GetServices<ICliCommand>())
            if (command is PreviewRemindersCommand preview) (preview.Output, preview.ErrorOutput) = (output, error);
        var code = await CliRunner.RunAsync(_host.Services, args, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    private async Task<List<Line>> PreviewAsync(string county, params string[] extra)
    {
        var (code, output, error) = await RunAsync(["reminders", "preview", "--county", county, "--from", "2024-06-01", "--days", "30", "--json", .. extra]);
        Assert.True(code == 0, error);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l =>
        {
            var json = JsonSerializer.Deserialize<Dictionary<string, string?>>(l)!;
            return new Line(json["due"]!, json["kind"]!, json["stage"]!, json["subject"]!, json["recipient"]!, json.GetValueOrDefault("title"),
                json.GetValueOrDefault("place"), json.GetValueOrDefault("recipientName"));
        }).ToList();
    }

    private async Task ImportAsync(string county, string what, string file)
    {
        var code = await CliRunner.RunAsync(_host.Services, ["import", what, ReminderWorld.DataFile(file), "--county", county], CancellationToken.None);
        Assert.Equal(0, code);
    }

    [Fact]
    public async Task Xinfeng_june_2024_lists_station_site_asset_spending_and_survey_duties_to_the_right_people_on_working_days()
    {
        await ImportAsync("xinfeng", "roster", "xinfeng-roster.csv");
        await ImportAsync("xinfeng", "households", "xinfeng-households.csv");
        await ImportAsync("xinfeng", "sites", "xinfeng-sites.csv");

        var lines = await PreviewAsync("xinfeng");
        var log = string.Join('\n', lines);
        List<Line> Due(string duty) => lines.Where(l => l.Kind == "duty" && l.Stage == duty).ToList();

        // 光伏电站运维: twice, to the station's cadre, at the start of each half of June (6/1 is a Saturday).
        var pv = Due("pv-maintenance");
        Assert.Equal([("刘干部", new DateOnly(2024, 6, 3), "光伏电站运维（第1次，共2次）"), ("刘干部", new DateOnly(2024, 6, 17), "光伏电站运维（第2次，共2次）")],
            pv.Select(l => (l.RecipientName, l.Day, l.Title)));
        Assert.All(pv, l => Assert.Equal("GF001", l.Subject));
        // 安置点回访 to the site's cadre.
        Assert.Equal(("陈干部", new DateOnly(2024, 6, 3), "AZ001"), Due("relocation-visit").Select(l => (l.RecipientName, l.Day, l.Subject)).Single());
        // 6月 经营性资产大排查: each township's 乡镇干部.
        Assert.Equal(["周镇长", "黄书记"], Due("asset-survey").Select(l => l.RecipientName!).Order(StringComparer.Ordinal));
        Assert.All(Due("asset-survey"), l => Assert.Equal(new DateOnly(2024, 6, 3), l.Day));
        // 6月底 支出进度50%: the county office, two weeks ahead (6/16 is a Sunday → 6/17).
        var spending = Assert.Single(Due("fund-spending"));
        Assert.Equal(("徐股长", new DateOnly(2024, 6, 17), "衔接资金支出进度（目标：支出率达到50%以上）"), (spending.RecipientName, spending.Day, spending.Title));
        // Quarterly 劳动力摸底排查: the village cadre of 游州村 (村党支部书记 → 村干部), before the quarter ends.
        var survey = Assert.Single(Due("labor-survey"));
        Assert.Equal(("陈干部", new DateOnly(2024, 6, 17), "嘉定镇/游州村"), (survey.RecipientName, survey.Day, survey.Place));
        // Undone May windows escalate: the station's second half of May to 大塘埠镇's lead.
        Assert.Contains(lines, l => l.Kind == "duty-overdue" && l.Stage == "pv-maintenance" && l.RecipientName == "黄书记" && l.Day == new DateOnly(2024, 6, 5));
        // Everything for cadres lands on a working day; 何会计 (a 职务 no pack knows) gets nothing.
        Assert.All(lines, l => Assert.True(Workdays.IsWorkday(l.Day), $"{l} is not on a working day"));
        Assert.DoesNotContain(lines, l => l.RecipientName == "何会计");
        Assert.True(lines.Count == 19, $"expected 19 reminders, got {lines.Count}:\n{log}");
    }

    [Fact]
    public async Task Yuzhou_june_2024_lists_every_tuesdays_publicity_day_and_the_second_quarter_screening()
    {
        await ImportAsync("yuzhou", "roster", "yuzhou-roster.csv");

        var lines = await PreviewAsync("yuzhou");
        var tuesdays = lines.Where(l => l.Kind == "duty" && l.Stage == "publicity-day").ToList();
        Assert.Equal([4, 11, 18, 25], tuesdays.Select(l => l.Day.Day));
        Assert.All(tuesdays, l => Assert.Equal(("王干部", DayOfWeek.Tuesday, "褚河街道/八里营村"), (l.RecipientName, l.Day.DayOfWeek, l.Place)));
        var screening = Assert.Single(lines, l => l.Kind == "duty" && l.Stage == "q2-screening");
        Assert.Equal(("马支书", new DateOnly(2024, 6, 17), "集中排查（重点人群、“三保障”和饮水安全隐患家庭）"),
            (screening.RecipientName, screening.Day, screening.Title));
        Assert.All(lines, l => Assert.True(Workdays.IsWorkday(l.Day), $"{l} is not on a working day"));
    }

    [Fact]
    public async Task Preview_for_a_person_a_village_and_a_township()
    {
        await ImportAsync("xinfeng", "roster", "xinfeng-roster.csv");
        await ImportAsync("xinfeng", "sites", "xinfeng-sites.csv");

        var person = await PreviewAsync("xinfeng", "--person", "陈干部");
        Assert.NotEmpty(person);
        Assert.All(person, l => Assert.Equal("陈干部", l.RecipientName));
        var village = await PreviewAsync("xinfeng", "--township", "嘉定镇", "--village", "游州村");
        Assert.Equal(["labor-survey", "relocation-visit", "relocation-visit"], village.Select(l => l.Stage).Order(StringComparer.Ordinal));
        var township = await PreviewAsync("xinfeng", "--township", "大塘埠");
        Assert.All(township, l => Assert.StartsWith("大塘埠镇/", l.Place));
        Assert.Contains(township, l => l.Stage == "asset-survey");

        var text = await RunAsync("reminders", "preview", "--county", "xinfeng", "--from", "2024-06-01", "--days", "30", "--person", "liu.ganbu");
        Assert.Contains("2024-06-03 周一 09:00  duty          GF001      光伏电站运维（第1次，共2次） → 刘干部 wecom:li****bu", text.Out);
        var unknown = await RunAsync("reminders", "preview", "--county", "xinfeng", "--from", "2024-06-01", "--person", "nobody");
        Assert.Equal(2, unknown.Code);
        Assert.Contains("干部名单里没有“nobody”", unknown.Err);
    }

    public void Dispose()
    {
        _host.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
