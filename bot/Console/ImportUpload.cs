using System.Collections.Concurrent;
using AssistBot.Bot.Cases.Import;
using AssistBot.Bot.Loans;
using AssistBot.Bot.Tables;

namespace AssistBot.Bot.StaffConsole;

/// <summary>An uploaded file waiting for "确认导入" after its preview.</summary>
public sealed record ImportUpload(string Id, string CountyId, string Actor, string Kind, string FileName, byte[] Content, int Rows,
    DateTimeOffset At);
