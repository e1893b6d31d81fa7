using AssistBot.Bot.Conversation.Schema;

namespace AssistBot.Bot.BotFramework;

/// <summary>Bot Framework <c>ErrorResponse</c> bodies (<c>{"error":{"code","message"}}</c>) with their HTTP status.</summary>
internal static class BotFrameworkErrors
{
    public static IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, "BadArgument", message);

    public static IResult Unauthorized(string message) => Error(StatusCodes.Status401Unauthorized, "Unauthorized", message);

    public static IResult Forbidden(string message) => Error(StatusCodes.Status403Forbidden, "TokenExpiredOrInvalid", message);

    public static IResult UnknownCounty(string county) =>
        Error(StatusCodes.Status404NotFound, "NotFound", $"Unknown county '{county}'.");

    public static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, "NotFound", message);

    public static IResult BotError() =>
        Error(StatusCodes.Status502BadGateway, "BotError", "The bot could not handle the activity.");

    public static IResult Unavailable(string message) =>
        Error(StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable", message);

    public static IResult Error(int status, string code, string message) =>
        Results.Json(new ErrorResponse(new ErrorBody(code, message)), ActivityJson.Options, statusCode: status);

    private sealed record ErrorResponse(ErrorBody Error);

    private sealed record ErrorBody(string Code, string Message);
}
