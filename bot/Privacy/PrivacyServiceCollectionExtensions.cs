using AssistBot.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    private const string DevelopmentKeyFile = "development-data-protection.key";

    public static IServiceCollection AddPersonalDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DataProtectionOptions>(configuration.GetSection(DataProtectionOptions.Section));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DataProtectionOptions>>().Value;
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("AssistBot.Privacy");
            return new PersonalDataProtector(ResolveKey(options.Key, sp.GetRequiredService<DataDirectory>().Path, logger));
        });
        return services;
    }

    private static byte[] ResolveKey(string configured, string dataDirectory, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            byte[] key;
            try
            {
                key = Convert.FromBase64String(configured.Trim());
            }
            catch (FormatException)
            {
                throw new InvalidOperationException("DataProtection:Key is not valid base64. Generate one with: openssl rand -base64 32");
            }
            if (key.Length != 32)
                throw new InvalidOperationException($"DataProtection:Key must be 32 bytes of base64; it is {key.Length} bytes.");
            return key;
        }

        var path = Path.Combine(dataDirectory, DevelopmentKeyFile);
        if (!File.Exists(path))
        {
            var fresh = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
            File.WriteAllText(path, Convert.ToBase64String(fresh));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        logger.LogWarning(
            "!!! DataProtection:Key is not configured. Personal data is encrypted with a DEVELOPMENT key generated at {Path}. " +
            "Losing that file makes stored ID numbers and phones unreadable, and several instances will not share it. " +
            "Set DataProtection__Key (openssl rand -base64 32) before going live. !!!", path);
        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }
}
