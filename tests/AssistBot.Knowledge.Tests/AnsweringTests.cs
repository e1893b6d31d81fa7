using AssistBot.Knowledge.Answering;

namespace AssistBot.Knowledge.Tests;

public sealed class AnsweringTests
{
    private static PolicyAnswerer Answerer => TestPacks.Answerer;

    [Theory]
    [InlineData("信丰防返贫监测收入标准是多少钱")]
    [InlineData("我们这里监测线多少")]
    [InlineData("收入低于多少能当监测户")]
    [InlineData("防返贫监测收入参考范围是多少")]
    [InlineData("江西的监测线是7500吗")]
    public void Xinfeng_monitoring_line_is_never_yuzhou_7500(string question)
    {
        var answer = Answerer.Answer(TestPacks.Xinfeng, question);
        Assert.DoesNotContain("7500", answer.Text);
        if (answer.Outcome == PolicyOutcome.Answer)
        {
            Assert.Contains("省", answer.Text);
            Assert.Contains("12317", answer.Text);
        }
    }

    [Theory]
    [InlineData("禹州今年防返贫监测的收入参考线是多少")]
    [InlineData("监测线是多少")]
    public void Yuzhou_monitoring_line_is_7500_and_names_the_county(string question)
    {
        var answer = Answerer.Answer(TestPacks.Yuzhou, question);
        Assert.Equal(PolicyOutcome.Answer, answer.Outcome);
        Assert.StartsWith("禹州市：", answer.Text);
        Assert.Contains("7500", answer.Text);
    }

    [Fact]
    public void The_same_question_gets_each_countys_own_figure()
    {
        var xinfeng = Answerer.Answer(TestPacks.Xinfeng, "衔接资金有多大比例要用在产业上");
        var yuzhou = Answerer.Answer(TestPacks.Yuzhou, "衔接资金有多大比例要用在产业上");
        Assert.Contains("65%", xinfeng.Text);
        Assert.DoesNotContain("60%", xinfeng.Text);
        Assert.Contains("60%", yuzhou.Text);
        Assert.DoesNotContain("65%", yuzhou.Text);
    }

    [Fact]
    public void Answer_ends_with_its_source_line()
    {
        var answer = Answerer.Answer(TestPacks.Xinfeng, "光伏电站多久维护");
        var lastLine = answer.Text.Split('\n')[^1];
        Assert.Equal("来源：《信丰县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点》二（二）5", lastLine);
        Assert.StartsWith("信丰县：", answer.Text);
    }

    [Theory]
    [InlineData(TestPacks.Xinfeng, "俺家娃上技校有钱补吗", "nat-yulu")]
    [InlineData(TestPacks.Yuzhou, "小额信代能贷几年", "yz-loan")]
    [InlineData(TestPacks.Xinfeng, "小额信代逾期了咋办", "nat-loan-overdue")]
    [InlineData(TestPacks.Xinfeng, "先看病后付钱是啥政策", "nat-xzlhff")]
    [InlineData(TestPacks.Xinfeng, "喂 那个 嗯 就是 俺想问下 住院能先不交钱不", "nat-xzlhff")]
    [InlineData(TestPacks.Yuzhou, "我想问一下异地搬迁的事情", null)] // 禹州 plan has no relocation task: must not guess
    [InlineData(TestPacks.Xinfeng, "異地搬遷安置點多久回訪", "xf-relocation")]
    [InlineData(TestPacks.Xinfeng, "小额信贷　能贷５万吗？", "nat-loan-amount")]
    [InlineData(TestPacks.Xinfeng, "光伏", "xf-pv")]
    public void Colloquial_typo_voice_and_traditional_questions_find_their_topic(string pack, string question, string? expectedEntry)
    {
        var answer = Answerer.Answer(pack, question);
        if (expectedEntry is null)
        {
            Assert.NotEqual(PolicyOutcome.Answer, answer.Outcome);
            return;
        }
        Assert.Equal(PolicyOutcome.Answer, answer.Outcome);
        Assert.Equal(expectedEntry, answer.TopicId);
    }

    [Fact]
    public void A_vague_question_asks_which_topic_and_a_number_picks_it()
    {
        // Only an aspect (when), no topic: which policy's payout? (A vague "贷款那个事" now gets the county's loan overview.)
        var clarify = Answerer.Answer(TestPacks.Xinfeng, "那个嗯我想问下就是补贴几月发");
        Assert.Equal(PolicyOutcome.Clarify, clarify.Outcome);
        Assert.StartsWith(PolicyTexts.ClarifyLead, clarify.Text);
        Assert.InRange(clarify.Choices.Count, 2, 3);
        Assert.All(clarify.Entries, e => Assert.Contains("时间", e.Aspects));
        Assert.DoesNotContain("1.", clarify.Text); // numbers are the channel's job (suggested actions)

        var picked = Answerer.Answer(TestPacks.Xinfeng, "2", offeredChoiceIds: clarify.ChoiceIds);
        Assert.Equal(PolicyOutcome.Answer, picked.Outcome);
        Assert.Equal(clarify.ChoiceIds[1], picked.TopicId);

        var byLabel = Answerer.Answer(TestPacks.Xinfeng, clarify.Choices[0]);
        Assert.Equal(clarify.ChoiceIds[0], byLabel.TopicId);
    }

    [Theory]
    [InlineData("帮我订一张去广州的火车票")]
    [InlineData("今天晚上吃什么好")]
    [InlineData("你是机器人吗")]
    [InlineData("城里买房公积金贷款利率多少")]
    [InlineData("")]
    public void Out_of_scope_gets_the_honest_fallback_naming_whom_to_ask(string question)
    {
        var answer = Answerer.Answer(TestPacks.Xinfeng, question);
        Assert.Equal(PolicyOutcome.Fallback, answer.Outcome);
        Assert.DoesNotContain("来源", answer.Text);
        if (question.Length > 0)
        {
            Assert.Contains("村干部", answer.Text);
            Assert.Contains("乡镇", answer.Text);
            Assert.Contains("12317", answer.Text);
        }
    }

    [Fact]
    public void Follow_ups_continue_the_last_topic()
    {
        var first = Answerer.Answer(TestPacks.Xinfeng, "种养奖补的钱啥时候到");
        Assert.Equal("xf-industry-award", first.TopicId);

        var how = Answerer.Answer(TestPacks.Xinfeng, "那怎么申请呢", first.TopicId);
        Assert.Equal("xf-industry-award", how.TopicId);
        Assert.Contains(PolicyTexts.HowLead, how.Text);
        Assert.Contains("5月或8月中下旬", how.Text);
        Assert.StartsWith("信丰县：", how.Text);
        Assert.EndsWith("二（二）5", how.Text);

        var loan = Answerer.Answer(TestPacks.Xinfeng, "信丰小额信贷有人上门宣传吗");
        var detail = Answerer.Answer(TestPacks.Xinfeng, "详细说说", loan.TopicId);
        Assert.Equal(loan.TopicId, detail.TopicId);
        Assert.Contains("5000万元", detail.Text);

        var whom = Answerer.Answer(TestPacks.Xinfeng, "找谁办", "nat-dibao");
        Assert.Contains("乡镇", whom.Text);
        Assert.Equal("低保", whom.Topic);
        Assert.True(whom.Inherited);

        // Without a previous topic the same words are not an answer.
        Assert.NotEqual(PolicyOutcome.Answer, Answerer.Answer(TestPacks.Xinfeng, "详细说说").Outcome);
    }

    [Fact]
    public void A_new_question_after_an_answer_is_not_taken_as_a_follow_up()
    {
        var answer = Answerer.Answer(TestPacks.Xinfeng, "危房改造怎么申请", lastTopicId: "xf-131");
        Assert.NotEqual("xf-131", answer.TopicId);
    }

    [Fact]
    public void Answers_fit_on_a_phone_screen()
    {
        foreach (var packId in new[] { TestPacks.Xinfeng, TestPacks.Yuzhou })
        {
            Assert.True(TestPacks.Registry.Current.TryGet(packId, out var knowledge));
            foreach (var entry in knowledge.Index.Entries)
            {
                var answer = Answerer.Answer(packId, entry.Title);
                Assert.Equal(entry.Id, answer.TopicId);
                Assert.True(answer.Text.Length <= 700, $"{entry.Id}: {answer.Text.Length} chars");
            }
        }
    }

    [Fact]
    public void Two_clauses_split_by_a_space_get_a_part_each()
    {
        var answer = Answerer.Answer(TestPacks.Xinfeng, "低保怎么申请 小额信贷能贷多少");
        Assert.Equal(PolicyOutcome.Answer, answer.Outcome);
        Assert.Equal(["nat-dibao", "nat-loan-amount"], answer.Entries.Select(e => e.Id));
    }

    [Fact]
    public void A_count_of_years_the_entry_states_in_no_year_figure_is_said_to_be_missing()
    {
        // 禹州's entry speaks of 驻村干部 in 工作日 and 五天四夜, never in years: no figure of it answers "how many years".
        var yuzhou = Answerer.Answer(TestPacks.Yuzhou, "驻村干部多少年轮换一次");
        Assert.Equal(PolicyOutcome.Fallback, yuzhou.Outcome);
        Assert.DoesNotContain("20个工作日", yuzhou.Text);
        // 信丰's states 2年: answered.
        Assert.Equal("xf-resident-cadres", Answerer.Answer(TestPacks.Xinfeng, "驻村干部多少年轮换一次").TopicId);
    }

    [Fact]
    public void The_other_county_asked_the_same_count_gets_no_figure_in_another_unit()
    {
        // "多久换一次" asks years; 禹州's entry counts days in post a month, which is no answer to it.
        var first = Answerer.Answer(TestPacks.Xinfeng, "驻村干部多久换一次", PolicyContext.None);
        Assert.Contains("2年", first.Text);
        var yuzhou = Answerer.Answer(TestPacks.Xinfeng, "那禹州呢", PolicyContext.None.After(first));
        Assert.Equal(PolicyOutcome.Fallback, yuzhou.Outcome);
        Assert.DoesNotContain("20个工作日", yuzhou.Text);
        Assert.Contains("禹州", yuzhou.Text);
        // Asked back in the home county, the years are stated again.
        var back = Answerer.Answer(TestPacks.Xinfeng, "信丰呢", PolicyContext.None.After(first).After(yuzhou));
        Assert.Equal("xf-resident-cadres", back.TopicId);
    }

    [Fact]
    public void A_bare_how_much_of_the_other_county_asks_the_same_figure_again()
    {
        // "禹州是多少" after the share of 衔接资金 for industry: 禹州's share (60%), not its budget (7080万元).
        var first = Answerer.Answer(TestPacks.Xinfeng, "衔接资金用于产业的比例是多少", PolicyContext.None);
        var yuzhou = Answerer.Answer(TestPacks.Xinfeng, "禹州是多少", PolicyContext.None.After(first));
        Assert.Equal("yz-fund-industry", yuzhou.TopicId);
        Assert.Contains("60%", yuzhou.Text);
        // Naming what the sum is of asks that instead.
        var budget = Answerer.Answer(TestPacks.Xinfeng, "禹州本级预算多少", PolicyContext.None.After(first));
        Assert.Equal("yz-fund-input", budget.TopicId);
    }

    [Fact]
    public void What_the_asker_says_they_are_asks_about_the_policy_just_talked_of()
    {
        // "我家是弱劳力": the household's situation, asking whether 产业奖补's standard is higher for it (it is: 适当提高),
        // not the entry about 弱劳力's ways to earn.
        var first = Answerer.Answer(TestPacks.Xinfeng, "产业奖补标准是多少", PolicyContext.None);
        var next = Answerer.Answer(TestPacks.Xinfeng, "我家是弱劳力，标准会高点吗", PolicyContext.None.After(first));
        Assert.Equal("xf-industry-award", next.TopicId);
        Assert.Contains("适当提高", next.Text);
        // Asked on its own, 弱劳力 is what the question is about.
        Assert.NotEqual("xf-industry-award", Answerer.Answer(TestPacks.Xinfeng, "弱劳力有什么增收门路").TopicId);
    }

    [Fact]
    public void Money_asked_of_a_topic_that_states_none_is_said_to_be_missing_but_money_spent_is_the_hardship()
    {
        // 上班 is the workshop's own word here; 信丰's workshop entry speaks of no pay or allowance.
        var allowance = Answerer.Answer(TestPacks.Xinfeng, "在帮扶车间上班有没有额外的补贴可以领");
        Assert.Equal(PolicyOutcome.Fallback, allowance.Outcome);
        Assert.DoesNotContain("48个", allowance.Text);
        // "花钱太多" tells what happened; whether 临时救助 helps is asked.
        Assert.Equal("nat-linshi", Answerer.Answer(TestPacks.Yuzhou, "孩子上学花钱太多 能临时救助吗").TopicId);
    }

    [Fact]
    public void A_follow_up_naming_what_another_entry_is_about_leaves_the_topic()
    {
        // 督查 is in none of 驻村帮扶's entries but is what 信丰's 督导考核 entry is about: twice a year.
        var first = Answerer.Answer(TestPacks.Xinfeng, "驻村干部多久换一次", PolicyContext.None);
        var next = Answerer.Answer(TestPacks.Xinfeng, "县里督查一年几次", PolicyContext.None.After(first));
        Assert.Equal("xf-inspection", next.TopicId);
        // 没劳动力 is the household's situation; 风险消除's entry speaks of 劳动能力, so the topic stays.
        var exit = Answerer.Answer(TestPacks.Yuzhou, "监测户啥时候能退出", PolicyContext.None);
        var noLabour = Answerer.Answer(TestPacks.Yuzhou, "家里没劳动力的也能退吗？", PolicyContext.None.After(exit));
        Assert.Equal("nat-risk-eliminated", noLabour.TopicId);
    }

    [Theory]
    [InlineData(TestPacks.Yuzhou, "贷款逾期了会怎样", "那还贴息不", "nat-loan-overdue", "贴息")] // the entry just read says 不再贴息
    [InlineData(TestPacks.Xinfeng, "以奖代补公示几天", "那监测户认定公示几天呢", "nat-monitor-procedure", "5天")] // 认定 names the procedure
    [InlineData(TestPacks.Xinfeng, "脱贫户创业有什么扶持", "能贷多少", "xf-startup", "创业担保贷款")] // 贷 is the last answer's loan
    [InlineData(TestPacks.Yuzhou, "怎么自己申报监测", "要带啥", "nat-monitor-self-declare", "户口簿")] // what to bring, not the steps
    [InlineData(TestPacks.Yuzhou, "那个雨露计划是给谁的", "嗯俺家是监测户也中吧", "nat-yulu", "监测对象")] // 也中吧 asks yes or no
    public void A_short_follow_up_stays_with_what_was_just_said(string pack, string first, string next, string entry, string fact)
    {
        var answer = Answerer.Answer(pack, next, PolicyContext.None.After(Answerer.Answer(pack, first, PolicyContext.None)));
        Assert.Equal(entry, answer.TopicId);
        Assert.Contains(fact, answer.Text);
    }

    [Fact]
    public void Testing_water_is_not_the_monitoring_of_households()
    {
        // 检测 is a word of its own (水质检测); only in 检测户, 纳入检测 … is it a misheard 监测.
        var water = Answerer.Answer(TestPacks.Yuzhou, "水质多久检测一次",
            PolicyContext.None.After(Answerer.Answer(TestPacks.Yuzhou, "俺家吃水有问题找谁", PolicyContext.None)));
        Assert.NotEqual("yz-dynamic-adjust", water.TopicId);
        Assert.DoesNotContain("每季度对监测对象", water.Text);
        Assert.Equal("xf-monitoring", Answerer.Answer(TestPacks.Xinfeng, "家里突然困难了怎么申清进检测").TopicId);
    }

    [Fact]
    public void Where_to_apply_after_the_countys_own_entry_names_its_banks()
    {
        var first = Answerer.Answer(TestPacks.Yuzhou, "小额信贷最多能贷多少", PolicyContext.None);
        Assert.Equal("yz-loan", first.TopicId);
        var where = Answerer.Answer(TestPacks.Yuzhou, "去哪办", PolicyContext.None.After(first));
        Assert.Equal("yz-loan", where.TopicId);
        Assert.Contains("农信社", where.Text);
        Assert.Contains("怎么办理", where.Text);
    }

    [Fact]
    public void Which_bank_is_answered_by_the_countys_entry_that_names_its_banks()
    {
        // The national entry and 禹州's both speak of 贷款 and banks; only 禹州's says which ones.
        var answer = Answerer.Answer(TestPacks.Yuzhou, "贷款去哪个银行办", PolicyContext.None);
        Assert.Equal("yz-loan", answer.TopicId);
        Assert.Contains("农信社", answer.Text);
    }

    [Fact]
    public void How_one_gets_into_monitoring_is_the_countys_way_of_doing_it()
    {
        // 怎么才能 asks how, so 信丰's own monitoring entry (whom to tell, 12317) answers — not what monitoring is.
        var answer = Answerer.Answer(TestPacks.Xinfeng, "怎么才能被纳入监测", PolicyContext.None);
        Assert.Equal("xf-monitoring", answer.TopicId);
        Assert.Contains("12317", answer.Text);
    }

    [Theory]
    [InlineData("雨露计划+是啥", "监测户的孩子能参加吗")]
    [InlineData("雨露计划+是啥", "监测户家孩子能享受不")]
    public void Whether_one_may_have_it_after_an_entry_that_says_who_may_asks_about_that_entry(string first, string next)
    {
        // 雨露计划+ says it was widened to 监测对象's families; the other 雨露计划 entry is about school grants.
        var before = Answerer.Answer(TestPacks.Yuzhou, first, PolicyContext.None);
        var answer = Answerer.Answer(TestPacks.Yuzhou, next, PolicyContext.None.After(before));
        Assert.Equal("nat-yulu-plus", before.TopicId);
        Assert.Equal("nat-yulu-plus", answer.TopicId);
        Assert.Contains("防止返贫监测对象家庭", answer.Text);
    }

    [Theory]
    [InlineData(TestPacks.Xinfeng, "防返贫监测是啥", "咋报？")]
    [InlineData(TestPacks.Yuzhou, "防返贫监测是啥", "去哪报？")]
    public void Reporting_after_what_monitoring_is_asks_how_to_self_declare(string pack, string first, string next)
    {
        // 报 is reporting the household's hardship: 自主申报 says how and where (村委会, 12317), not the monitoring overview.
        var answer = Answerer.Answer(pack, next, PolicyContext.None.After(Answerer.Answer(pack, first, PolicyContext.None)));
        Assert.Equal("nat-monitor-self-declare", answer.TopicId);
        Assert.Contains("村委会", answer.Text);
        // 报名 is enrolling, not reporting a hardship.
        var enrol = Answerer.Answer(pack, "孩子上学咋报名", PolicyContext.None.After(Answerer.Answer(pack, first, PolicyContext.None)));
        Assert.NotEqual("nat-monitor-self-declare", enrol.TopicId);
    }

    [Theory]
    [InlineData("出院了咋报销")]
    [InlineData("报销要跑几个地方")]
    public void Reimbursing_after_pay_after_treatment_is_the_one_stop_settlement(string next)
    {
        // 先诊疗后付费's answer mentions 报销 in passing; 一站式结算 (出院一次报销) is about it.
        var first = Answerer.Answer(TestPacks.Xinfeng, "先诊疗后付费是啥", PolicyContext.None);
        var answer = Answerer.Answer(TestPacks.Xinfeng, next, PolicyContext.None.After(first));
        Assert.Equal("nat-xzlhff", first.TopicId);
        Assert.Equal("nat-one-stop", answer.TopicId);
        Assert.Contains("结算窗口", answer.Text);
    }

    [Theory]
    [InlineData("晚上有人接不")]
    [InlineData("打不通咋办")]
    public void Whether_someone_answers_the_phone_after_the_hotline_is_the_hotlines(string next)
    {
        // After the hotline, then how to declare (answered by 自主申报, which names 12317 among the ways).
        var first = Answerer.Answer(TestPacks.Yuzhou, "12317是干啥的", PolicyContext.None);
        var context = PolicyContext.None.After(first);
        context = context.After(Answerer.Answer(TestPacks.Yuzhou, "能申报监测不", context));
        var answer = Answerer.Answer(TestPacks.Yuzhou, next, context);
        Assert.Equal("nat-12317", answer.TopicId);
        Assert.Contains("以当地公布为准", answer.Text);
    }

    [Theory]
    [InlineData(TestPacks.Xinfeng)]
    [InlineData(TestPacks.Yuzhou)]
    public void What_monitoring_is_gets_the_entry_that_says_what_it_is_not_a_menu(string pack)
    {
        // Three entries of 防返贫监测 say something of what it is; the one titled 是什么 answers "是啥".
        var answer = Answerer.Answer(pack, "防返贫监测是啥", PolicyContext.None);
        Assert.Equal(PolicyOutcome.Answer, answer.Outcome);
        Assert.Equal("nat-monitor-what", answer.TopicId);
        Assert.Contains("早发现", answer.Text);
    }

    [Fact]
    public void The_anti_poverty_insurance_in_a_farmers_words_is_fangpinbao()
    {
        // "防返贫的保险": 防返贫 alone reads as monitoring; the whole phrase names 禹州's 防贫保.
        var answer = Answerer.Answer(TestPacks.Yuzhou, "俺听说有个防返贫的保险 咱禹州有没有", PolicyContext.None);
        Assert.Equal("yz-fangpinbao", answer.TopicId);
        Assert.Contains("两线合一", answer.Text);
    }

    [Fact]
    public void A_follow_up_asking_where_and_how_continues_a_topic_that_answers_how()
    {
        var first = Answerer.Answer(TestPacks.Yuzhou, "临时救助是什么", PolicyContext.None);
        var next = Answerer.Answer(TestPacks.Yuzhou, "去哪里办", PolicyContext.None.After(first));
        Assert.Equal("nat-linshi", next.TopicId);
    }

    [Fact]
    public void A_thing_named_only_by_one_entry_of_the_topic_is_that_entrys()
    {
        // 第一书记 is 驻村帮扶's word and 培训 the skills topic's; the cadre-training entry names them both.
        Assert.Equal("xf-cadre-training", Answerer.Answer(TestPacks.Xinfeng, "第一书记有没有培训").TopicId);
        // …but two questions, one of each policy, stay two questions.
        Assert.NotEqual("yz-doudi", Answerer.Answer(TestPacks.Yuzhou, "低保怎么申请？特困又是咋回事？").TopicId);
        // After 雨露计划, where to register on graduating is 雨露计划+'s to say, not the school subsidy's.
        var yulu = Answerer.Answer(TestPacks.Xinfeng, "雨露计划是什么", PolicyContext.None);
        var graduate = Answerer.Answer(TestPacks.Xinfeng, "孩子快毕业了去哪登记", PolicyContext.None.After(yulu));
        Assert.Equal("nat-yulu-plus", graduate.TopicId);
        Assert.Contains("就业）服务站", graduate.Text);
        // Without 毕业 the subsidy's own entry answers where to apply.
        Assert.Equal("nat-yulu", Answerer.Answer(TestPacks.Xinfeng, "雨露计划去哪报").TopicId);
    }

    [Fact]
    public void A_loan_term_beyond_the_limit_is_answered_by_the_limit()
    {
        var answer = Answerer.Answer(TestPacks.Xinfeng, "小额信贷能贷五年吗");
        Assert.Equal("nat-loan-term", answer.TopicId);
        Assert.Contains("3年", answer.Text);
    }

    [Fact]
    public void Not_repaying_on_time_asks_what_happens()
    {
        var loan = Answerer.Answer(TestPacks.Xinfeng, "小额信贷能贷多少", PolicyContext.None);
        Assert.Equal("nat-loan-overdue", Answerer.Answer(TestPacks.Xinfeng, "冇按时还会么样", PolicyContext.None.After(loan)).TopicId);
    }

    [Fact]
    public void Learning_a_trade_after_another_topic_is_the_skills_training()
    {
        var consumption = Answerer.Answer(TestPacks.Yuzhou, "消费帮扶是啥", PolicyContext.None);
        var trade = Answerer.Answer(TestPacks.Yuzhou, "那俺想学个技术呢", PolicyContext.None.After(consumption));
        Assert.Equal("yz-training", trade.TopicId);
    }

    [Fact]
    public void Where_the_relocation_sites_are_is_not_in_the_documents_and_a_marriage_certificate_is_not_ours()
    {
        // 在哪几个乡镇 asks where, not how many: 信丰's documents give the count of sites, not the townships.
        var sites = Answerer.Answer(TestPacks.Xinfeng, "信丰的安置点都在哪几个乡镇");
        Assert.Equal(PolicyOutcome.Fallback, sites.Outcome);
        Assert.DoesNotContain("来源：", sites.Text);
        var marriage = Answerer.Answer(TestPacks.Xinfeng, "结婚证在哪里办");
        Assert.Equal(PolicyOutcome.Fallback, marriage.Outcome);
        Assert.DoesNotContain("来源：", marriage.Text);
    }

    [Fact]
    public void A_correction_to_a_policy_named_only_by_who_is_asking_is_that_policy()
    {
        // 监测户 says who asks as much as what; after "不是低保，…是问" it is what is meant (咋报: reporting to it, its
        // part 自主申报).
        var answer = Answerer.Answer(TestPacks.Yuzhou, "不是低保，俺是问监测户咋报");
        Assert.NotEqual("nat-dibao", answer.TopicId);
        Assert.Contains(answer.Topic, new[] { "防返贫监测", "自主申报" });
    }

    [Fact]
    public void Wei_gai_is_the_housing_renovation()
    {
        var water = Answerer.Answer(TestPacks.Xinfeng, "吃水有问题找谁", PolicyContext.None);
        var roof = Answerer.Answer(TestPacks.Xinfeng, "房子也漏雨，可以搞危改么", PolicyContext.None.After(water));
        Assert.Equal("危房改造", roof.Topic);
    }

    [Fact]
    public void Paying_first_in_hospital_is_the_pay_after_treatment_policy() =>
        Assert.Equal("nat-xzlhff", Answerer.Answer(TestPacks.Xinfeng, "五保户住院要先交钱吗").TopicId);
}
