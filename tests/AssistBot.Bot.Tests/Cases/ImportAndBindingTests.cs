using AssistBot.Bot.Cases;
using AssistBot.Bot.Storage;
using AssistBot.Bot.Tests.Infrastructure;

namespace AssistBot.Bot.Tests.Cases;

[Collection(SharedRedisCollection.Name)]
public sealed class ImportAndBindingTests(SharedRedis redis) : IDisposable
{
    private readonly CaseWorld _world = new(new RedisStorage(redis.Connection));

    private static readonly string Id1 = TestIds.Valid();
    private static readonly string Id2 = TestIds.Valid();

    private static string Households(string phone1 = "13912345678") =>
        "户编号,户主姓名,身份证号,乡镇,村,监测对象类别,纳入日期,帮扶责任人,联系电话\n" +
        $"H001,张三,{Id1},大塘埠,代屋村,边缘易致贫户,2024-03-01,刘村干,{phone1}\n" +
        $"H002,李四,{TestIds.WithWrongCheck(Id2)},大塘埠镇,代屋村,,,,\n" +       // line 3: bad check digit
        $"H003,王五,{Id2},北京,某村,,,,\n" +                                        // line 4: unknown township
        "H004,赵六,,嘉定镇,新村,,,,\n" +                                            // line 5: no ID
        $"\"H005\",\"钱七\",{TestIds.Valid()},古陂,上村,脱贫不稳定户,2024/3/1,\"刘, \"\"老刘\"\"\",\n"; // line 6: quoted, fine

    [Fact]
    public async Task Bad_rows_are_reported_with_line_numbers_and_good_rows_imported()
    {
        var report = await _world.Importer.ImportHouseholdsAsync(_world.Xinfeng, Households());

        Assert.Equal(2, report.Created);
        Assert.Equal([3, 4, 5], report.Errors.Select(e => e.Line));
        Assert.Contains("校验位", report.Errors[0].Message);
        Assert.DoesNotContain(Id2[..17], report.Errors[0].Message); // the bad number is masked in the report
        Assert.Contains("北京", report.Errors[1].Message);
        var h5 = await _world.Get<HouseholdStore>().GetAsync(_world.Xinfeng, "H005");
        Assert.Equal("刘, \"老刘\"", h5!.ResponsibleCadre);
        Assert.Equal(new DateOnly(2024, 3, 1), h5.IncludedOn);
        Assert.Equal("古陂镇", h5.Township);
    }

    [Fact]
    public async Task An_xlsx_household_list_reports_bad_rows_by_their_excel_row_number()
    {
        var xlsx = XlsxFile.Create(new Dictionary<int, object?[]>
        {
            [1] = ["户编号", "户主姓名", "身份证号", "乡镇", "村", "监测对象类别", "纳入日期", "帮扶责任人", "联系电话"],
            [2] = ["H001", "张三", Id1, "大塘埠", "代屋村", "边缘易致贫户", "2024-03-01", "刘村干", 13912345678L],
            [6] = ["H002", "李四", TestIds.WithWrongCheck(Id2), "大塘埠镇", "代屋村"],     // rows 3–5 left empty
            [7] = ["H003", "王五", Id2, "北京", "某村"],
        });

        Assert.True(AssistBot.Bot.Cases.Import.CaseImporter.TryLoad(new MemoryStream(xlsx), "户.xlsx", out var table, out _));
        var report = await _world.Importer.ImportHouseholdsAsync(_world.Xinfeng, table);

        Assert.Equal(1, report.Created);
        Assert.Equal([6, 7], report.Errors.Select(e => e.Line));
        Assert.Contains("校验位", report.Errors[0].Message);
        Assert.Equal("大塘埠镇", (await _world.Get<HouseholdStore>().GetAsync(_world.Xinfeng, "H001"))!.Township);
    }

    [Fact]
    public async Task Reimport_updates_rows_by_key()
    {
        await _world.Importer.ImportHouseholdsAsync(_world.Xinfeng, Households());
        var again = await _world.Importer.ImportHouseholdsAsync(_world.Xinfeng, Households().Replace("边缘易致贫户", "突发严重困难户"));

        Assert.Equal(0, again.Created);
        Assert.Equal(2, again.Updated);
        Assert.Equal("突发严重困难户", (await _world.Get<HouseholdStore>().GetAsync(_world.Xinfeng, "H001"))!.Category);
    }

    [Fact]
    public async Task Roster_import_splits_villages_and_maps_old_names()
    {
        var report = await _world.Importer.ImportRosterAsync(_world.Yuzhou,
            "企业微信账号,姓名,职务,乡镇,村\nzhang,张干部,驻村干部,褚河镇,东村；西村;南村\nbad user,李,,褚河街道,\nwang,王干部,乡镇干部,褚河街道,\n");
        Assert.Equal(2, report.Created);
        Assert.Equal(3, Assert.Single(report.Errors).Line);
        var zhang = await _world.Get<RosterStore>().GetAsync(_world.Yuzhou, "zhang");
        Assert.Equal("褚河街道", zhang!.Township);
        Assert.Equal(["东村", "西村", "南村"], zhang.Villages);
        Assert.True((await _world.Get<RosterStore>().GetAsync(_world.Yuzhou, "wang"))!.CoversWholeTownship);
    }

    [Fact]
    public async Task Roster_import_accepts_the_packs_roles_and_county_level_rows_and_names_rows_with_a_role_no_pack_knows()
    {
        var report = await _world.Importer.ImportRosterAsync(_world.Xinfeng, string.Join('\n',
            "企业微信账号,姓名,职务,乡镇,村",
            "liu,刘干部,驻村第一书记,大塘埠镇,代屋村",
            "xu,徐股长,县乡村振兴局,,",             // county level: no township needed
            "he,何会计,会计,嘉定镇,",               // line 4: imported, but no pack role
            "sun,孙干部,村干部,,"));                 // line 5: a village role needs its township
        Assert.Equal(3, report.Created);
        Assert.Equal(5, Assert.Single(report.Errors).Line);
        var remark = Assert.Single(report.Remarks);
        Assert.Equal(4, remark.Line);
        Assert.Contains("职务\"会计\"不是政策包里的角色", remark.Message);
        Assert.Contains("驻村干部", remark.Message);
        Assert.Equal("", (await _world.Get<RosterStore>().GetAsync(_world.Xinfeng, "xu"))!.Township);
    }

    [Fact]
    public async Task Sites_import_through_the_same_importer_with_line_numbers_and_updates_by_key()
    {
        const string header = "编号,名称,类型,乡镇,村,负责人,日期\n";
        var report = await _world.Importer.ImportSitesAsync(_world.Xinfeng, header +
            "GF001,代屋村光伏电站,光伏电站,大塘埠镇,代屋村,liu,2019-06-30\n" +
            "AZ001,游州安置点,易地搬迁安置点,嘉定镇,游州村,chen,\n" +
            "XX001,某工程,水塔,嘉定镇,游州村,chen,\n" +            // line 4: unknown type
            "GF001,重复,光伏,大塘埠镇,代屋村,liu,\n" +              // line 5: repeated key
            "ZC001,冷库,经营性资产,古陂,,,2024-13-01\n" +            // line 6: bad date
            "SC001,帮扶车间,帮扶车间,北京,,,\n");                    // line 7: unknown township
        Assert.Equal(2, report.Created);
        Assert.Equal([4, 5, 6, 7], report.Errors.Select(e => e.Line));
        Assert.Contains("类型\"水塔\"不认识（可用：光伏电站、安置点、供水工程、帮扶车间、项目资产）", report.Errors[0].Message);
        var site = await _world.Get<SiteStore>().GetAsync(_world.Xinfeng, "AZ001");
        Assert.Equal(("relocation-site", "嘉定镇", "游州村", (DateOnly?)null), (site!.Type, site.Township, site.Village, site.Since));
        Assert.Equal(new DateOnly(2019, 6, 30), (await _world.Get<SiteStore>().GetAsync(_world.Xinfeng, "GF001"))!.Since);

        var again = await _world.Importer.ImportSitesAsync(_world.Xinfeng, header + "AZ001,游州安置点,安置点,嘉定镇,游州村,wang,\n");
        Assert.Equal((0, 1), (again.Created, again.Updated));
        Assert.Equal("wang", (await _world.Get<SiteStore>().GetAsync(_world.Xinfeng, "AZ001"))!.ResponsibleCadre);
        // 禹州's pack knows only 项目资产 as a subject beyond households.
        var yuzhou = await _world.Importer.ImportSitesAsync(_world.Yuzhou, header + "GF9,光伏,光伏电站,褚河街道,,,\n");
        Assert.Contains("不认识（可用：项目资产）", Assert.Single(yuzhou.Errors).Message);
    }

    [Fact]
    public async Task Imports_take_only_exact_township_names_never_a_guess()
    {
        // 褚河镇 is in 禹州; in 信丰 it is one character from 小河镇, which must not be guessed.
        var report = await _world.Importer.ImportRosterAsync(_world.Xinfeng, "企业微信账号,姓名,职务,乡镇,村\nzhou,周干部,,褚河镇,\n");
        Assert.Equal(0, report.Imported);
        Assert.Equal(2, Assert.Single(report.Errors).Line);
    }

    [Fact]
    public async Task A_file_without_the_expected_header_is_refused_whole()
    {
        var report = await _world.Importer.ImportRosterAsync(_world.Xinfeng, "账号,名字\na,b\n");
        Assert.Equal(0, report.Imported);
        Assert.Contains("企业微信账号", Assert.Single(report.Errors).Message);
    }

    [Fact]
    public async Task Binding_needs_all_three_to_match_and_never_says_which_was_wrong()
    {
        await _world.Importer.ImportHouseholdsAsync(_world.Xinfeng, Households());
        var binding = _world.Get<BindingService>();

        var wrongPhone = await binding.BindAsync(_world.Xinfeng, "wechat", "o_bind", "张三", Id1[^6..], "13900000000");
        var wrongName = await binding.BindAsync(_world.Xinfeng, "wechat", "o_bind", "张四", Id1[^6..], "13912345678");
        Assert.Equal(BindingOutcome.NoMatch, wrongPhone.Outcome);
        Assert.Equal(BindingTexts.Failed(3), BindingTexts.Failed(wrongName.AttemptsLeft));

        var ok = await binding.BindAsync(_world.Xinfeng, "wechat", "o_bind", "张三", Id1[^6..].ToLowerInvariant(), "139 1234 5678");
        Assert.Equal(BindingOutcome.Bound, ok.Outcome);
        Assert.Equal([new BindingSubject("household", "H001")], ok.Subjects);
        Assert.Equal(["wechat:o_bind"], await binding.BoundUsersAsync(_world.Xinfeng, new BindingSubject("household", "H001")));
    }

    [Fact]
    public async Task Five_failures_lock_binding_until_the_next_china_day()
    {
        await _world.Importer.ImportHouseholdsAsync(_world.Xinfeng, Households());
        var binding = _world.Get<BindingService>();
        for (var i = 0; i < 4; i++)
            Assert.Equal(BindingOutcome.NoMatch, (await binding.BindAsync(_world.Xinfeng, "wechat", "o_lock", "张三", "000000", "13912345678")).Outcome);
        Assert.Equal(BindingOutcome.LockedOut, (await binding.BindAsync(_world.Xinfeng, "wechat", "o_lock", "张三", "000000", "13912345678")).Outcome);

        // Even the right answers are refused today.
        Assert.Equal(BindingOutcome.LockedOut, (await binding.BindAsync(_world.Xinfeng, "wechat", "o_lock", "张三", Id1[^6..], "13912345678")).Outcome);
        // Another user is not affected.
        Assert.Equal(BindingOutcome.Bound, (await binding.BindAsync(_world.Xinfeng, "wechat", "o_other", "张三", Id1[^6..], "13912345678")).Outcome);

        _world.Clock.AdjustTime(new DateTimeOffset(2024, 5, 16, 0, 5, 0, ChinaTime.Offset));
        Assert.Equal(BindingOutcome.Bound, (await binding.BindAsync(_world.Xinfeng, "wechat", "o_lock", "张三", Id1[^6..], "13912345678")).Outcome);
    }

    [Fact]
    public async Task A_reimport_with_a_new_phone_moves_the_binding_key()
    {
        await _world.Importer.ImportHouseholdsAsync(_world.Xinfeng, Households());
        await _world.Importer.ImportHouseholdsAsync(_world.Xinfeng, Households("13887654321"));
        var binding = _world.Get<BindingService>();

        Assert.Equal(BindingOutcome.NoMatch, (await binding.BindAsync(_world.Xinfeng, "wechat", "o_m", "张三", Id1[^6..], "13912345678")).Outcome);
        Assert.Equal(BindingOutcome.Bound, (await binding.BindAsync(_world.Xinfeng, "wechat", "o_m", "张三", Id1[^6..], "13887654321")).Outcome);
    }

    public void Dispose() => _world.Dispose();
}
