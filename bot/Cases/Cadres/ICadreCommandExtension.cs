namespace AssistBot.Bot.Cases.Cadres;

/// <summary>
/// More cadre commands on the WeCom front, from other parts (reminders: 确认还款, 已走访, 待走访). Asked in order after
/// the roster check and before the declaration commands; null passes the text on.
/// </summary>
public interface ICadreCommandExtension
{
    Task<CadreReply?> TryHandleAsync(string countyId, Cadre cadre, string text, CancellationToken cancellationToken);
}
