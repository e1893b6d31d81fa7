using AssistBot.Knowledge.Packs;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.Hosting;

/// <summary><c>Counties</c> in appsettings.json, bound for validation: county id → its settings.</summary>
public sealed class CountiesOptions : Dictionary<string, CountyOptions>
{
    public CountiesOptions() : base(StringComparer.OrdinalIgnoreCase)
    {
    }
}
