using AssistBot.Bot.Hosting;
using AssistBot.Knowledge.Declarations;
using AssistBot.Knowledge.Places;
using AssistBot.Knowledge.Reminders;

namespace AssistBot.Bot.Cases;

/// <summary>A county with its places, declaration rules and reminder rules (duty roles, subject types).</summary>
public sealed record CountyCases(County County, PlaceDirectory Places, DeclarationRules Rules, ReminderPack Reminders)
{
    public string Id => County.Id;
}
