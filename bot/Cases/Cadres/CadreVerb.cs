namespace AssistBot.Bot.Cases.Cadres;

public enum CadreVerb
{
    Unknown,
    Menu,
    Help,
    Pending,
    Details,
    Accept,
    Verify,
    Include,
    Reject,
    Transfer,
}
