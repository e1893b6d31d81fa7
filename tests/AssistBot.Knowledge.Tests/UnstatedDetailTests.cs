using AssistBot.Knowledge.Answering;

namespace AssistBot.Knowledge.Tests;

/// <summary>
/// Issue 12: an entry about the topic that does not state the thing asked is no answer to it. The farmer gets the honest
/// reply (not in the county's documents, whom to ask), never another figure of the topic as if it answered.
/// </summary>
public sealed class UnstatedDetailTests
{
    private static PolicyAnswerer Answerer => TestPacks.Answerer;

    [Theory]
    // A household's share of a village's income: the plan sets village targets (运维2次, 村均25万), not what a family gets.
    [InlineData(TestPacks.Xinfeng, "我们村光伏电站的收益每户一年能分到多少", "运维")]
    [InlineData(TestPacks.Xinfeng, "村里集体经济分红每户能有几多", "25万")]
    // What the farmer pays: 家庭医生's entry speaks of 签约 and 报销, not of any cost.
    [InlineData(TestPacks.Xinfeng, "签了家庭医生每年要交钱不", "履约率")]
    // Selling or renting out a relocation flat: no document says.
    [InlineData(TestPacks.Xinfeng, "安置房以后能不能转让", "点长制")]
    // A reimbursement share: xf-medical's 100% are sign-up and coverage targets — also when a typo (抱销) leaves only
    // 住院, read as 先诊疗后付费, whose parent topic's entry that is.
    [InlineData(TestPacks.Xinfeng, "门诊看病报销比例有多少", "100%")]
    [InlineData(TestPacks.Xinfeng, "住院抱销比例是多少", "100%")]
    [InlineData(TestPacks.Xinfeng, "住院出院的时候自己大概要付百分之多少", "100%")]
    // A term of office is counted in years; 禹州's entry states days in post (20个工作日), no term.
    [InlineData(TestPacks.Yuzhou, "驻村干部的任期有几年", "20个工作日")]
    // 安置点's collective economy: 禹州 has no 安置点 entry, so its village-industry targets do not answer it.
    [InlineData(TestPacks.Yuzhou, "禹州安置点集体经济收入目标是多少", "一乡一业")]
    // Which quarter: 信丰's plan sets no quarter for 集中排查, and the procedure's time limits (5天, 15天) are no answer.
    [InlineData(TestPacks.Xinfeng, "信丰的集中排查是在哪个季度搞", "5天")]
    // The papers to bring: 信丰's schooling entry says whom to find (学校或村干部), not what to bring.
    [InlineData(TestPacks.Xinfeng, "孩子上小学报名要带什么材料？", "六对一")]
    // The hour of the day: the procedure gives days (15天), no office hours.
    [InlineData(TestPacks.Xinfeng, "申报监测几点钟去办", "15天")]
    public void The_topic_is_known_but_the_thing_asked_is_not_stated(string pack, string question, string otherFigure)
    {
        var answer = Answerer.Answer(pack, question);
        Assert.Equal(PolicyOutcome.Fallback, answer.Outcome);
        Assert.DoesNotContain(otherFigure, answer.Text);
        Assert.Contains("12317", answer.Text);
    }

    [Theory]
    [InlineData("多久能批下来")]
    [InlineData("申请以后多久能批下来")]
    public void How_long_until_approved_with_no_policy_named_is_not_guessed(string question)
    {
        // Most people asking like this meant 防返贫监测, but this farmer did not say so.
        var answer = Answerer.Answer(TestPacks.Yuzhou, question);
        Assert.NotEqual(PolicyOutcome.Answer, answer.Outcome);
        Assert.DoesNotContain("15天", answer.Text);
    }

    [Fact]
    public void A_rough_sum_already_spent_is_the_situation_not_a_question_about_money()
    {
        var reading = Answerer.Read(TestPacks.Yuzhou, "老伴住院花了好几万，能申请监测不")!;
        Assert.NotEqual("金额标准", reading.Aspect);
        Assert.NotEqual("金额标准", Answerer.Read(TestPacks.Yuzhou, "俺爹住院花了好几万，能进监测不")!.Aspect);
    }

    [Theory]
    [InlineData("乡镇民政办的电话是多少")]
    [InlineData("禹州信访局电话多少")]
    [InlineData("俺家帮扶责任人的电话号码是多少")]
    [InlineData("禹州乡村振兴局的办公电话是多少")]
    public void Someones_own_phone_number_is_not_answered_with_the_hotline_entry(string question)
    {
        var answer = Answerer.Answer(TestPacks.Yuzhou, question);
        Assert.Equal(PolicyOutcome.Fallback, answer.Outcome);
        Assert.NotEqual("nat-12317", answer.TopicId);
    }

    [Theory]
    [InlineData("想打电话问帮扶政策该打哪个号")]
    [InlineData("12317电话是多少")]
    public void Asking_which_number_to_call_about_policies_is_still_the_hotline(string question) =>
        Assert.Equal("nat-12317", Answerer.Answer(TestPacks.Yuzhou, question).TopicId);

    [Theory]
    // A loan's term (贷款期限不超过3年) is not how long the bank takes to approve it.
    [InlineData(TestPacks.Xinfeng, "小额信贷申请了几天能放款", "3年")]
    [InlineData(TestPacks.Xinfeng, "危房改造申请了要多久批下来", "来源：")]
    // No 低保 entry states a time at all: the reply names what is missing as asked, not as "多长时间、几年".
    [InlineData(TestPacks.Yuzhou, "低保申请了多久能批下来", "几年")]
    public void How_long_the_approval_takes_is_not_answered_with_a_term_or_an_overview(string pack, string question, string notSaid)
    {
        var answer = Answerer.Answer(pack, question);
        Assert.Equal(PolicyOutcome.Fallback, answer.Outcome);
        Assert.DoesNotContain(notSaid, answer.Text);
        Assert.Contains("没有写审批要多久", answer.Text);
        Assert.Contains("12317", answer.Text);
    }

    [Fact]
    public void After_a_loan_answer_how_long_until_it_is_approved_is_not_the_loan_term()
    {
        var loan = Answerer.Answer(TestPacks.Yuzhou, "小额信贷能贷几年", PolicyContext.None);
        Assert.Contains("3年", loan.Text);

        var approval = Answerer.Answer(TestPacks.Yuzhou, "要多久能批下来", PolicyContext.None.After(loan));

        Assert.Equal(PolicyOutcome.Fallback, approval.Outcome);
        Assert.Equal("小额信贷", approval.Topic);
        Assert.Contains("审批要多久", approval.Text);
    }

    [Theory]
    // The monitoring procedure names its approval step (县级审批) and time limits: it answers.
    [InlineData("报了监测多久能批下来", "nat-monitor-procedure")]
    // How to get it done (咋能办下来) is the how-to, not a duration.
    [InlineData("五保咋能办下来", "nat-tekun")]
    public void An_entry_that_speaks_of_the_approval_or_a_how_to_question_is_still_answered(string question, string entry) =>
        Assert.Equal(entry, Answerer.Answer(TestPacks.Yuzhou, question).TopicId);

    [Theory]
    // What the farmer pays: 信丰's medical entry speaks of 履约率100% and 报销, 禹州's 防贫保 of its 保障线 and 保障范围, neither of a fee.
    [InlineData(TestPacks.Xinfeng, "家庭医生签约要交钱吗，交多少", "100%")]
    [InlineData(TestPacks.Yuzhou, "防贫保一年要交多少保费", "保障范围")]
    public void A_fee_asked_is_not_answered_with_what_the_policy_pays_out_or_its_targets(string pack, string question, string notSaid)
    {
        var answer = Answerer.Answer(pack, question);
        Assert.Equal(PolicyOutcome.Fallback, answer.Outcome);
        Assert.DoesNotContain(notSaid, answer.Text);
    }

    [Fact]
    public void A_street_address_is_not_answered_with_which_office_to_go_to()
    {
        var answer = Answerer.Answer(TestPacks.Xinfeng, "乡镇就业服务站具体地址在哪条街");

        Assert.Equal(PolicyOutcome.Fallback, answer.Outcome);
        Assert.Contains("没有写具体地址", answer.Text);
    }

    [Fact]
    public void Which_office_to_go_to_is_still_answered()
    {
        var answer = Answerer.Answer(TestPacks.Xinfeng, "临时救助去哪申请");
        Assert.Equal(PolicyOutcome.Answer, answer.Outcome);
        Assert.Equal("nat-linshi", answer.TopicId);
    }

    [Fact]
    public void A_general_high_school_is_read_as_education_aid_not_the_vocational_grant()
    {
        var answer = Answerer.Answer(TestPacks.Yuzhou, "孩子上普通高中有啥补助，一年多少钱");

        Assert.Equal("教育资助", Answerer.Read(TestPacks.Yuzhou, "孩子上普通高中有啥补助")!.Topics.Single());
        Assert.NotEqual("nat-yulu", answer.TopicId);
        Assert.DoesNotContain("2000元", answer.Text);
    }

    [Theory]
    [InlineData("信丰县有几个易地搬迁安置点，都在哪里", "安置点")]
    [InlineData("村里的光伏电站建在哪个位置", "光伏")]
    [InlineData("五保老人集中供养的敬老院在哪里", "特困")]
    public void Where_a_place_is_gets_the_honest_reply_when_no_entry_says(string question, string topic)
    {
        var answer = Answerer.Answer(TestPacks.Xinfeng, question);

        Assert.Equal(PolicyOutcome.Fallback, answer.Outcome);
        Assert.Contains($"关于“{topic}”", answer.Text);
        Assert.Contains("没有写具体在哪里", answer.Text);
    }

    [Theory]
    [InlineData("帮扶车间都在哪些地方", "xf-workshop")] // the entry says whom to ask which workshops are near
    [InlineData("消费帮扶六进是进哪些地方", "xf-consumption")] // 进哪些地方 asks what the 六进 are
    public void Where_places_are_is_answered_when_the_entry_says_how_to_find_them(string question, string entry)
    {
        var answer = Answerer.Answer(TestPacks.Xinfeng, question);

        Assert.Equal(PolicyOutcome.Answer, answer.Outcome);
        Assert.Equal(entry, answer.TopicId);
    }

    [Theory]
    [InlineData("12317打电话要收费吗")]
    [InlineData("打12317要不要收话费？")]
    public void Whether_a_call_costs_is_not_answered_by_what_the_hotline_does(string question)
    {
        // nat-12317 says what the hotline is for and nothing of what a call costs.
        var answer = Answerer.Answer(TestPacks.Xinfeng, question);

        Assert.Equal(PolicyOutcome.Fallback, answer.Outcome);
        Assert.Contains("没有写收不收费", answer.Text); // not "有什么限制（担保抵押…）", which 收费吗 was read as
        Assert.DoesNotContain("来源", answer.Text);
    }

    [Fact]
    public void Where_a_home_is_stays_honest_when_look_alike_questions_lean_to_an_entry_that_does_not_say_either()
    {
        // Found by hand: the words around it (身份证, 电话) made the labelled questions lean to yz-doudi, which gives no place.
        var answer = Answerer.Answer(TestPacks.Yuzhou, "俺身份证410881199001011234，电话13912345678，集中供养的敬老院在哪");

        Assert.Equal(PolicyOutcome.Fallback, answer.Outcome);
        Assert.Contains("没有写具体在哪里", answer.Text);
    }

    [Fact]
    public void Where_to_apply_for_a_home_is_not_asked_where_the_home_is()
    {
        var answer = Answerer.Answer(TestPacks.Yuzhou, "敬老院在哪申请");

        Assert.Equal(PolicyOutcome.Answer, answer.Outcome);
        Assert.Equal("yz-doudi", answer.TopicId);
    }

    [Fact]
    public void Whether_someone_pays_ones_premium_is_answered_by_the_entry_on_subsidised_enrolment()
    {
        // yz-health's 分类资助参保 speaks of what the premium costs a poor household: it answers, no honest decline.
        var answer = Answerer.Answer(TestPacks.Yuzhou, "俺是监测户，医保费有人帮交不");

        Assert.Equal(PolicyOutcome.Answer, answer.Outcome);
        Assert.Equal("yz-health", answer.TopicId);
    }

    [Fact]
    public void The_honest_reply_names_the_part_asked_not_the_whole_aspect()
    {
        var answer = Answerer.Answer(TestPacks.Xinfeng, "孩子上小学报名要带什么材料？");

        Assert.Contains("没有写要什么材料", answer.Text);
        Assert.DoesNotContain("找谁", answer.Text);
    }
}
