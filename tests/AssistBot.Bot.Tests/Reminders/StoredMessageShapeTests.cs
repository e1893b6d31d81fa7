using System.Text;
using AssistBot.Bot.Storage;
using AssistBot.Scheduler.Outbox;

namespace AssistBot.Bot.Tests.Reminders;

/// <summary>
/// How an outbox message is stored: a borrower prompt as its facts (no text), every other message with its text; and a
/// message stored before facts existed (text, template and fallback text) still reads back with them, so an upgrade
/// loses no queued reminder.
/// </summary>
public sealed class StoredMessageShapeTests
{
    private static readonly DateTimeOffset Due = new(2025, 3, 3, 9, 0, 0, TimeSpan.FromHours(8));

    public static OutboxMessage FactsMessage() => new()
    {
        IdempotencyKey = "loan-repayment:xinfeng:XF001:2025-03-10:7d",
        Kind = "loan-repayment",
        CountyId = "xinfeng",
        Recipient = OutboxRecipient.Farmer("o6_zhang"),
        FallbackRecipient = OutboxRecipient.Cadre("liu"),
        BorrowerPrompt = new BorrowerPromptFacts("XF001", "张三", "139****4321", "嘉定镇", "第1村", "信丰县农商银行", 50_000m,
            new DateOnly(2025, 3, 10), "刘干部", new DateOnly(2025, 3, 3)),
        DueAt = Due,
        CreatedAt = Due,
        Subject = "XF001",
        Stage = "7d",
    };

    [Fact]
    public void A_borrower_prompt_is_stored_as_facts_and_reads_back_with_the_same_texts()
    {
        var message = FactsMessage();
        var json = StorageJson.Serialize(new OutboxEntry { Id = "1", Message = message, NextAttemptAt = Due });
        var text = Encoding.UTF8.GetString(json);

        Assert.DoesNotContain("还款提醒", text);
        Assert.DoesNotContain("\"text\"", text);
        Assert.Contains("\"borrowerPrompt\"", text);
        var back = StorageJson.Deserialize<OutboxEntry>(json).Message;
        Assert.Equal(message, back);
        Assert.Equal(message.Text, back.Text);
        Assert.StartsWith("【还款提醒】张三您好", back.Text);
        Assert.Equal(message.Template!.Fields, back.Template!.Fields);
        Assert.Equal(message.FallbackText, back.FallbackText);
    }

    [Fact]
    public void A_message_stored_before_facts_existed_reads_back_with_its_texts()
    {
        // As the sweep stored a borrower prompt until facts replaced the texts.
        const string stored = """
            {"id":"648795db","message":{"idempotencyKey":"loan-repayment:xinfeng:XF001:2025-03-10:7d","kind":"loan-repayment",
            "countyId":"xinfeng","recipient":{"channel":"wechat","userId":"o6_zhang"},"text":"【还款提醒】张三您好：旧文本。",
            "template":{"kind":"loan-repayment","fields":{"first":"张三您好，您的小额信贷7天后到期","keyword1":"5万元"}},
            "fallbackRecipient":{"channel":"wecom","userId":"liu"},"fallbackText":"【请电话转告】借款人张三：旧文本。",
            "dueAt":"2025-03-03T09:00:00+08:00","createdAt":"2025-03-03T09:00:30+08:00","subject":"XF001","stage":"7d"},
            "status":"Pending","attempts":0,"nextAttemptAt":"2025-03-03T09:00:00+08:00","trail":[]}
            """;

        var message = StorageJson.Deserialize<OutboxEntry>(Encoding.UTF8.GetBytes(stored)).Message;

        Assert.Null(message.BorrowerPrompt);
        Assert.Equal("【还款提醒】张三您好：旧文本。", message.Text);
        Assert.Equal("5万元", message.Template!.Fields["keyword1"]);
        Assert.Equal("【请电话转告】借款人张三：旧文本。", message.FallbackText);
        // Written again (a retry, a finish) it keeps the same shape.
        Assert.Contains("\"text\":\"【还款提醒】张三您好：旧文本。\"", Encoding.UTF8.GetString(StorageJson.Serialize(message)));
    }
}
