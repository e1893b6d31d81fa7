namespace AssistBot.LoadTest;

/// <summary>
/// The yardstick: bare Kestrel that reads the same POST and returns a constant passive reply, nothing else.
/// Started by the harness as `--serve-baseline` in its own process.
/// </summary>
public static class BaselineServer
{
    private static readonly byte[] Reply =
        "<xml><ToUserName><![CDATA[u]]></ToUserName><FromUserName><![CDATA[gh]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[ok]]></Content></xml>"u8.ToArray();

    public static async Task RunAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/healthz", () => "ok");
        app.MapPost("/wechat/{county}", async context =>
        {
            var buffer = new byte[8192];
            while (await context.Request.Body.ReadAsync(buffer) > 0) { }
            context.Response.ContentType = "application/xml";
            await context.Response.Body.WriteAsync(Reply);
        });
        await app.RunAsync();
    }
}
