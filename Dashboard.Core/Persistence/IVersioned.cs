namespace Dashboard.Core.Persistence;

/// <summary>
/// An entity two people can edit. Its version is an optimistic-concurrency token that
/// <see cref="DashboardDbContext"/> increments on every save.
/// </summary>
public interface IVersioned
{
    long Version { get; set; }
}
