using System.Reflection;
using AssistBot.Bot.Cli;
using AssistBot.Bot.Hosting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.StaffConsole;

public static class ConsoleServiceCollectionExtensions
{
    public const string Policy = "console";

    /// <summary>
    /// The staff console: Razor Pages under <c>/console</c> (files in Console/Pages), cookie sessions with sliding
    /// expiry, WeCom sign-in, one-time links (and their <c>console link</c> CLI verb). Call after <c>AddCases</c>.
    /// </summary>
    public static IServiceCollection AddStaffConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConsoleOptions>().Bind(configuration.GetSection(ConsoleOptions.Section));
        services.AddSingleton<StaffUserResolver>();
        services.AddSingleton<SignInLinks>();
        services.AddSingleton<ConsoleAuditLog>();
        services.AddSingleton<DeclarationQueue>();
        services.AddSingleton<ReminderReport>();
        services.AddSingleton<ImportJobs>();
        services.AddSingleton<ICliCommand, ConsoleLinkCommand>();

        // Session cookies and antiforgery tokens survive a restart: their keys live in the data directory.
        services.AddDataProtection().SetApplicationName("AssistBot.Console");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new FileSystemXmlRepository(
                Directory.CreateDirectory(Path.Combine(sp.GetRequiredService<DataDirectory>().Path, "console-keys")),
                sp.GetRequiredService<ILoggerFactory>())));

        services.AddAuthentication()
            .AddCookie(StaffUser.Scheme, o =>
            {
                o.Cookie.Name = "assistbot.console";
                o.Cookie.Path = "/console";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.SlidingExpiration = true;
                o.LoginPath = "/console/signin";
                o.LogoutPath = "/console/signout";
                o.ReturnUrlParameter = "returnUrl";
                o.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        services.AddOptions<CookieAuthenticationOptions>(StaffUser.Scheme)
            .Configure<IOptions<ConsoleOptions>>((o, console) => o.ExpireTimeSpan = console.Value.IdleTimeout);
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(StaffUser.Scheme).RequireAuthenticatedUser());
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "assistbot.console.af";
            o.Cookie.Path = "/console";
            o.FormFieldName = "__af";
        });
        // Chinese text as characters, not &#x…; entities (Razor's default encoder escapes everything outside Basic Latin).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Console/Pages";
            o.Conventions.AuthorizeFolder("/", Policy);
            o.Conventions.AllowAnonymousToPage("/SignIn");
            o.Conventions.AllowAnonymousToPage("/SignInLink");
        });
        return services;
    }

    public static WebApplication MapStaffConsole(this WebApplication app)
    {
        app.UseMiddleware<ConsoleSecurityHeaders>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        WeComSignIn.Map(app);
        app.MapGet("/console/assets/{file}", (string file, HttpResponse response) =>
        {
            if (!Assets.TryGetValue(file, out var asset)) return Results.NotFound();
            response.Headers.CacheControl = "public, max-age=300";
            return Results.Bytes(asset.Content.Value, asset.ContentType);
        });
        app.MapRazorPages();
        return app;
    }

    private static readonly Dictionary<string, (string ContentType, Lazy<byte[]> Content)> Assets = new(StringComparer.Ordinal)
    {
        ["console.css"] = ("text/css; charset=utf-8", new(() => Resource("console.css"))),
        ["console.js"] = ("text/javascript; charset=utf-8", new(() => Resource("console.js"))),
    };

    private static byte[] Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("AssistBot.Console." + name)
            ?? throw new InvalidOperationException($"Embedded console asset {name} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
