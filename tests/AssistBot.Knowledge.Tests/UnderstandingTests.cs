using AssistBot.Knowledge.Answering;
using AssistBot.Knowledge.Packs;
using AssistBot.Knowledge.Understanding;

namespace AssistBot.Knowledge.Tests;

/// <summary>Issue 12: a question is read into topic × aspect × county, and the answer is the entry that answers that.</summary>
public sealed class UnderstandingTests
{
    private static PolicyAnswerer Answerer => TestPacks.Answerer;

    private static QuestionReading Read(string pack, string question) => Answerer.Read(pack, question)!;

    [Fact]
    public void A_question_is_read_into_topic_with_its_span_aspect_yes_no_county_and_who_asks()
    {
        var reading = Read(TestPacks.Yuzhou, "俺是监测户，小额信代在信丰能贷几年中不中");
        Assert.Equal(["小额信贷"], reading.Topics);
        var loan = reading.Mentions.First(m => m.Topic == "小额信贷");
        Assert.Equal("小额信代", loan.Cue);
        Assert.Equal(reading.Folded.IndexOf("小额信代", StringComparison.Ordinal), loan.Start);
        Assert.Equal("期限", reading.Aspect);
        Assert.True(reading.YesNo);
        Assert.Equal("xinfeng", reading.County);
        Assert.Contains("监测户", reading.Askers);
    }

    [Theory]
    [InlineData(TestPacks.Xinfeng, "扶贫贷款能贷几年", "nat-loan-term")]
    [InlineData(TestPacks.Xinfeng, "贷款的钱能借给亲戚用吗", "nat-loan-use")]
    [InlineData(TestPacks.Xinfeng, "小额信贷能贷多少", "nat-loan-amount")]
    [InlineData(TestPacks.Xinfeng, "小额信贷到期还不上咋整", "nat-loan-overdue")]
    [InlineData(TestPacks.Xinfeng, "以奖代补的钱啥时候到账", "xf-industry-award")]
    [InlineData(TestPacks.Xinfeng, "雨露计划的钱几月到账", "xf-yulu")]
    [InlineData(TestPacks.Xinfeng, "有没有免费的技能培训", "xf-skills")]
    [InlineData(TestPacks.Xinfeng, "回老家创业有补贴吗", "xf-startup")]
    [InlineData(TestPacks.Yuzhou, "俺听说看病能先看后给钱，咋回事", "nat-xzlhff")]
    [InlineData(TestPacks.Xinfeng, "五保户能享受什么", "nat-tekun")]
    [InlineData(TestPacks.Xinfeng, "自来水有问题找谁", "xf-water")]
    [InlineData(TestPacks.Xinfeng, "監測線定的是多少", "xf-monitoring-line")]
    [InlineData(TestPacks.Yuzhou, "自己申保监测要带啥材料", "nat-monitor-self-declare")] // 申保: voice for 申报
    public void The_entry_of_the_asked_topic_and_aspect_answers(string pack, string question, string expected)
    {
        var answer = Answerer.Answer(pack, question);
        Assert.True(answer.Outcome == PolicyOutcome.Answer, $"{question}: {answer.Outcome} {string.Join(" | ", answer.Why)}");
        Assert.Equal(expected, answer.TopicId);
    }

    [Theory]
    [InlineData(TestPacks.Yuzhou, "五保户一个月能领多钱", "金额标准")] // 多钱: 河南 for 多少钱, over 能领 (who may)
    [InlineData(TestPacks.Yuzhou, "技能培训管吃住不 给钱不", "金额标准")]
    [InlineData(TestPacks.Yuzhou, "扶贫贷款的钱能随便花不", "限制")]
    public void Everyday_words_for_a_sum_and_for_spending_name_their_aspect(string pack, string question, string aspect) =>
        Assert.Equal(aspect, Read(pack, question).Aspect);

    [Theory]
    // 禹州's own loan entry claims 限制 for 免担保; a question about the loan's use or the age limit is not about that.
    [InlineData(TestPacks.Yuzhou, "贷的款能不能转借给邻居", "nat-loan-use")]
    [InlineData(TestPacks.Yuzhou, "我今年六十八了还能办贷款不", "nat-loan-eligibility")]
    [InlineData(TestPacks.Xinfeng, "俺娘都70岁了能贷款吗", "nat-loan-eligibility")]
    public void A_broad_aspect_is_narrowed_to_the_facet_asked_and_an_age_told_asks_the_age_limit(string pack, string question, string expected)
    {
        var answer = Answerer.Answer(pack, question);
        Assert.True(answer.Outcome == PolicyOutcome.Answer, $"{question}: {answer.Outcome} {string.Join(" | ", answer.Why)}");
        Assert.Equal(expected, answer.TopicId);
    }

    [Fact]
    public void An_age_is_not_read_from_a_sum_or_a_count_of_days()
    {
        Assert.Null(Read(TestPacks.Yuzhou, "小额信贷贷了五十万了").AspectCues.FirstOrDefault(a => a.Cue == "年龄").Cue);
        Assert.Null(Read(TestPacks.Yuzhou, "申报二十多天了还没人来").AspectCues.FirstOrDefault(a => a.Cue == "年龄").Cue);
        Assert.Equal("限制", Read(TestPacks.Yuzhou, "俺爷八十五岁了贷款还中不中").Aspect);
    }

    [Theory]
    [InlineData(TestPacks.Yuzhou, "扶贫贷款能贷到8万不", "5万")]  // the entry gives the limit: that answers it
    [InlineData(TestPacks.Xinfeng, "小额信贷能不能贷3万", "5万")] // a sum named asks how much, not who may
    public void A_yes_no_about_a_sum_is_answered_by_the_entry_that_states_the_limit(string pack, string question, string figure)
    {
        var answer = Answerer.Answer(pack, question);
        Assert.True(answer.Outcome == PolicyOutcome.Answer, $"{question}: {answer.Outcome} {string.Join(" | ", answer.Why)}");
        Assert.Equal("金额标准", answer.Aspect);
        Assert.Contains(figure, answer.Text);
    }

    [Fact]
    public void What_is_asked_as_shen_me_shi_reads_as_what_a_policy_is()
    {
        Assert.Equal("是什么", Read(TestPacks.Xinfeng, "什么是雨露计划").Aspect);
        Assert.Equal("是什么", Read(TestPacks.Yuzhou, "啥是先诊疗后付费").Aspect);
    }

    [Fact]
    public void A_wage_asked_of_an_entry_whose_figures_are_people_says_it_is_not_written_instead_of_the_head_count()
    {
        // The 公益岗 entries state how many people and posts (1.4万人), never a wage: the honest reply, not that entry.
        var xinfeng = Answerer.Answer(TestPacks.Xinfeng, "做公益岗每个月有几多工资");
        Assert.Equal(PolicyOutcome.Fallback, xinfeng.Outcome);
        Assert.Contains("没有写", xinfeng.Text);
        Assert.Contains("村干部", xinfeng.Text);
        var yuzhou = Conversation(TestPacks.Yuzhou, "公益岗咋申请", "那一个月工资多少");
        Assert.Equal(PolicyOutcome.Answer, yuzhou[0].Outcome);
        Assert.NotEqual(PolicyOutcome.Answer, yuzhou[1].Outcome);
        Assert.DoesNotContain("1.4万", yuzhou[1].Text);
        // An entry that speaks of the money (a sum, or that the standard is set by the county) still answers.
        var dibao = Answerer.Answer(TestPacks.Xinfeng, "低保一个月给多少钱");
        Assert.Equal(PolicyOutcome.Answer, dibao.Outcome);
        Assert.Contains("xf-dibao", dibao.Entries.Select(e => e.Id));
    }

    [Fact]
    public void A_known_topic_without_the_asked_detail_says_so_and_names_whom_to_ask_without_another_figure()
    {
        var answer = Answerer.Answer(TestPacks.Xinfeng, "危房改造一户能补多少钱");
        Assert.Equal(PolicyOutcome.Fallback, answer.Outcome);
        Assert.Equal("危房改造", answer.Topic);
        Assert.Contains("没有写", answer.Text);
        Assert.Contains("村干部", answer.Text);
        Assert.Contains("乡镇", answer.Text);
        Assert.Contains("12317", answer.Text);
        Assert.DoesNotContain("《", answer.Text);
        Assert.DoesNotContain("4月底", answer.Text); // the 开工 date is another aspect's figure
    }

    [Fact]
    public void A_yes_no_question_about_a_figure_the_county_does_not_have_is_not_confirmed()
    {
        // 20 days a month is 禹州's rule; 信丰's plan says nothing of it.
        var xinfeng = Answerer.Answer(TestPacks.Xinfeng, "驻村干部每月要在岗20天吗");
        Assert.NotEqual(PolicyOutcome.Answer, xinfeng.Outcome);
        var yuzhou = Answerer.Answer(TestPacks.Yuzhou, "驻村干部每月要在岗二十天吗");
        Assert.Equal("yz-resident-cadres", yuzhou.TopicId);
    }

    [Fact]
    public void A_question_naming_the_other_county_is_answered_from_its_pack_with_its_name()
    {
        var answer = Answerer.Answer(TestPacks.Yuzhou, "信丰的雨露计划补助什么时候发");
        Assert.Equal("xf-yulu", answer.TopicId);
        Assert.StartsWith("信丰县：", answer.Text);
        Assert.Equal("xinfeng", answer.County);

        var line = Answerer.Answer(TestPacks.Xinfeng, "禹州的监测线是多少");
        Assert.Equal("yz-monitoring-line", line.TopicId);
        Assert.Contains("7500", line.Text);
    }

    [Fact]
    public void Two_topics_in_one_question_get_a_part_each()
    {
        var answer = Answerer.Answer(TestPacks.Xinfeng, "光伏和帮扶车间都是怎么回事");
        Assert.Equal(PolicyOutcome.Answer, answer.Outcome);
        Assert.Contains(answer.Entries, e => e.Id == "xf-pv");
        Assert.Contains(answer.Entries, e => e.Id == "xf-workshop");
    }

    [Fact]
    public void Only_an_aspect_and_no_conversation_asks_which_policy()
    {
        var answer = Answerer.Answer(TestPacks.Xinfeng, "补贴几月发");
        Assert.Equal(PolicyOutcome.Clarify, answer.Outcome);
        Assert.Contains("xf-industry-award", answer.ChoiceIds);
    }

    private static List<PolicyAnswer> Conversation(string pack, params string[] questions)
    {
        var context = PolicyContext.None;
        var answers = new List<PolicyAnswer>();
        foreach (var q in questions)
        {
            var answer = Answerer.Answer(pack, q, context);
            answers.Add(answer);
            context = context.After(answer);
        }
        return answers;
    }

    [Fact]
    public void A_follow_up_naming_only_an_aspect_keeps_the_topic()
    {
        var loan = Conversation(TestPacks.Xinfeng, "小额信贷能贷多少", "得多久还上", "要找人担保不");
        Assert.Equal(["nat-loan-amount", "nat-loan-term", "nat-loan-collateral"], loan.Select(a => a.TopicId));
        Assert.True(loan[1].Inherited);

        var hospital = Conversation(TestPacks.Yuzhou, "先诊疗后付费是什么", "哪些医院管用");
        Assert.Equal("nat-xzlhff", hospital[1].TopicId);

        var house = Conversation(TestPacks.Xinfeng, "危房改造是什么政策", "俺家房子能申请不");
        Assert.Equal(PolicyOutcome.Answer, house[1].Outcome);
        Assert.Equal("危房改造", house[1].Topic);

        var award = Conversation(TestPacks.Xinfeng, "种养奖补是什么", "补贴几月到账");
        Assert.Equal("xf-industry-award", award[1].TopicId);
    }

    [Theory]
    [InlineData("临时救助是什么？", "能给几多钱？", "临时救助")]
    [InlineData("危房改造谁能享受", "能补多少钱", "危房改造")]
    public void A_bare_sum_asked_after_a_topic_that_states_none_says_so_of_that_topic_instead_of_asking_which_policy(
        string first, string followUp, string topic)
    {
        var answers = Conversation(TestPacks.Xinfeng, first, followUp);

        // Not "您是想问：1. 低保 2. 雨露计划…": the farmer asked about the policy just answered, whose documents state no sum.
        Assert.Equal(PolicyOutcome.Fallback, answers[1].Outcome);
        Assert.Equal(topic, answers[1].Topic);
        Assert.Contains("没有写", answers[1].Text);
        Assert.Contains("12317", answers[1].Text);
    }

    [Theory]
    [InlineData("小学生一年能拿多少资助")]
    [InlineData("孩子上小学初中，一年能补多少钱？")]
    public void A_sum_asked_of_one_kind_of_school_is_not_answered_with_another_kinds_figures(string question)
    {
        // nat-edu-aid's 2000元 and 6000元 are 中职's (vocab/topics.yaml kinds of 教育资助).
        var answer = Answerer.Answer(TestPacks.Yuzhou, question);

        Assert.Equal(PolicyOutcome.Fallback, answer.Outcome);
        Assert.Equal("教育资助", answer.Topic);
        Assert.DoesNotContain("2000", answer.Text);
        Assert.DoesNotContain("6000", answer.Text);
    }

    [Fact]
    public void A_sum_asked_of_the_kind_an_entry_is_about_is_answered_under_any_word_for_it()
    {
        var answer = Answerer.Answer(TestPacks.Xinfeng, "读中专助学金一年有几多钱");

        Assert.Equal("nat-edu-aid", answer.TopicId);
        Assert.Contains("2000", answer.Text);
    }

    [Theory]
    [InlineData("五保户去哪报哩", "nat-tekun", "民政办")]
    [InlineData("嗯那个临时救助去哪里申请", "nat-linshi", "乡镇")]
    public void Where_to_go_for_a_policy_with_no_place_entry_is_answered_by_its_how_to_apply_when_that_names_the_office(
        string question, string entry, string office)
    {
        var answer = Answerer.Answer(TestPacks.Yuzhou, question);

        Assert.Equal(entry, answer.TopicId);
        Assert.Contains(office, answer.Text);
    }

    [Fact]
    public void An_out_of_scope_word_beside_a_named_policy_does_not_hide_the_policy_question()
    {
        var named = Answerer.Answer(TestPacks.Yuzhou, "以前信用卡逾期过，还能贷小额信贷不");
        Assert.Equal(PolicyOutcome.Answer, named.Outcome);
        Assert.Equal("小额信贷", named.Topic);
        Assert.Contains("信用", named.Text);

        Assert.Equal(PolicyOutcome.Fallback, Answerer.Answer(TestPacks.Yuzhou, "信用卡逾期了怎么办").Outcome);
    }

    [Fact]
    public void A_target_of_a_sub_policy_is_answered_by_the_parent_policys_entry_that_states_it_by_name()
    {
        // 先诊疗后付费 has no entry with targets; 信丰's 医疗保障 entry says its 享受率 must reach 100%.
        var answer = Answerer.Answer(TestPacks.Xinfeng, "先診療後付費的享受率要達到多少？");

        Assert.Equal(PolicyOutcome.Answer, answer.Outcome);
        Assert.Contains("100%", answer.Text);
    }

    [Fact]
    public void Asked_whether_特困_is_the_old_五保_the_answer_says_so()
    {
        var answer = Answerer.Answer(TestPacks.Yuzhou, "啥叫特困户，跟五保户一样不");

        Assert.Equal("nat-tekun", answer.TopicId);
        Assert.Contains("五保", answer.Text);
    }

    [Fact]
    public void Close_entries_that_state_the_same_figure_asked_are_answered_not_offered_as_choices()
    {
        // Both 禹州 entries on 帮扶责任人 say 每月至少实地走访4次: there is nothing to choose between.
        var answers = Conversation(TestPacks.Xinfeng, "帮扶干部多久来走访一次", "那禹州呢");

        Assert.Equal(PolicyOutcome.Answer, answers[1].Outcome);
        Assert.Equal("yuzhou", answers[1].County);
        Assert.Contains("4次", answers[1].Text);
    }

    [Fact]
    public void A_new_topic_replaces_the_old_one_and_keeps_no_stale_aspect()
    {
        var answers = Conversation(TestPacks.Xinfeng, "小额信贷能贷多少", "雨露计划", "那低保呢");
        Assert.Equal("雨露计划", answers[1].Topic);
        Assert.Equal(PolicyOutcome.Answer, answers[1].Outcome); // what it is, not "not in the documents: 金额"
        Assert.Null(answers[1].Aspect);
        Assert.Equal("低保", answers[2].Topic);
    }

    [Fact]
    public void 那边_and_a_county_alone_continue_with_the_county_last_named()
    {
        var answers = Conversation(TestPacks.Xinfeng, "禹州监测线多少", "那边的驻村干部一个月在岗几天", "那信丰呢");
        Assert.Equal("yz-monitoring-line", answers[0].TopicId);
        Assert.Equal("yz-resident-cadres", answers[1].TopicId);
        Assert.Equal("xinfeng", answers[2].County);
    }

    [Fact]
    public void Dialect_forms_of_aspect_words_read_as_the_aspect_but_a_yes_no_is_not_a_what_is()
    {
        Assert.Equal("时间", Read(TestPacks.Xinfeng, "产业奖补的钱么时候到").Aspect);
        Assert.Equal("xf-industry-award", Answerer.Answer(TestPacks.Xinfeng, "产业奖补的钱么时候到").TopicId);
        Assert.Equal("金额标准", Read(TestPacks.Xinfeng, "小额信贷能贷好多钱").Aspect);
        Assert.Equal("办理", Read(TestPacks.Xinfeng, "先诊疗后付费要带么子").Aspect);
        Assert.NotEqual("是什么", Read(TestPacks.Xinfeng, "低保户是么").Aspect); // 是么 = 是吗, not 是什么
    }

    [Fact]
    public void 是弄啥_asks_what_a_thing_is_and_a_closing_是啥_asks_about_the_aspect_named_before_it()
    {
        // 河南 "是弄啥哩" = what is it; 弄啥 alone ("要弄啥") stays a how-to word.
        Assert.Equal("是什么", Read(TestPacks.Yuzhou, "红白理事会是弄啥哩").Aspect);
        Assert.Equal("yz-customs", Answerer.Answer(TestPacks.Yuzhou, "红白理事会是弄啥哩").TopicId);
        // "申请流程是啥": the farmer wants the steps, not what the loan is.
        Assert.Equal("办理", Read(TestPacks.Yuzhou, "小额信贷申请流程是啥").Aspect);
        Assert.Equal("是什么", Read(TestPacks.Yuzhou, "小额信贷是啥").Aspect);
    }

    [Fact]
    public void 我们县_after_another_county_returns_to_the_county_asked_in_with_the_same_question()
    {
        var answers = Conversation(TestPacks.Yuzhou, "监测收入线是多少", "那信丰呢", "我们这呢");
        Assert.Equal("xf-monitoring-line", answers[1].TopicId);
        Assert.Equal("yuzhou", answers[2].County);
        Assert.Equal("yz-monitoring-line", answers[2].TopicId);
        Assert.Contains("7500", answers[2].Text);
    }

    [Theory]
    [InlineData("雨露计划啥时候发钱？", "nat-yulu", "xf-yulu")]
    [InlineData("低保标准是多少？", "nat-dibao", "xf-dibao")]
    public void After_a_national_answer_the_other_countys_own_entry_answers_那信丰的呢(string first, string national, string xinfengOwn)
    {
        var answers = Conversation(TestPacks.Yuzhou, first, "那信丰的呢？");

        Assert.Equal(national, answers[0].TopicId);
        Assert.Equal(xinfengOwn, answers[1].TopicId);
        Assert.Equal("xinfeng", answers[1].County);
    }

    [Fact]
    public void A_share_asked_of_an_entry_that_states_none_is_not_answered_from_it()
    {
        // nat-xzlhff says the hospital settles the reimbursed part, not how much of it.
        var answer = Answerer.Answer(TestPacks.Xinfeng, "住院先诊疗后付费报销能有百分之几");

        Assert.NotEqual(PolicyOutcome.Answer, answer.Outcome);
        Assert.DoesNotContain("来源：", answer.Text);
        Assert.Contains("12317", answer.Text);
    }

    [Fact]
    public void A_year_the_documents_have_no_figure_for_is_not_answered_with_another_years_figure()
    {
        var other = Answerer.Answer(TestPacks.Yuzhou, "禹州2026年的监测收入线是多少");
        var same = Answerer.Answer(TestPacks.Yuzhou, "2023年禹州监测线多少");

        Assert.Equal(PolicyOutcome.Fallback, other.Outcome);
        Assert.DoesNotContain("7500", other.Text);
        Assert.Contains("2026年", other.Text);
        Assert.Equal("yz-monitoring-line", same.TopicId);
        Assert.Contains("7500", same.Text);
    }

    [Fact]
    public void A_peoples_word_the_last_answer_used_keeps_to_its_topic()
    {
        // xf-workshop says "想到帮扶车间上班，问村干部…": 上班 is the workshop's, not a new question about 就业.
        var answers = Conversation(TestPacks.Xinfeng, "帮扶车间是搞么子的", "要去上班找哪个");

        Assert.Equal("xf-workshop", answers[0].TopicId);
        Assert.Equal("xf-workshop", answers[1].TopicId);
    }

    [Fact]
    public void A_correction_without_问的是_names_the_policy_meant()
    {
        var answers = Conversation(TestPacks.Xinfeng, "我想打听下低保的事", "不是低保，是特困");

        Assert.Equal("nat-tekun", answers[1].TopicId);
        Assert.DoesNotContain("2. ", answers[1].Text);
    }

    [Fact]
    public void 哪年_asks_when()
    {
        Assert.Equal("时间", Read(TestPacks.Yuzhou, "过渡期到底到哪年结束").Aspect);
        Assert.Equal("nat-transition", Answerer.Answer(TestPacks.Yuzhou, "过渡期到底到哪年结束").TopicId);
    }

    [Fact]
    public void 还有呢_asks_for_more_of_the_last_answer()
    {
        var answers = Conversation(TestPacks.Xinfeng, "小额信贷要担保吗", "还有呢");
        Assert.Equal("nat-loan-collateral", answers[1].TopicId);
    }

    [Fact]
    public void A_short_follow_up_with_a_word_of_the_last_answers_title_stays_on_its_topic()
    {
        // 贷 names 小额信贷, but after 创业担保贷款 "能贷好多" asks about that loan: never 小额信贷's 5万.
        var answers = Conversation(TestPacks.Xinfeng, "创业担保贷款", "能贷好多");
        Assert.Equal("xf-startup", answers[0].TopicId);
        Assert.NotEqual("nat-loan-amount", answers[1].TopicId);
        Assert.DoesNotContain("5万", answers[1].Text);
    }

    [Fact]
    public void A_figure_asked_of_a_topic_an_entry_mentions_only_in_passing_is_not_answered_with_its_other_figures()
    {
        // 稳岗就业 names 公益性岗位 in a sentence without a figure; its 1.4万人 is about employment as a whole.
        var answer = Answerer.Answer(TestPacks.Yuzhou, "禹州公益岗位要安置多少人");
        Assert.Equal(PolicyOutcome.Fallback, answer.Outcome);
        Assert.DoesNotContain("1.4万", answer.Text);
    }

    [Fact]
    public void A_sum_asked_in_thousands_is_answered_by_a_limit_stated_in_yuan()
    {
        var answers = Conversation(TestPacks.Yuzhou, "防返贫监测收入线", "俺家收入八千能纳入不");
        Assert.Equal("yz-monitoring-line", answers[1].TopicId);
        Assert.Contains("7500", answers[1].Text);
    }

    [Fact]
    public void A_long_policy_name_with_one_character_misheard_still_names_its_topic()
    {
        var reading = Read(TestPacks.Xinfeng, "先诊疗后附费是啥");
        Assert.Equal(["先诊疗后付费"], reading.Topics);
        Assert.Equal("nat-xzlhff", Answerer.Answer(TestPacks.Xinfeng, "先诊疗后附费是啥").TopicId);
        Assert.DoesNotContain("项目资产", Read(TestPacks.Xinfeng, "项目资金使用要公式吗").Topics); // four characters: too short to guess
    }

    [Fact]
    public void A_follow_up_on_the_same_topic_that_does_not_separate_its_entries_stays_with_the_last_answer()
    {
        var house = Conversation(TestPacks.Yuzhou, "危房改造谁能享受", "俺家房子漏雨能改不");
        Assert.Equal(PolicyOutcome.Answer, house[1].Outcome);
        Assert.Equal(house[0].TopicId, house[1].TopicId);

        // 几多时间 is 赣南 for 多长时间: how long, asked of the topic of the conversation.
        var risk = Conversation(TestPacks.Xinfeng, "风险消除是么子意思", "要几多时间");
        Assert.NotEqual(PolicyOutcome.Clarify, risk[1].Outcome);
        Assert.Equal("风险消除", risk[1].Topic);
    }

    [Fact]
    public void Numbered_choices_keep_working_in_a_conversation()
    {
        var answers = Conversation(TestPacks.Xinfeng, "补贴几月发", "1");
        Assert.Equal(PolicyOutcome.Clarify, answers[0].Outcome);
        Assert.Equal(answers[0].ChoiceIds[0], answers[1].TopicId);
    }

    [Fact]
    public void A_farmer_asking_how_to_apply_for_a_subsidy_is_offered_subsidies_first_and_1_gets_the_first()
    {
        // "补贴咋申请": 雨露计划 pays a 补贴, the loan does not; the farmer who answers "1" must get what choice 1 said.
        var answers = Conversation(TestPacks.Yuzhou, "补贴咋申请", "1");
        Assert.Equal(PolicyOutcome.Clarify, answers[0].Outcome);
        Assert.Equal("nat-yulu", answers[0].ChoiceIds[0]);
        Assert.Equal("nat-yulu", answers[1].TopicId);
    }

    [Theory]
    [InlineData(TestPacks.Xinfeng, "补助")]
    [InlineData(TestPacks.Xinfeng, "那个标准有多高")]
    public void A_word_every_benefit_uses_alone_asks_which_policy_instead_of_answering_one(string pack, string question)
    {
        var answer = Answerer.Answer(pack, question);
        Assert.True(answer.Outcome == PolicyOutcome.Clarify, $"{question}: {answer.Outcome} {answer.TopicId} {string.Join(" | ", answer.Why)}");
        Assert.True(answer.ChoiceIds.Count >= 2);
    }

    [Fact]
    public void Money_asked_per_month_where_no_entry_states_pay_is_answered_honestly_not_with_a_cadence()
    {
        // 帮扶车间's entry has how often it is checked, not the wage; "一个月" counts the money here.
        var answer = Answerer.Answer(TestPacks.Xinfeng, "在帮扶车间上班一个月能拿多少钱");
        Assert.Equal(PolicyOutcome.Fallback, answer.Outcome);
        Assert.Equal("帮扶车间", answer.Topic);
        Assert.Contains("12317", answer.Text);
    }

    [Fact]
    public void A_correction_answers_the_policy_meant_not_the_one_it_rejects()
    {
        var answers = Conversation(TestPacks.Xinfeng, "低保标准是多少", "不是低保，我问的是监测线");
        Assert.Equal(PolicyOutcome.Answer, answers[1].Outcome);
        Assert.Equal("xf-monitoring-line", answers[1].TopicId);
        Assert.Single(answers[1].Entries);
    }

    [Fact]
    public void Asking_another_countys_figure_after_a_national_answer_gets_that_countys_own_entry()
    {
        // 信丰 has its own 低保 standard entry; the national one answered before must not win on its title.
        var answers = Conversation(TestPacks.Yuzhou, "禹州低保标准一个月多少", "听说信丰提高了，提高了多少");
        Assert.Equal("xf-dibao", answers[1].TopicId);
        Assert.Equal("xinfeng", answers[1].County);
    }

    [Theory]
    [InlineData("雨露计划+又是个啥")]
    [InlineData("雨露计划＋是什么")]
    [InlineData("雨露计划加是什么")]
    public void A_plus_sign_reads_as_加_so_雨露计划plus_is_not_taken_for_雨露计划(string question)
    {
        Assert.Equal("nat-yulu-plus", Answerer.Answer(TestPacks.Yuzhou, question).TopicId);
    }

    [Fact]
    public void Every_entry_has_a_known_topic_and_aspects()
    {
        var vocabulary = Vocabulary.Load(Path.Combine(AppContext.BaseDirectory, "vocab"), []);
        Assert.True(vocabulary.Topics.Count >= 30);
        foreach (var entry in PackLoader.LoadAll(TestPacks.Directory).Packs.SelectMany(p => p.Entries))
        {
            Assert.NotEmpty(entry.Topics);
            Assert.All(entry.Topics, t => Assert.Contains(t, vocabulary.TopicIds));
            Assert.NotEmpty(entry.Aspects);
            Assert.All(entry.Aspects, a => Assert.Contains(a, vocabulary.AspectIds));
        }
    }

    [Fact]
    public void Unknown_topic_or_aspect_is_an_error_with_file_and_line()
    {
        var dir = TestPacks.CopyToTemp();
        var file = Path.Combine(dir, "xinfeng-2024", "entries", "zz-vocab.yaml");
        File.WriteAllText(file, """
            entries:
              - id: xf-vocab-test
                title: 测试
                audience: 农户
                topic: 不存在的话题
                aspects: [期限, 多少年]
                keywords: [测试]
                answer: 有内容
                source: 《信丰县2024年巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作要点》二（一）1
            """);
        var registry = new PackRegistry(dir, TestPacks.KnownCounties);
        Assert.False(registry.LastResult.Applied);
        var errors = registry.LastResult.Issues.Where(i => i.Severity == PackIssueSeverity.Error).ToList();
        Assert.Contains(errors, e => e.File == file && e.Line == 5 && e.Message.Contains("不存在的话题"));
        Assert.Contains(errors, e => e.File == file && e.Line == 6 && e.Message.Contains("多少年"));
    }

    [Fact]
    public void Several_policies_joined_in_one_question_get_a_numbered_part_each_with_its_own_source()
    {
        var answer = Answerer.Answer(TestPacks.Xinfeng, "低保跟临时救助分别找谁申请");
        Assert.Equal(PolicyOutcome.Answer, answer.Outcome);
        Assert.Equal(["nat-dibao", "nat-linshi"], answer.Entries.Select(e => e.Id).Order());
        Assert.StartsWith("1. ", answer.Text);
        Assert.Contains("\n\n2. ", answer.Text);
        Assert.Equal(2, answer.Text.Split(PolicyTexts.SourcePrefix).Length - 1);
    }

    [Theory]
    [InlineData("贷款和雨露计划的钱都是多少？", "yz-loan", "nat-yulu")] // 贷款 is people's word, joined by 和
    [InlineData("禹州看病有啥帮扶？雨露计划补助多少？", "yz-health", "nat-yulu")] // two sentences
    [InlineData("雨露计划咋申请，顺便问下看病住院有啥帮扶", "nat-yulu", "yz-health")] // 顺便问下
    public void A_policy_in_peoples_words_joined_to_a_named_one_gets_its_own_part(string question, string first, string second)
    {
        var reading = Read(TestPacks.Yuzhou, question);
        var answer = Answerer.Answer(TestPacks.Yuzhou, question);

        Assert.True(reading.TopicsJoined);
        Assert.Equal(PolicyOutcome.Answer, answer.Outcome);
        Assert.Equal([first, second], answer.Entries.Select(e => e.Id));
        Assert.StartsWith("1. ", answer.Text);
        Assert.Contains("\n\n2. ", answer.Text);
    }

    [Theory]
    [InlineData("住院先诊疗后付费要到医院哪个窗口", "nat-xzlhff", "窗口")]
    [InlineData("小额信贷到哪个银行去办", "nat-loan-apply", "银行网点")]
    public void Where_to_go_is_answered_with_the_entrys_how_to_apply_which_names_the_place(string question, string entry, string place)
    {
        var answer = Answerer.Answer(TestPacks.Xinfeng, question);

        Assert.Equal(entry, answer.TopicId);
        Assert.Contains(place, answer.Text);
    }

    [Fact]
    public void Two_questions_about_one_policy_in_one_message_get_a_part_each()
    {
        // The second clause is read after the first: «还不上» is the same loan's.
        var answer = Answerer.Answer(TestPacks.Yuzhou, "扶贫贷款要不要抵押？还不上会怎么样？");

        Assert.Equal(PolicyOutcome.Answer, answer.Outcome);
        Assert.Equal(["yz-loan", "nat-loan-overdue"], answer.Entries.Select(e => e.Id));
        Assert.StartsWith("1. ", answer.Text);
        Assert.Contains("\n\n2. ", answer.Text);
    }

    [Fact]
    public void A_first_clause_that_is_an_entrys_title_still_gets_its_own_part()
    {
        // «小额信贷能贷多少» is nat-loan-amount's title, answered without a reading: the term must not swallow the amount.
        var answer = Answerer.Answer(TestPacks.Xinfeng, "小额信贷能贷多少，最长几年要还清？");

        Assert.Equal(["nat-loan-amount", "nat-loan-term"], answer.Entries.Select(e => e.Id));
        Assert.Contains("5万", answer.Text);
        Assert.Contains("3年", answer.Text);
    }

    [Theory]
    [InlineData("俺以前有过一回逾期，还能贷不能？")] // what happened, then the question
    [InlineData("贷款有没有那个 年龄限制啊")] // a voice pause, not a second question
    public void A_situation_told_before_the_question_is_not_a_second_question(string question)
    {
        var answer = Answerer.Answer(TestPacks.Yuzhou, question);

        Assert.True(answer.Entries.Count <= 1, answer.Text);
        Assert.DoesNotContain("2. ", answer.Text);
    }

    [Theory]
    [InlineData("我住院花了好多钱，能申请临时救助吗")]
    [InlineData("家里儿子在外面打工还能吃低保不")] // 还 = still, not and
    public void A_situation_in_peoples_words_beside_a_named_policy_is_context_not_a_second_question(string question)
    {
        var answer = Answerer.Answer(TestPacks.Yuzhou, question);

        Assert.False(Read(TestPacks.Yuzhou, question).TopicsJoined);
        Assert.False(answer.Outcome == PolicyOutcome.Answer && answer.Entries.Count > 1, answer.Text);
    }

    [Fact]
    public void Two_topics_words_used_for_one_thing_are_not_answered_as_two_policies()
    {
        // 上中专 reads as 雨露计划 and 学费 as 教育资助, but nothing joins them: one thing is asked.
        var answer = Answerer.Answer(TestPacks.Yuzhou, "孙子上中专学费要交几多");
        Assert.False(answer.Outcome == PolicyOutcome.Answer && answer.Entries.Count > 1, answer.Text);
    }

    [Fact]
    public void A_household_status_says_who_asks_and_the_other_policy_is_answered()
    {
        var answer = Answerer.Answer(TestPacks.Yuzhou, "我们是低保户，房子要塌了找谁");
        Assert.Equal(PolicyOutcome.Answer, answer.Outcome);
        Assert.Equal("危房改造", answer.Topic);
    }

    [Fact]
    public void A_status_alone_in_a_follow_up_keeps_the_conversation_topic()
    {
        var answers = Conversation(TestPacks.Yuzhou, "先诊疗后付费", "脱贫户能享受吗");
        Assert.Equal("先诊疗后付费", answers[1].Topic);
        Assert.True(answers[1].Inherited);
    }

    [Fact]
    public void Traditional_characters_outside_the_old_hand_list_read_like_simplified_ones()
    {
        var reading = Read(TestPacks.Xinfeng, "貸款要擔保人嗎");
        Assert.Equal(["小额信贷"], reading.Topics);
        Assert.Equal("限制", reading.Aspect);
        Assert.Equal("nat-loan-collateral", Answerer.Answer(TestPacks.Xinfeng, "貸款要擔保人嗎").TopicId);
    }

    [Theory]
    [InlineData("驾驶证怎么办")]
    [InlineData("老年卡在哪里办")]
    public void Words_of_how_or_where_alone_do_not_pick_a_policy(string question)
    {
        // Without the aspect words nothing of these names a policy; the loan's "how to apply" is not an answer.
        var answer = Answerer.Answer(TestPacks.Xinfeng, question);
        Assert.NotEqual(PolicyOutcome.Answer, answer.Outcome);
    }

    [Fact]
    public void A_question_about_something_the_entry_never_mentions_is_not_answered_from_it()
    {
        var answer = Answerer.Answer(TestPacks.Xinfeng, "娃读托儿所有补助吗");
        Assert.NotEqual(PolicyOutcome.Answer, answer.Outcome);
    }

    [Theory]
    [InlineData(TestPacks.Yuzhou, "俺是低保边缘户，能申请危房改造不", "危房改造")]
    [InlineData(TestPacks.Yuzhou, "儿子在外地打工挣钱，老两口能不能自己单独申请低保？", "低保")]
    [InlineData(TestPacks.Xinfeng, "呃今年脐橙卖不出去 贷款可能还不上了 怎么办啊", "小额信贷")]
    public void What_the_farmer_tells_first_is_the_situation_and_only_the_asked_policy_is_answered(string pack, string question, string topic)
    {
        var answer = Answerer.Answer(pack, question);

        // One answer about the policy asked, not a 低保 / 就业 / 消费帮扶 part first that the farmer did not ask about.
        Assert.Equal(PolicyOutcome.Answer, answer.Outcome);
        Assert.Single(answer.Entries);
        Assert.Contains(topic, answer.Entries[0].Topics);
    }

    [Fact]
    public void Two_clauses_that_each_ask_still_get_a_part_each()
    {
        var answer = Answerer.Answer(TestPacks.Xinfeng, "雨露计划的钱几时发？另外孩子读中职还要交学费吗？");
        Assert.Equal(2, answer.Entries.Count);
    }

    [Fact]
    public void After_the_transition_period_a_bare_other_policy_asks_what_the_period_means_for_it()
    {
        var answers = Conversation(TestPacks.Yuzhou, "过渡期结束了还有帮扶没", "那小额信贷呢");
        Assert.Equal("nat-after-transition", answers[1].TopicId);
        Assert.Contains("农户小额信用贷款", answers[1].Text);

        // Without that conversation, the loan is answered as the loan.
        Assert.Equal("小额信贷", Answerer.Answer(TestPacks.Yuzhou, "那小额信贷呢").Topic);
    }

    [Fact]
    public void An_accident_told_in_a_conversation_is_the_situation_of_the_policy_talked_of()
    {
        var answers = Conversation(TestPacks.Xinfeng, "防返贫监测是什么", "我家能申请不，我们是普通农户，老公车祸瘫了");
        Assert.Equal("防返贫监测", answers[1].Topic);
        Assert.NotEqual("nat-linshi", answers[1].TopicId);
    }

    [Fact]
    public void Years_of_a_term_no_document_states_are_not_answered_from_the_monthly_attendance_rule()
    {
        var answer = Answerer.Answer(TestPacks.Yuzhou, "驻村第一书记干几年能换人？");
        Assert.NotEqual(PolicyOutcome.Answer, answer.Outcome);
        Assert.DoesNotContain("20个工作日", answer.Text);
    }

    [Fact]
    public void Which_bank_for_the_loan_in_yuzhou_names_the_county_s_banks()
    {
        var answer = Answerer.Answer(TestPacks.Yuzhou, "小额信贷可以到哪些银行办？");
        Assert.Equal(PolicyOutcome.Answer, answer.Outcome);
        Assert.Contains("农信社", answer.Text);
    }

    [Fact]
    public void A_phone_number_the_documents_do_not_give_is_said_to_be_missing_not_answered_with_the_rules()
    {
        var answer = Answerer.Answer(TestPacks.Xinfeng, "驻村第一书记的电话几多");
        Assert.Equal(PolicyOutcome.Fallback, answer.Outcome);
        Assert.Contains("联系电话", answer.Text);
        Assert.Contains("12317", answer.Text); // whom to ask instead

        // 12317 itself is a number the documents give.
        Assert.Equal(PolicyOutcome.Answer, Answerer.Answer(TestPacks.Xinfeng, "咨询服务电话号码是多少").Outcome);
    }

    [Fact]
    public void A_cadre_named_as_the_subject_is_a_new_topic_not_the_asker_s_status()
    {
        var answers = Conversation(TestPacks.Yuzhou, "危房改造谁能享受", "驻村第一书记干几年能换人");
        Assert.Equal("驻村帮扶", answers[1].Topic); // not "危房改造的文件里没有写多长时间"

        // A household's status after a topic still asks about that topic.
        var status = Conversation(TestPacks.Yuzhou, "先诊疗后付费是什么", "监测户能享受不");
        Assert.Equal("先诊疗后付费", status[1].Topic);
    }

    [Fact]
    public void A_mistyped_period_flag_in_the_topic_vocabulary_is_an_error_with_its_line()
    {
        var issues = new List<PackIssue>();

        var vocabulary = TestPacks.VocabularyWithTopicsEdited("    period: true", "    period: ture", issues);

        Assert.Contains(issues, i => i.Message.Contains("period must be true or false") && i.Line > 0);
        Assert.False(vocabulary.Topic("过渡期政策")!.IsPeriod);
    }

    [Fact]
    public void Two_spoken_questions_with_a_pause_between_get_a_part_each_but_a_pause_inside_one_does_not_split_it()
    {
        var both = Answerer.Answer(TestPacks.Xinfeng, "小额贷款能贷几多 要多久还");
        Assert.Equal(2, both.Entries.Count);
        Assert.Contains("5万", both.Text);
        Assert.Contains("3年", both.Text);

        var one = Answerer.Answer(TestPacks.Xinfeng, "贷款有没有那个 年龄限制啊");
        Assert.True(one.Entries.Count <= 1);
    }

    [Fact]
    public void A_figure_asked_of_a_topic_the_entry_only_mentions_in_passing_is_said_to_be_missing_even_in_a_follow_up()
    {
        // 禹州's 稳岗就业 entry names 公益性岗位, but its 1.4万 counts all employment, not the posts.
        var posts = Answerer.Answer(TestPacks.Yuzhou, "公益岗今年要安置多少人");
        Assert.Equal(PolicyOutcome.Fallback, posts.Outcome);
        Assert.DoesNotContain("1.4万", posts.Text);
        Assert.DoesNotContain("多为干部问", posts.Text); // the aspect's label reads as plain words

        var followUp = Conversation(TestPacks.Xinfeng, "信丰公益性岗位要吸纳多少人", "那禹州呢");
        Assert.Contains("2383", followUp[0].Text);
        Assert.Equal(PolicyOutcome.Fallback, followUp[1].Outcome);
        Assert.DoesNotContain("1.4万", followUp[1].Text);

        // What the task is, asked without a number, is still answered from it.
        Assert.Equal(PolicyOutcome.Answer, Answerer.Answer(TestPacks.Yuzhou, "返乡创业今年有什么工作要求").Outcome);
    }

    [Fact]
    public void Of_two_counties_named_the_one_whose_figure_the_farmer_already_states_is_not_the_one_asked()
    {
        var answer = Answerer.Answer(TestPacks.Xinfeng, "信丰衔接资金用在产业上的是65%，禹州是多少");
        Assert.Equal("yuzhou", answer.County);
        Assert.Contains("60%", answer.Text);

        // Two counties and no figure told: the first one named, as before.
        Assert.Equal("yuzhou", Answerer.Answer(TestPacks.Xinfeng, "禹州的监测收入线跟我们信丰一样吗").County);
    }

    [Fact]
    public void After_the_transition_period_whether_a_policy_goes_on_is_answered_by_what_the_period_means_for_it()
    {
        var answers = Conversation(TestPacks.Yuzhou, "过渡期结束以后还有帮扶吗", "那小额信贷还能接着贷吗");
        Assert.Contains("农户小额信用贷款", answers[1].Text); // not who may borrow in general

        // Not whether it goes on but how much: the loan's own answer.
        var amount = Conversation(TestPacks.Yuzhou, "过渡期结束以后还有帮扶吗", "那小额信贷能贷多少");
        Assert.Contains("5万", amount[1].Text);
        Assert.DoesNotContain("农户小额信用贷款", amount[1].Text);
    }

    [Fact]
    public void How_much_one_receives_of_a_policy_whose_documents_state_no_sum_is_not_answered_with_who_qualifies()
    {
        var answers = Conversation(TestPacks.Yuzhou, "五保户怎么申请", "一个月能领多少钱");
        Assert.Equal(PolicyOutcome.Fallback, answers[1].Outcome);
        Assert.Contains("特困", answers[1].Text);
        Assert.Contains("12317", answers[1].Text);
    }

    [Fact]
    public void Whether_a_policy_pays_or_costs_something_its_entries_never_mention_is_said_to_be_missing()
    {
        var training = Answerer.Answer(TestPacks.Xinfeng, "技能培训有补贴吗");
        Assert.Equal(PolicyOutcome.Fallback, training.Outcome);
        Assert.Contains("技能培训", training.Text);

        // 这块 is "this area", not money.
        Assert.Equal(PolicyOutcome.Answer, Answerer.Answer(TestPacks.Yuzhou, "返乡创业这块禹州有啥目标").Outcome);
    }

    [Fact]
    public void A_word_of_part_of_the_policy_talked_of_asks_about_that_part()
    {
        var answers = Conversation(TestPacks.Yuzhou, "监测对象分哪几类", "咋申报");
        Assert.Equal("自主申报", answers[1].Topic);
        Assert.Contains("村委会", answers[1].Text);
    }

    [Fact]
    public void How_often_a_duty_is_done_is_a_cadence_not_a_time_limit()
    {
        var answer = Answerer.Answer(TestPacks.Xinfeng, "信丰监测户的帮扶措施多久回头看");
        Assert.Equal("频次", answer.Aspect);
        Assert.Contains("每季度", answer.Text);
    }

    [Fact]
    public void Where_to_do_what_the_last_answer_just_spoke_of_is_answered_by_that_answer()
    {
        var answers = Conversation(TestPacks.Yuzhou, "雨露计划+是什么", "毕业了找工作去哪登记");
        Assert.Contains("雨露计划+", answers[1].Text); // not the school-aid entry, which says nothing of jobs
        Assert.Contains("人社", answers[1].Text);
    }

    [Fact]
    public void A_clause_asking_what_something_is_for_with_干嘛_is_a_question_not_the_situation()
    {
        var answer = Answerer.Answer(TestPacks.Xinfeng, "12317能干嘛，过渡期结束了还有帮扶不");
        Assert.Equal(2, answer.Entries.Count);
        Assert.Contains("咨询服务电话", answer.Text);
        Assert.Contains("常态化", answer.Text);
    }

    [Fact]
    public void How_many_years_the_loan_runs_is_the_term_whatever_the_look_alike_questions_lean_to()
    {
        foreach (var question in (string[])["小额信贷能贷几年", "小额信贷能贷多久"])
        {
            var answer = Answerer.Answer(TestPacks.Xinfeng, question);
            Assert.Equal("期限", answer.Aspect);
            Assert.Contains("3年", answer.Text);
        }
    }

    [Fact]
    public void A_phone_number_the_farmer_gives_is_not_a_question_about_the_hotline()
    {
        var answer = Answerer.Answer(TestPacks.Xinfeng, "我叫张三，身份证360722199001011234，电话13912345678，家里房子塌了");
        Assert.DoesNotContain("12317热线能干什么", answer.Text);
        Assert.Equal("危房改造", answer.Topic);

        // Asked about, the hotline is still the hotline.
        Assert.Equal("热线12317", Answerer.Answer(TestPacks.Xinfeng, "12317电话几点有人接").Topic);

        // The number ends one sentence and the question begins right after it (the comma is gone once folded): the
        // policy named there is still asked, whether the number arrives whole or already masked.
        foreach (var question in new[] { "我电话13812345678，低保咋申请", "手机号138****5678，低保咋申请", "138****5678 低保咋申请" })
        {
            var dibao = Answerer.Answer(TestPacks.Yuzhou, question);
            Assert.Equal(PolicyOutcome.Answer, dibao.Outcome);
            Assert.Equal("低保", dibao.Topic);
        }
        Assert.NotEqual("热线12317", Answerer.Answer(TestPacks.Yuzhou, "13812345678是我的电话，低保咋申请").Topic);
    }

    [Fact]
    public void Asking_how_to_report_to_monitoring_after_a_hardship_is_about_declaring_it()
    {
        // 报 with the broader 防返贫监测: the household wants to be declared, which 自主申报's entry says how to do.
        // Since the fortieth set joined the labelled questions, look-alikes lean to 信丰's monitoring entry, so the bot
        // may ask which of the two is meant: declaring is then the first choice.
        var answer = Answerer.Answer(TestPacks.Xinfeng, "老公出了车祸，防返贫监测咋报");
        Assert.NotEqual(PolicyOutcome.Fallback, answer.Outcome);
        Assert.Equal("nat-monitor-self-declare", answer.Outcome == PolicyOutcome.Clarify ? answer.ChoiceIds[0] : answer.TopicId);
    }

    [Fact]
    public void Saying_only_who_one_is_asks_whether_the_policy_just_talked_of_is_for_them()
    {
        // (University is in no 禹州 entry: since the forty-first set joined the labelled questions, "考上大学了有补助没"
        // gets the honest reply, so the conversation starts from senior school.)
        var talk = Conversation(TestPacks.Yuzhou, "俺家娃上高中有补助没", "俺是监测户");
        Assert.Equal(PolicyOutcome.Answer, talk[1].Outcome);
        Assert.Equal("教育资助", talk[1].Topic);
        Assert.Equal("对象条件", talk[1].Aspect);
    }

    [Fact]
    public void A_loan_falling_due_asks_what_then_not_how_to_apply()
    {
        // Both the term entry and the overdue one say what to do when it falls due (续贷、展期); applying does not.
        foreach (var question in new[] { "贷款快到期了咋办", "小额信贷到期了怎么办" })
        {
            var answer = Answerer.Answer(TestPacks.Xinfeng, question);
            Assert.Equal(PolicyOutcome.Answer, answer.Outcome);
            Assert.Contains(answer.TopicId, new[] { "nat-loan-term", "nat-loan-overdue" });
            Assert.Contains("续贷", answer.Text);
        }
    }

    [Fact]
    public void The_same_asked_of_another_county_stays_on_the_topic_and_weather_does_not()
    {
        var same = Conversation(TestPacks.Xinfeng, "禹州小额信贷能贷多少", "我们信丰也一样吗");
        Assert.Equal("nat-loan-amount", same[1].TopicId);
        Assert.Contains("5万", same[1].Text);

        var weather = Conversation(TestPacks.Xinfeng, "禹州小额信贷能贷多少", "明天信丰下雨不");
        Assert.Equal(PolicyOutcome.Fallback, weather[1].Outcome);
    }

    [Fact]
    public void Each_part_of_a_two_policy_question_gets_the_aspect_its_own_words_ask()
    {
        // 逾期 outranks 咋办 in the loan's part, as it would alone: the overdue entry, not how to apply for a loan.
        var answer = Answerer.Answer(TestPacks.Yuzhou, "贷款逾期了咋办，还有娃上学有啥补助");
        Assert.Equal("nat-loan-overdue", answer.Entries[0].Id);
        Assert.Equal(2, answer.Entries.Count);
    }

    [Fact]
    public void A_correction_names_what_is_meant_even_when_the_last_answer_mentioned_it()
    {
        var answers = Conversation(TestPacks.Yuzhou, "俺爹住院花了好几万，家里快撑不住了，能申请点啥？", "俺说的是监测，咋申报？");
        Assert.Equal("nat-monitor-self-declare", answers[1].Entries[0].Id);
    }

    [Fact]
    public void Two_counties_compared_get_both_counties_answers_under_their_names()
    {
        var answer = Answerer.Answer(TestPacks.Xinfeng, "信丰和禹州衔接资金用在产业上的比例哪个高");
        Assert.Contains("【信丰县】", answer.Text);
        Assert.Contains("65%", answer.Text);
        Assert.Contains("【禹州市】", answer.Text);
        Assert.Contains("60%", answer.Text);

        // A figure the farmer already knows of one county is not a comparison: only the other county is asked.
        var asked = Answerer.Answer(TestPacks.Yuzhou, "信丰衔接资金产业比例是65% 咱禹州是多少");
        Assert.DoesNotContain("【", asked.Text);
        Assert.Contains("60%", asked.Text);
    }

    [Theory]
    // Something told of the other county, then the question about one's own.
    [InlineData("禹州那边监测线有具体数，我们信丰的是多少？", "xf-monitoring-line")]
    [InlineData("禹州那边驻村干部在岗有规定，信丰的驻村干部有么子规定哩", "xf-resident-cadres")]
    public void What_is_told_of_the_other_county_is_not_what_is_asked(string question, string entry)
    {
        Assert.Equal("xinfeng", Answerer.Read(TestPacks.Xinfeng, question)!.County);
        Assert.Equal(entry, Answerer.Answer(TestPacks.Xinfeng, question).TopicId);
    }

    [Fact]
    public void A_question_about_the_other_county_first_is_still_about_it()
    {
        // 禹州 is asked (多少) before 信丰 is named: it is the county asked about.
        Assert.Equal("yuzhou", Answerer.Read(TestPacks.Xinfeng, "禹州的监测线是多少，我们信丰呢")!.County);
    }

    [Fact]
    public void A_nursing_home_is_read_as_support_for_those_who_cannot_work()
    {
        Assert.Contains("兜底保障", Answerer.Read(TestPacks.Yuzhou, "俺娘七十多了没人管，能住敬老院不")!.Topics);
        var answers = Conversation(TestPacks.Yuzhou, "防贫保一年要交多少保费", "那个敬老院在哪条街");
        Assert.NotEqual("防贫保", answers[1].Topic);
        // 禹州's 兜底 entry names the office (乡镇（街道）民政办), not a street: the address is not in the documents.
        Assert.Equal(PolicyOutcome.Fallback, answers[1].Outcome);
        Assert.Contains("没有写具体地址", answers[1].Text);
    }

    [Fact]
    public void A_new_hardship_asking_what_there_is_does_not_continue_the_last_policy()
    {
        // After a loan answer, a hospital bill and "能申请点啥" is not a question about loan eligibility.
        var answers = Conversation(TestPacks.Yuzhou, "贷款逾期了咋办", "俺爹住院花了好几万，家里快撑不住了，能申请点啥？");
        Assert.NotEqual("小额信贷", answers[1].Topic);
        Assert.DoesNotContain("18周岁", answers[1].Text);
    }

    [Fact]
    public void Another_policys_word_that_one_entry_of_the_topic_speaks_of_stays_with_that_topic()
    {
        // 找工作 is people's word for 就业, but after 雨露计划 "毕业了还管找工作么" asks about 雨露计划+.
        var answers = Conversation(TestPacks.Xinfeng, "监测户的孩子能享受雨露计划么", "毕业了还管找工作么");
        Assert.Equal("nat-yulu-plus", answers[1].Entries[0].Id);

        // Naming the part of the topic asked, or correcting, still moves on.
        var corrected = Conversation(TestPacks.Yuzhou, "俺爹住院花了好几万，家里快撑不住了，能申请点啥？", "俺说的是监测，咋申报？");
        Assert.Equal("nat-monitor-self-declare", corrected[1].Entries[0].Id);
    }

    [Fact]
    public void A_reply_naming_one_of_the_offered_choices_picks_it()
    {
        // "要多久" is asked which policy; "我是说小额贷款" answers by name, and the loan's term is what was asked.
        var answers = Conversation(TestPacks.Xinfeng, "要多久", "我是说小额贷款");

        Assert.Equal(PolicyOutcome.Clarify, answers[0].Outcome);
        Assert.Contains("nat-loan-term", answers[0].ChoiceIds);
        Assert.Equal("nat-loan-term", answers[1].TopicId);
        Assert.Contains("3年", answers[1].Text);
    }

    [Fact]
    public void A_named_policy_is_not_forced_onto_a_national_choice_when_the_county_has_its_own_entry()
    {
        // The three choices offered for "那个保险怎么弄" were a guess; "医保的" means 医保 itself, which 信丰 has an entry for.
        var answers = Conversation(TestPacks.Xinfeng, "那个保险怎么弄", "医保的");

        Assert.Equal(PolicyOutcome.Clarify, answers[0].Outcome);
        Assert.Equal("xf-medical", answers[1].TopicId);
    }

    [Fact]
    public void A_policy_named_with_de_after_a_question_asks_that_question_of_it()
    {
        // "雨露计划的" after "学生的补助几时发": when 雨露计划 pays — 信丰's own dates, not the national overview.
        var answers = Conversation(TestPacks.Xinfeng, "学生的补助几时发", "雨露计划的");

        Assert.Equal("xf-yulu", answers[1].TopicId);
        Assert.Contains("3月中旬", answers[1].Text);
    }

    [Fact]
    public void Policy_words_told_after_asking_may_we_apply_are_the_situation_not_a_new_topic()
    {
        var tekun = Conversation(TestPacks.Yuzhou, "特困是啥？", "俺家能不能申请？俺今年63，老伴走了，儿子在外地打工");
        Assert.Equal("特困", tekun[1].Topic);
        Assert.NotEqual("yz-employment", tekun[1].TopicId);

        // Told first, then "may we be included": the monitoring just talked of, not the hospital bills told.
        var monitoring = Conversation(TestPacks.Xinfeng, "监测收入线是多少", "收入高一点但看病花得多，能纳入吗");
        Assert.Equal("xf-monitoring-line", monitoring[1].TopicId);

        // …and the farmer's own household is in their own county, even after asking about the other one.
        var home = Conversation(TestPacks.Yuzhou, "禹州监测收入线是多少", "那信丰呢", "那俺家人均八千多，但是今年看病花了不少，能纳入不");
        Assert.Equal("yz-monitoring-line", home[2].TopicId);

        // Told first, then asked: "那学技术的培训呢 嗯 去哪报" still asks where to sign up for training.
        var training = Conversation(TestPacks.Yuzhou, "想找个活干", "那学技术的培训呢 嗯 去哪报");
        Assert.Equal("yz-training", training[1].TopicId);
    }

    [Fact]
    public void A_policy_named_before_its_conditions_are_asked_is_the_one_asked_about()
    {
        // "那五保户呢，啥条件": the first clause asks about 五保, the second its conditions — not a situation told.
        var whatAbout = Conversation(TestPacks.Yuzhou, "啥样的家庭能吃低保？", "去哪申请？", "那五保户呢，啥条件？");
        Assert.Equal("nat-tekun", whatAbout[2].TopicId);

        // A correction names what is meant.
        var corrected = Conversation(TestPacks.Yuzhou, "俺想问问低保", "不对 俺是说特困 五保那个 啥条件");
        Assert.Equal("nat-tekun", corrected[1].TopicId);

        // The situation told names the policy just talked of: that policy's entry for it, as before.
        var same = Conversation(TestPacks.Yuzhou, "兜底保障包括啥", "俺爹没劳动能力 俺家能不能申请");
        Assert.Equal("yz-help-by-labor", same[1].TopicId);
    }

    [Fact]
    public void Wanting_to_consult_about_a_broad_policy_asks_which_part()
    {
        // 咨询 says nothing of which part of the loan is meant (it used to pick the loan term by that word).
        var consult = Answerer.Answer(TestPacks.Xinfeng, "贷款的事想咨询一下");
        var ask = Answerer.Answer(TestPacks.Xinfeng, "贷款的事想问问");

        Assert.Equal(PolicyOutcome.Clarify, consult.Outcome);
        Assert.Equal(ask.ChoiceIds, consult.ChoiceIds);
    }

    [Theory]
    [InlineData("监测户神么时候能出列")]
    [InlineData("嗯那个监测户要当多久才能取消")]
    public void Leaving_monitoring_in_farmers_words_is_read_as_risk_eliminated(string question)
    {
        Assert.Contains("风险消除", Answerer.Read(TestPacks.Xinfeng, question)!.Topics);
        Assert.Equal("nat-risk-eliminated", Answerer.Answer(TestPacks.Xinfeng, question).TopicId);
    }

    [Fact]
    public void A_household_telling_its_situation_asks_whether_the_policy_at_hand_is_theirs()
    {
        // 劳力 is 兜底's word, but after 风险消除 "没一个劳力，中不中" asks whether the household can leave monitoring.
        var noLabour = Conversation(TestPacks.Yuzhou, "风险消除要啥条件", "俺家没一个劳力，中不中");
        Assert.Equal("nat-risk-eliminated", noLabour[1].TopicId);

        // 打工 is told, "我可以申请么" asks: still 特困.
        var son = Conversation(TestPacks.Xinfeng, "五保要么子条件", "我崽在外面打工冇管我，我可以申请么");
        Assert.Equal("nat-tekun", son[1].TopicId);

        // A figure told is another entry's measure: the income line answers it.
        var income = Conversation(TestPacks.Yuzhou, "防返贫监测是干啥的", "俺家收入过7500了 还能纳入不");
        Assert.Equal("yz-monitoring-line", income[1].TopicId);
    }

    [Fact]
    public void Asking_what_a_broad_policy_is_and_whether_it_is_the_narrower_ones_is_about_the_broad_one()
    {
        Assert.Equal(["兜底保障"], Read(TestPacks.Yuzhou, "啥叫兜底保障，是不是就是低保和五保").Topics);
        // A narrower policy's name inside the compound is still the narrower one.
        Assert.Equal(["监测收入线"], Read(TestPacks.Yuzhou, "啥叫防返贫监测线").Topics);
    }

    [Theory]
    [InlineData(TestPacks.Xinfeng, "自主申报去哪报", "报哩几久有结果", "期限")]
    [InlineData(TestPacks.Yuzhou, "防贫保是啥", "咋理赔", "办理")]
    public void Dialect_and_insurance_words_for_an_aspect_carry_the_conversation_on(string pack, string first, string next, string aspect)
    {
        var talk = Conversation(pack, first, next);

        Assert.Equal(PolicyOutcome.Answer, talk[1].Outcome);
        Assert.Equal(aspect, talk[1].Aspect);
    }

    [Fact]
    public void Asking_what_to_bring_after_an_entry_that_names_no_papers_does_not_repeat_it()
    {
        var monitoring = Conversation(TestPacks.Xinfeng, "防返贫监测县里是怎么搞的", "要带么子去");
        Assert.Equal("xf-monitoring", monitoring[0].TopicId);
        Assert.NotEqual("xf-monitoring", monitoring[1].TopicId);

        // An entry that speaks of the papers (以放贷银行为准) still answers it.
        var loan = Conversation(TestPacks.Yuzhou, "小额信贷咋申请", "要带什么材料");
        Assert.Equal(loan[0].TopicId, loan[1].TopicId);
        Assert.Contains("材料", loan[1].Text);
    }

    [Fact]
    public void This_and_how_before_a_told_situation_is_one_question_about_it()
    {
        var talk = Conversation(TestPacks.Xinfeng, "小额信贷逾期了会怎样？", "这个咋办，到期我真还不上");

        Assert.Equal(PolicyOutcome.Answer, talk[1].Outcome);
        Assert.Single(talk[1].Entries);
        Assert.Equal("nat-loan-overdue", talk[1].TopicId);
    }

    [Fact]
    public void A_sum_asked_in_kuai_that_no_entry_states_gets_the_honest_reply()
    {
        // 几块钱 asks a sum; the 爱心超市 entry gives no value of a point.
        var answer = Answerer.Answer(TestPacks.Yuzhou, "爱心超市一积分顶几块钱");

        Assert.Equal(PolicyOutcome.Fallback, answer.Outcome);
        Assert.Contains("12317", answer.Text);
    }

    [Fact]
    public void A_mistyped_monitoring_household_is_still_monitoring()
    {
        Assert.Contains("防返贫监测", Read(TestPacks.Xinfeng, "家里老公出了车祸，怎么申请进监侧户").Topics);
    }

    [Fact]
    public void A_yes_no_particle_closing_a_clause_makes_a_yes_no_question()
    {
        Assert.True(Read(TestPacks.Yuzhou, "那俺儿子能贷不，他40").YesNo);
        Assert.True(Read(TestPacks.Yuzhou, "能贷不？他40岁").YesNo);
        // 什么/怎么 end no yes/no question, in a clause or at the end.
        Assert.False(Read(TestPacks.Yuzhou, "这是什么，贷款咋申请").YesNo);
    }

    [Fact]
    public void A_word_of_a_sibling_policy_that_answers_the_aspect_asked_is_that_policy()
    {
        // 申报 is said in passing by the 监测线 answer, but 期限 is what 自主申报's procedure answers and the line's entry does not.
        var talk = Conversation(TestPacks.Yuzhou, "监测线是多少", "申报了多久能批下来");

        Assert.Equal("yz-monitoring-line", talk[0].TopicId);
        Assert.Equal(PolicyOutcome.Answer, talk[1].Outcome);
        Assert.Equal("nat-monitor-procedure", talk[1].TopicId);
        Assert.Contains("15天", talk[1].Text);
    }

    [Fact]
    public void The_startup_loan_asked_after_startup_stays_with_startup()
    {
        // 贷款 is a word of 小额信贷, which is no part of 就业 as 创业 is: the loan is startup's own.
        var talk = Conversation(TestPacks.Xinfeng, "想自己创业有么子扶持", "担保贷款能贷好多");

        Assert.Equal("xf-startup", talk[1].TopicId);
        Assert.DoesNotContain("5万元", talk[1].Text);
    }

    [Fact]
    public void Whether_a_policy_goes_on_after_the_period_is_what_the_period_entry_says()
    {
        var answer = Answerer.Answer(TestPacks.Xinfeng, "小额信贷到期了，过渡期完了还能接着贷不");

        Assert.Equal(PolicyOutcome.Answer, answer.Outcome);
        Assert.Equal("nat-after-transition", answer.TopicId);
        Assert.Contains("农户小额信用贷款", answer.Text);
    }

    [Fact]
    public void After_the_period_the_loan_asked_by_another_of_its_names_is_what_the_period_means_for_it()
    {
        // The answer says 小额信贷 and 农户小额信用贷款; the farmer says 小额贷款.
        var talk = Conversation(TestPacks.Yuzhou, "过渡期结束以后还有帮扶没", "那小额贷款还能贷不");

        Assert.Equal("nat-after-transition", talk[0].TopicId);
        Assert.Equal("nat-after-transition", talk[1].TopicId);
    }

    [Fact]
    public void A_number_right_after_him_or_her_is_an_age()
    {
        var talk = Conversation(TestPacks.Yuzhou, "俺66了能贷不", "那俺儿子能贷不，他40");

        Assert.Equal("限制", talk[1].Aspect);
        Assert.Equal("nat-loan-eligibility", talk[1].TopicId);
        // A sum is no age.
        Assert.NotEqual("限制", Read(TestPacks.Yuzhou, "他40万能贷不").Aspect);
    }

    [Fact]
    public void Another_county_asked_in_words_of_its_own_is_not_held_to_the_count_asked_before()
    {
        // "多久换" (years) was asked first; "在岗时间" asks 禹州's days in post, which its entry states.
        var talk = Conversation(TestPacks.Xinfeng, "驻村干部多久换一次", "禹州是怎么规定在岗时间的");

        Assert.Equal(PolicyOutcome.Answer, talk[1].Outcome);
        Assert.Contains("20个工作日", talk[1].Text);
        // A bare "那禹州呢" still asks the years, which 禹州's entry does not state.
        Assert.Equal(PolicyOutcome.Fallback, Conversation(TestPacks.Xinfeng, "驻村干部多久换一次", "那禹州呢")[1].Outcome);
    }

    [Fact]
    public void The_look_alikes_do_not_bring_back_an_entry_found_silent_on_what_was_asked()
    {
        // The hotline's entry names no papers: the honest reply, not the same entry again because people asking like this
        // were once answered with it.
        var talk = Conversation(TestPacks.Yuzhou, "12317能申报监测吗？", "自己去村里报要带啥");

        Assert.NotEqual("nat-12317", talk[1].TopicId);
        Assert.DoesNotContain("接听时间", talk[1].Text);
    }
}
