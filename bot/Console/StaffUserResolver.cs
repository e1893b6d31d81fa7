using System.Security.Claims;
using AssistBot.Bot.Cases;

namespace AssistBot.Bot.StaffConsole;

/// <summary>The signed-in cookie → a <see cref="StaffUser"/> with today's roster entry (or null: sign in again).</summary>
public sealed class StaffUserResolver(RosterStore roster, Hosting.Counties counties)
{
    public async Task<StaffUser?> ResolveAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        var county = principal.FindFirstValue(StaffUser.CountyClaim);
        var userId = principal.FindFirstValue(StaffUser.UserIdClaim);
        if (county is null || userId is null || !counties.TryGet(county, out _)) return null;
        if (principal.FindFirstValue(StaffUser.KindClaim) == StaffUser.LinkKind)
            return StaffUser.CountyAdministrator(county, userId.StartsWith("link-", StringComparison.Ordinal) ? userId[5..] : userId);
        return await roster.GetAsync(county, userId, ct).ConfigureAwait(false) is { } cadre ? StaffUser.FromCadre(cadre) : null;
    }
}
