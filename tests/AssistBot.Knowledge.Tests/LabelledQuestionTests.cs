using AssistBot.Knowledge.Answering;
using AssistBot.Knowledge.Packs;
using AssistBot.Knowledge.Understanding;

namespace AssistBot.Knowledge.Tests;

/// <summary>How people asked before (labelled-questions.yaml) answers what the rules cannot read.</summary>
public sealed class LabelledQuestionTests
{
    // 语露 for 雨露 and 系么子 (赣南: 是什么): no topic cue matches, so the rules only offer choices.
    private const string MisspeltInDialect = "语露计划系么子补助";

    [Fact]
    public void A_misspelt_dialect_question_is_answered_from_the_entry_its_labelled_look_alikes_name()
    {
        var answer = TestPacks.Answerer.Answer(TestPacks.Xinfeng, MisspeltInDialect);

        Assert.Equal(PolicyOutcome.Answer, answer.Outcome);
        Assert.Equal("nat-yulu", answer.TopicId);
        Assert.Contains("来源：", answer.Text);
        Assert.Contains(answer.Why, w => w.Contains("labelled questions", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_labelled_questions_the_same_question_is_not_answered_outright()
    {
        var dir = TestPacks.CopyToTemp();
        foreach (var file in Directory.GetFiles(dir, PackFilesName, SearchOption.AllDirectories)) File.Delete(file);
        using var registry = new PackRegistry(dir, TestPacks.KnownCounties);

        var answer = new PolicyAnswerer(registry).Answer(TestPacks.Xinfeng, MisspeltInDialect);

        Assert.NotEqual(PolicyOutcome.Answer, answer.Outcome);
    }

    [Fact]
    public void Labelled_questions_clearly_answered_by_another_entry_overrule_a_wrong_reading_of_a_misspelt_question()
    {
        // 找工做…登计 (找工作…登记): the characters the rules search with land on 雨露计划's «计»; people asking like this
        // wanted the job-seeking entry.
        var answer = TestPacks.Answerer.Answer(TestPacks.Yuzhou, "找工做要到哪里登计");

        Assert.Equal(PolicyOutcome.Answer, answer.Outcome);
        Assert.Equal("yz-employment", answer.TopicId);
        Assert.Contains(answer.Why, w => w.Contains("not nat-yulu", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("考驾照去哪报名")]
    [InlineData("孩子户口咋迁到城里")]
    [InlineData("去哪儿办")]
    // Not ours (the packs' out_of_scope terms), though look-alikes ask which bank lends.
    [InlineData("社保卡激活要去哪个银行")]
    public void Something_no_labelled_question_spoke_of_or_a_bare_aspect_is_not_answered_from_them(string question)
    {
        var answer = TestPacks.Answerer.Answer(TestPacks.Yuzhou, question);

        Assert.NotEqual(PolicyOutcome.Answer, answer.Outcome);
        Assert.DoesNotContain("来源：", answer.Text);
    }

    [Fact]
    public void Look_alikes_all_answered_one_way_answer_a_question_the_rules_read_as_the_neighbouring_topic()
    {
        // «进监测» reads as 防返贫监测, which has no figure; everyone who asked about a yearly income and monitoring was
        // answered with the monitoring line. Only odds this lopsided may cross the topic the rules read.
        const string question = "人均收入九千块了还能进监测不";
        var sure = TestPacks.Answerer.Answer(TestPacks.Yuzhou, question);
        var cautious = new PolicyAnswerer(() => TestPacks.Registry.Current,
            AnswerThresholds.Default with { LabelledSureMargin = double.PositiveInfinity }).Answer(TestPacks.Yuzhou, question);

        Assert.Equal(PolicyOutcome.Answer, sure.Outcome);
        Assert.Equal("yz-monitoring-line", sure.TopicId);
        Assert.Contains("7500", sure.Text);
        Assert.NotEqual("yz-monitoring-line", cautious.TopicId);
    }

    [Fact]
    public void A_bare_follow_up_keeps_to_the_conversation_not_to_what_others_meant_by_those_words()
    {
        // "能贷好多" after 创业担保贷款: most people asking it meant 小额信贷 (5万), this farmer did not.
        var first = TestPacks.Answerer.Answer(TestPacks.Xinfeng, "创业担保贷款");
        var next = TestPacks.Answerer.Answer(TestPacks.Xinfeng, "能贷好多", PolicyContext.None.After(first));

        Assert.DoesNotContain("5万", next.Text);
    }

    [Fact]
    public void A_follow_up_the_rules_cannot_settle_is_answered_among_the_conversation_topics_entries()
    {
        var first = TestPacks.Answerer.Answer(TestPacks.Xinfeng, "帮扶干部多久要上门一次");
        var next = TestPacks.Answerer.Answer(TestPacks.Xinfeng, "禹州那边呢", PolicyContext.None.After(first));

        Assert.Equal(PolicyOutcome.Answer, next.Outcome);
        Assert.Equal("yz-visit-cadence", next.TopicId);
        Assert.Equal(first.Topic, next.Topic);
    }

    [Theory]
    [InlineData(TestPacks.Xinfeng)]
    [InlineData(TestPacks.Yuzhou)]
    public void Asking_whether_the_hotline_takes_applications_is_answered_about_the_hotline(string pack)
    {
        // Two policies named, 12317 and 自主申报; the rules' aspect (能申请) picks the 申报 entry, but people asking like
        // this were told what 12317 does — which says it takes applications by phone.
        const string question = "打12317能申请纳入监测吗";
        var answer = TestPacks.Answerer.Answer(pack, question);
        var rulesOnly = new PolicyAnswerer(() => TestPacks.Registry.Current,
            AnswerThresholds.Default with { LabelledAmongNamedMargin = double.PositiveInfinity }).Answer(pack, question);

        Assert.Equal("nat-12317", answer.TopicId);
        Assert.Contains("电话申请纳入防返贫监测", answer.Text);
        Assert.Equal("nat-monitor-self-declare", rulesOnly.TopicId);
    }

    [Fact]
    public void A_follow_up_the_rules_answer_with_the_paragraph_just_read_gets_the_entry_people_meant()
    {
        // "消除以后干部还管不管" after what 风险消除 means: the same paragraph again would not say that the county still
        // looks back every month.
        var first = TestPacks.Answerer.Answer(TestPacks.Xinfeng, "风险消除是么子意思");
        var next = TestPacks.Answerer.Answer(TestPacks.Xinfeng, "消除以后干部还管不管", PolicyContext.None.After(first));
        var rulesOnly = new PolicyAnswerer(() => TestPacks.Registry.Current,
            AnswerThresholds.Default with { LabelledRepeatMargin = double.PositiveInfinity })
            .Answer(TestPacks.Xinfeng, "消除以后干部还管不管", PolicyContext.None.After(first));

        Assert.Equal("nat-risk-eliminated", first.TopicId);
        Assert.Equal("xf-monitoring-support", next.TopicId);
        Assert.Contains("每月", next.Text);
        Assert.Equal("nat-risk-eliminated", rulesOnly.TopicId);
    }

    [Fact]
    public void After_an_entry_of_two_policies_the_conversation_goes_on_with_the_one_the_farmer_spoke_of()
    {
        // 按劳动能力分类帮扶 is about 防返贫监测 and 兜底保障; a household with no labour asked, so "找谁办" is 兜底's.
        var first = TestPacks.Answerer.Answer(TestPacks.Yuzhou, "家里一个劳力都没有 有啥帮扶");
        var next = TestPacks.Answerer.Answer(TestPacks.Yuzhou, "找谁办", PolicyContext.None.After(first));

        Assert.Equal("yz-help-by-labor", first.TopicId);
        Assert.Equal("yz-doudi", next.TopicId);
        Assert.Contains("民政办", next.Text);
    }

    [Fact]
    public void Questions_staff_label_as_not_in_the_documents_stop_getting_a_confident_answer()
    {
        // A broken street lamp has nothing to do with 12317, but the rules read «打哪个电话» as the hotline's.
        const string question = "路灯坏了打哪个电话";
        Assert.Equal("nat-12317", TestPacks.Answerer.Answer(TestPacks.Xinfeng, question).TopicId);
        var dir = TestPacks.CopyToTemp();
        var file = Path.Combine(dir, TestPacks.Xinfeng, PackFilesName);
        File.WriteAllText(file, File.ReadAllText(file).Replace("  fallback:\n", """
              fallback:
              - 村里路灯不亮了打哪个电话
              - 路灯坏了找哪个电话修
              - 路灯晚上不亮打什么电话
              - 马路上的灯坏了打哪个电话报修

            """));
        using var registry = new PackRegistry(dir, TestPacks.KnownCounties);

        var answer = new PolicyAnswerer(registry).Answer(TestPacks.Xinfeng, question);

        Assert.Equal(PolicyOutcome.Fallback, answer.Outcome);
        Assert.DoesNotContain("来源：", answer.Text);
        Assert.Contains(answer.Why, w => w.Contains("not in the documents", StringComparison.Ordinal));
    }

    [Theory]
    // Look-alikes were often labelled with the policy's overview, which states no sum (爱心超市) or no hours (帮扶车间).
    [InlineData(TestPacks.Yuzhou, "爱心超市一个积分值多少钱", "yz-love-supermarket")]
    [InlineData(TestPacks.Xinfeng, "帮扶车间几点上班", "xf-workshop")]
    public void A_sum_or_a_time_firmly_asked_that_no_entry_states_gets_the_honest_reply_whatever_the_look_alikes_say(
        string pack, string question, string overview)
    {
        var answer = TestPacks.Answerer.Answer(pack, question);

        Assert.Equal(PolicyOutcome.Fallback, answer.Outcome);
        Assert.DoesNotContain("来源：", answer.Text);
        Assert.Contains(answer.Why, w => w.Contains($"lean to {overview}, which does not state", StringComparison.Ordinal));
    }

    [Fact]
    public void A_correction_is_never_answered_with_the_policy_the_farmer_said_was_not_meant()
    {
        var first = TestPacks.Answerer.Answer(TestPacks.Yuzhou, "低保一个月能领多少", PolicyContext.None);
        Assert.Equal("nat-dibao", first.TopicId);

        var corrected = TestPacks.Answerer.Answer(TestPacks.Yuzhou, "不是低保，我问的是五保户一个月领多少", PolicyContext.None.After(first));

        Assert.NotEqual("nat-dibao", corrected.TopicId);
        Assert.Contains("特困", corrected.Text);
    }

    [Fact]
    public void Money_told_rather_than_asked_still_lets_the_look_alikes_answer()
    {
        // 后给钱 says when one pays, not how much: people asking like this were told about 先诊疗后付费.
        var answer = TestPacks.Answerer.Answer(TestPacks.Xinfeng, "一般农户住院能先看病后给钱吗");

        Assert.Equal(PolicyOutcome.Answer, answer.Outcome);
        Assert.Equal("nat-xzlhff", answer.TopicId);
    }

    [Fact]
    public void A_message_about_something_else_after_a_topic_is_asked_afresh_not_taken_as_its_follow_up()
    {
        // 每户能分到几多钱 after 项目资产 is answered honestly for that topic; 护照 after 雨露计划 is no follow-up of it.
        var first = TestPacks.Answerer.Answer(TestPacks.Xinfeng, "娃读技校有补助冇");
        var next = TestPacks.Answerer.Answer(TestPacks.Xinfeng, "电视坏了没信号去哪里修", PolicyContext.None.After(first));

        Assert.Equal("nat-yulu", first.TopicId);
        Assert.NotEqual("nat-yulu", next.TopicId);
        Assert.DoesNotContain("雨露计划", next.Text);
    }

    [Fact]
    public void The_model_prefers_the_label_whose_questions_share_the_wording_and_says_how_much_of_it_they_used()
    {
        var model = new LabelledQuestionModel([
            ("loan", "小额信贷能贷多少"), ("loan", "扶贫贷款最多贷几万"), ("loan", "贷款额度是多少"),
            ("yulu", "雨露计划一年补多少"), ("yulu", "读职校有补助吗"), ("yulu", "孩子上技校能领钱不"),
        ]);

        var loan = model.Predict("扶贫贷款能贷几万", _ => true)!.Value;
        var yulu = model.Predict("娃读技校有补助不", _ => true)!.Value;
        var onlyYulu = model.Predict("扶贫贷款能贷几万", label => label == "yulu");
        var unrelated = model.Predict("火车票怎么买", _ => true)!.Value;

        Assert.Equal("loan", loan.Label);
        Assert.True(loan.Margin > 3, $"margin {loan.Margin}");
        Assert.True(loan.Seen > 0.6, $"seen {loan.Seen}");
        Assert.Equal("yulu", yulu.Label);
        Assert.Null(onlyYulu); // one label allowed: nothing to compare with
        Assert.True(unrelated.Seen < 0.3, $"seen {unrelated.Seen}");
    }

    [Fact]
    public void A_labelled_question_under_an_unknown_or_replaced_entry_is_an_error_with_file_and_line()
    {
        var dir = TestPacks.CopyToTemp();
        var file = Path.Combine(dir, "yuzhou-2023", PackFilesName);
        File.WriteAllText(file, """
            # 测试
            questions:
              yz-loan:
                - 小额信贷能贷多少
              yz-no-such-entry:
                - 这是什么
              nat-loan-amount:
                - 扶贫贷款额度
              fallback:
                - 明天下雨吗
            """);

        var loaded = PackLoader.LoadAll(dir);
        var errors = loaded.Issues.Concat(PackValidator.Validate(loaded.Packs, TestPacks.KnownCounties))
            .Where(i => i.Severity == PackIssueSeverity.Error).ToList();

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.File == file && e.Line == 6 && e.Message.Contains("'yz-no-such-entry'") && e.Message.Contains("no such entry"));
        Assert.Contains(errors, e => e.File == file && e.Line == 8 && e.Message.Contains("'nat-loan-amount'") && e.Message.Contains("replaced"));
    }

    [Fact]
    public void A_labelled_questions_file_of_the_wrong_shape_is_an_error_not_a_crash()
    {
        var dir = TestPacks.CopyToTemp();
        var file = Path.Combine(dir, "xinfeng-2024", PackFilesName);
        File.WriteAllText(file, "questions:\n  xf-loan: 小额信贷能贷多少\n");

        var loaded = PackLoader.LoadAll(dir);

        Assert.Contains(loaded.Issues, i => i.Severity == PackIssueSeverity.Error && i.File == file && i.Line == 2);
    }

    private const string PackFilesName = "labelled-questions.yaml";
}
