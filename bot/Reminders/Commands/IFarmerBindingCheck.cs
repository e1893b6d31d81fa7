namespace AssistBot.Bot.Reminders.Commands;

/// <summary>
/// Whether a WeChat user is a bound farmer (window notices go only to them). Several may be registered (loans here,
/// households in the cases part); any one saying yes is enough.
/// </summary>
public interface IFarmerBindingCheck
{
    ValueTask<bool> IsBoundAsync(string county, string openId, CancellationToken cancellationToken = default);
}
