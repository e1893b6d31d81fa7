using System.Security.Claims;
using AssistBot.Bot.Cases;

namespace AssistBot.Bot.StaffConsole;

/// <summary>
/// Who is signed in to the console, read fresh from the roster on every request (a cadre removed from the roster or
/// moved to another area loses or changes access at once). A county administrator who signed in with a one-time link
/// is not on the roster: <see cref="Cadre"/> is a stand-in with the whole county.
/// </summary>
public sealed record StaffUser(string CountyId, string UserId, string Name, StaffRole Role, Cadre Cadre, bool ViaLink)
{
    public const string Scheme = "console";
    public const string CountyClaim = "county";
    public const string UserIdClaim = "uid";
    public const string KindClaim = "kind";
    public const string LinkKind = "link";
    public const string WeComKind = "wecom";

    public static StaffUser FromCadre(Cadre c) => new(c.CountyId, c.UserId, c.Name, RoleOf(c), c, false);

    public static StaffUser CountyAdministrator(string county, string linkId) =>
        new(county, "link-" + linkId, ConsoleTexts.LinkAdministrator, StaffRole.County,
            new Cadre(county, "link-" + linkId, ConsoleTexts.LinkAdministrator, ConsoleTexts.LinkAdministrator, "", []), true);

    public static StaffRole RoleOf(Cadre c) =>
        c.Township.Length == 0 ? StaffRole.County : c.CoversWholeTownship ? StaffRole.Township : StaffRole.Village;

    /// <summary>How the audit trail names a console action.</summary>
    public string ActorId => "console:" + UserId;

    public bool CanSee(Declaration d) => d.CountyId == CountyId && (Role == StaffRole.County || Cadre.CanSee(d));

    public string RoleLabel => Role switch
    {
        StaffRole.County => "县级",
        StaffRole.Township => "乡镇",
        _ => "村级",
    };

    public string AreaLabel => Role == StaffRole.County ? ConsoleTexts.WholeCounty : Cadre.AreaLabel;

    public static ClaimsPrincipal Principal(string county, string userId, string name, string kind) =>
        new(new ClaimsIdentity(
        [
            new Claim(CountyClaim, county), new Claim(UserIdClaim, userId), new Claim(ClaimTypes.Name, name),
            new Claim(KindClaim, kind),
        ], Scheme));
}
