namespace AssistBot.Bot.Storage;

/// <summary>
/// Every storage role at once. Only the backends (<see cref="RedisStorage"/>, <see cref="EmbeddedStorage"/>), their
/// registration and contract tests, and wrappers that decorate a whole backend take this; a consumer asks for the roles it
/// uses (<see cref="IDocumentStore"/>, <see cref="IClaimStore"/>, <see cref="IClaimResults"/>, <see cref="IScoredIndex"/>, <see cref="ISweepReads"/>,
/// <see cref="ICounterStore"/>, <see cref="IStorageHealth"/>), each registered as the same singleton.
/// </summary>
public interface IStorage : IDocumentStore, IClaimStore, IClaimResults, IScoredIndex, ISweepReads, ICounterStore, IStorageHealth;
