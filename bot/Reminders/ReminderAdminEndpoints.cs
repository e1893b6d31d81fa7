using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AssistBot.Bot.Hosting;
using AssistBot.Bot.Loans;
using AssistBot.Scheduler.Outbox;
using AssistBot.Scheduler.Ports;
using AssistBot.Scheduler.Sweeps;
using AssistBot.Scheduler.Time;
using Microsoft.AspNetCore.WebUtilities;
using AssistBot.Knowledge.Text;

namespace AssistBot.Bot.Reminders;

/// <summary>
/// Admin API for reminders, behind the <c>X-Api-Key</c> header (<c>Admin:ApiKey</c>):
/// GET /admin/reminders/outbox, POST /admin/{county}/loans/import (CSV body), GET /admin/{county}/reminders/preview.
/// </summary>
public static class ReminderAdminEndpoints
{
    public static IEndpointRouteBuilder MapReminderAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").AddEndpointFilter(RequireApiKey);

        admin.MapGet("/reminders/outbox", async (IOutbox outbox, string? status, int? skip, int? take, CancellationToken ct) =>
        {
            var counts = await outbox.CountsAsync(ct).ConfigureAwait(false);
            var wanted = status?.ToLowerInvariant() switch
            {
                null or "" or "pending" => OutboxStatus.Pending,
                "sent" => OutboxStatus.Sent,
                "failed" => OutboxStatus.Failed,
                _ => (OutboxStatus?)null,
            };
            if (wanted is null) return Results.BadRequest(new { error = "status must be pending, sent or failed" });
            var entries = await outbox.ListAsync(wanted.Value, Math.Max(0, skip ?? 0), Math.Clamp(take ?? 50, 1, 500), ct).ConfigureAwait(false);
            return Results.Ok(new
            {
                counts,
                status = wanted.Value.ToString().ToLowerInvariant(),
                entries = entries.Select(e => new
                {
                    e.Id,
                    e.Message.Kind,
                    county = e.Message.CountyId,
                    e.Message.Subject,
                    e.Message.Stage,
                    channel = e.Message.Recipient.Channel,
                    recipient = RecipientMask.UserId(e.Message.Recipient.UserId),
                    dueAt = e.Message.DueAt,
                    status = e.Status.ToString().ToLowerInvariant(),
                    e.Attempts,
                    e.NextAttemptAt,
                    e.LastError,
                    e.DeliveredVia,
                    e.CompletedAt,
                }),
            });
        });

        admin.MapPost("/{county}/loans/import", async (string county, HttpRequest request, Counties counties, LoanImporter importer,
            CancellationToken ct) =>
        {
            if (!counties.TryGet(county, out var c)) return Results.NotFound(new { error = $"unknown county {county}" });
            // The reader is synchronous (and .xlsx needs to seek): buffer the body first, on disk past 30 KB.
            request.EnableBuffering();
            await request.Body.DrainAsync(ct).ConfigureAwait(false);
            request.Body.Position = 0;
            try
            {
                var result = await importer.ImportAsync(c.Id, request.Body, fileName: null, progress: null, ct).ConfigureAwait(false);
                return Results.Ok(new
                {
                    result.Created,
                    result.Updated,
                    errors = result.Errors.Select(e => new { e.Line, e.Message }),
                    warnings = result.Warnings.Select(w => new { w.Line, w.Message }),
                });
            }
            catch (Exception e) when (e is InvalidDataException or FormatException)
            {
                return Results.BadRequest(new { error = e.Message });
            }
        });

        admin.MapGet("/{county}/reminders/preview", async (string county, string? from, int? days, string? person, string? township,
            string? village, ConfiguredReminderCounties counties, ReminderPreview preview, ICadreDirectory cadres, CancellationToken ct) =>
        {
            if (counties.Find(county) is not { } c) return Results.NotFound(new { error = $"unknown county {county}" });
            if (!IsoDate.TryParse(from, out var first))
                return Results.BadRequest(new { error = "from 应为日期，如 2024-05-15" });
            var count = days ?? 30;
            if (count is < 1 or > 366) return Results.BadRequest(new { error = "days 应为 1–366 天" });
            var (scope, error) = await PreviewScope.ResolveAsync(cadres, c.Id, person, township, village, ct).ConfigureAwait(false);
            if (scope is null) return Results.BadRequest(new { error });
            var messages = await preview.ListAsync(c, first, count, ct).ConfigureAwait(false);
            return Results.Ok(messages.Where(scope.Includes).Select(m => ReminderPreviewLine.From(m, scope)));
        });

        // "Farmers no reminder reached" on a day: each entry with the routes tried and the last reason (masked recipient).
        admin.MapGet("/{county}/reminders/not-reached", async (string county, string? day, ConfiguredReminderCounties counties,
            IDeliveryRecords records, TimeProvider time, CancellationToken ct) =>
        {
            if (counties.Find(county) is not { } c) return Results.NotFound(new { error = $"unknown county {county}" });
            // Without a day: today in China, the question staff ask most ("who did today's reminders miss").
            var date = time.Today();
            if (!string.IsNullOrEmpty(day) && !IsoDate.TryParse(day, out date))
                return Results.BadRequest(new { error = "day 应为日期，如 2024-05-15；不填就是今天" });
            var entries = await records.ListNotReachedAsync(c.Id, date, 500, ct).ConfigureAwait(false);
            return Results.Ok(entries.Select(e => new
            {
                id = e.Id,
                kind = e.Kind,
                subject = e.Subject,
                title = e.Title,
                recipient = e.Recipient.Channel == OutboxRecipient.None ? "-" : RecipientMask.UserId(e.Recipient.UserId),
                status = e.Status.ToString().ToLowerInvariant(),
                deliveredVia = e.DeliveredVia,
                lastRoute = e.LastRoute,
                lastReason = e.LastReason,
                due = e.DueAt,
                trail = e.Trail.Select(a => a.ToString()),
            }));
        });
        return app;
    }

    private static async ValueTask<object?> RequireApiKey(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var expected = http.RequestServices.GetRequiredService<IConfiguration>()["Admin:ApiKey"];
        if (string.IsNullOrEmpty(expected))
            return Results.Problem("Admin API is disabled: set Admin:ApiKey.", statusCode: StatusCodes.Status403Forbidden);
        var given = http.Request.Headers["X-Api-Key"].ToString();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
            return Results.Unauthorized();
        return await next(context).ConfigureAwait(false);
    }
}
