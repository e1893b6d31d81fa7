namespace AssistBot.Bot.Cases;

/// <summary>Reads bindings: a user's bound records, and who is bound to a record (household, loan).</summary>
public interface IBindingReader
{
    Task<UserBinding?> GetAsync(string county, string channel, string userId, CancellationToken ct = default);

    /// <summary>Users bound to a record ("channel:userId"), oldest binding first.</summary>
    Task<IReadOnlyList<string>> BoundUsersAsync(string county, BindingSubject subject, int take = 100, CancellationToken ct = default);

    /// <summary>
    /// <see cref="BoundUsersAsync"/> for many records in one round trip; aligned with <paramref name="subjects"/>.
    /// </summary>
    Task<IReadOnlyList<IReadOnlyList<string>>> BoundUsersManyAsync(string county, IReadOnlyList<BindingSubject> subjects, int take,
        CancellationToken ct = default);
}
