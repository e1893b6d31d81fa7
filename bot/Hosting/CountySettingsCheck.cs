using AssistBot.Knowledge.Packs;
using Microsoft.Extensions.Options;

namespace AssistBot.Bot.Hosting;

/// <summary>The same check before the host starts, so a person sees one line per setting to fix and no stack trace.</summary>
public static class CountySettingsCheck
{
    public static bool Passes(IServiceProvider services)
    {
        try
        {
            _ = services.GetRequiredService<IOptions<CountiesOptions>>().Value;
            return true;
        }
        catch (OptionsValidationException e)
        {
            foreach (var failure in e.Failures) Console.Error.WriteLine("配置有误，服务没有启动：" + failure);
            return false;
        }
    }
}
