namespace FieldSurvey.Core;

/// <summary>
/// Research data that two people can edit at once. <see cref="Version"/> is the optimistic-concurrency
/// token: the DbContext bumps it on every update, and an update whose stored version moved on is refused
/// rather than overwriting someone else's work. Every entity of this library is audited.
/// </summary>
public abstract class Entity
{
    public int Id { get; set; }
    public int Version { get; set; }
}
