namespace AssistBot.Bot.Cases;

public static class DeclarationStatusExtensions
{
    public static bool IsOpen(this DeclarationStatus status) => status is not (DeclarationStatus.Included or DeclarationStatus.NotIncluded);

    /// <summary>Key used in declaration.yaml next_steps.</summary>
    public static string Key(this DeclarationStatus status) => status switch
    {
        DeclarationStatus.Submitted => "submitted",
        DeclarationStatus.Accepted => "accepted",
        DeclarationStatus.Verified => "verified",
        DeclarationStatus.Included => "included",
        _ => "not_included",
    };
}
