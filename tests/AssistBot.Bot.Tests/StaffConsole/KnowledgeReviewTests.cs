using AssistBot.Bot.Cases;
using AssistBot.Bot.Knowledge.Review;
using AssistBot.Bot.Privacy;
using AssistBot.Bot.StaffConsole;

namespace AssistBot.Bot.Tests.StaffConsole;

/// <summary>The console's small rules: how a question is kept and grouped, how a pack file is edited, the deadline badge.</summary>
public sealed class KnowledgeReviewTests
{
    [Theory]
    [InlineData("我叫王秀兰，低保怎么申请", "我叫某某，低保怎么申请")]
    [InlineData("户主叫张三 房子漏雨能补吗", "户主叫某某 房子漏雨能补吗")]
    [InlineData("我是脱贫户，孩子上学有补助吗", "我是脱贫户，孩子上学有补助吗")]
    [InlineData("户主是残疾人能领什么", "户主是残疾人能领什么")]
    [InlineData("电话13912345678 贷款到期了怎么办", "电话139****5678 贷款到期了怎么办")]
    public void A_kept_question_loses_names_and_numbers_but_keeps_its_meaning(string asked, string kept) =>
        Assert.Equal(kept, MissedQuestionStore.Clean(asked));

    [Fact]
    public void Near_wordings_share_a_group_and_unrelated_ones_do_not()
    {
        MissedQuestion Q(string text, int count) => new()
        {
            CountyId = "yuzhou", Key = MissedQuestionStore.Hash(MissedQuestionStore.Normalize(text)), Text = text, Outcome = "fallback",
            Count = count, FirstAt = DateTimeOffset.UnixEpoch, LastAt = DateTimeOffset.UnixEpoch.AddDays(count),
        };
        var groups = MissedQuestionGroup.Group([Q("村里的路灯坏了找谁修", 2), Q("我叫某某 139****5678 村里路灯坏了找谁修", 1), Q("养羊有补贴吗", 5)]);
        Assert.Equal(2, groups.Count);
        Assert.Equal(("养羊有补贴吗", 5), (groups[0].Lead.Text, groups[0].Count));
        Assert.Equal(("村里的路灯坏了找谁修", 3), (groups[1].Lead.Text, groups[1].Count));
        Assert.Equal(MissedQuestionStore.Normalize("低保，怎么申请？"), MissedQuestionStore.Normalize("低保怎么申请"));
    }

    private const string Pack = """
        # 条目
        entries:
          - id: a-one
            title: 一
            questions:
              - 第一问
              - 第二问
            answer: |
              回答一
            source: 《文件》一

          - id: a-two
            title: 二
            answer: 回答二
            source: 《文件》二
          - id: a-three
            questions: [甲, 乙]
            answer: 回答三
        """;

    [Fact]
    public void A_sample_phrasing_goes_after_the_entrys_last_question_and_nothing_else_moves()
    {
        Assert.True(PackEditor.TryAddQuestion(Pack, "a-one", "新的\"问法\"", out var edited, out _));
        var lines = edited.Split('\n');
        Assert.Equal("      - \"新的\\\"问法\\\"\"", lines[Array.IndexOf(lines, "      - 第二问") + 1]);
        Assert.Equal(Pack.Split('\n').Length + 1, lines.Length);
        Assert.Equal(Pack, edited.Replace("      - \"新的\\\"问法\\\"\"\n", ""));

        Assert.True(PackEditor.TryAddQuestion(Pack, "a-two", "第二条的问法", out var added, out _));
        Assert.Contains("    title: 二\n    questions:\n      - \"第二条的问法\"\n    answer: 回答二", added);

        Assert.False(PackEditor.TryAddQuestion(Pack, "a-three", "x", out _, out var problem));
        Assert.Contains("手工编辑", problem);
        Assert.False(PackEditor.TryAddQuestion(Pack, "a-four", "x", out _, out _));
    }

    [Theory]
    [InlineData(10, "剩 10 天", DeadlineLevel.Ok)]
    [InlineData(3, "临近：剩 3 天", DeadlineLevel.Near)]
    [InlineData(0, "临近：今天到期", DeadlineLevel.Near)]
    [InlineData(-2, "已超期 2 天", DeadlineLevel.Overdue)]
    public void The_deadline_badge_says_in_words_what_its_colour_says(int daysLeft, string label, DeadlineLevel level)
    {
        var now = new DateTimeOffset(2024, 5, 15, 9, 0, 0, ChinaTime.Offset);
        var d = new Declaration
        {
            Id = "YZ-20240515-0001", CountyId = "yuzhou", Channel = "wechat", UserId = "o", HeadName = "张三", PhoneProtected = "",
            Township = "火龙镇", Village = "任湾村", HouseholdSize = 3, Hardships = [HardshipType.Illness], Description = "",
            Status = DeclarationStatus.Submitted, SubmittedAt = now, UpdatedAt = now, History = [],
            NextStepDue = now.AddDays(daysLeft).AddHours(daysLeft == 0 ? 3 : 0),
        };
        var badge = DeadlineBadge.For(d, now, 3);
        Assert.Equal((label, level), (badge.Label, badge.Level));
    }
}
