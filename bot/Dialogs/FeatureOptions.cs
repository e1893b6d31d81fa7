namespace AssistBot.Bot.Dialogs;

/// <summary>
/// Menu features a deployment has switched off (<c>Features:Off</c>: any of <c>policy</c>, <c>declare</c>,
/// <c>status</c>, <c>loan</c>), e.g. while a county has not imported its loans or has not reviewed its packs yet.
/// The menu item stays; choosing it gets the honest "not here yet, ask 村干部 / 乡镇 / 12317" reply instead of the
/// feature, and free text the feature would take falls through to the router's own reply.
/// </summary>
public sealed class FeatureOptions
{
    public const string Section = "Features";

    public string[] Off { get; set; } = [];

    public bool IsOff(string featureId) => Array.Exists(Off, f => string.Equals(f.Trim(), featureId, StringComparison.OrdinalIgnoreCase));
}
