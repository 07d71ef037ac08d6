using System.ComponentModel.DataAnnotations;

namespace Dashboard.Api.His;

/// <summary>Settings of the "Dashboard:HisApi" section: the HIS API's limits per key.</summary>
internal sealed class HisApiOptions
{
    public const string SectionName = "Dashboard:HisApi";

    /// <summary>Requests a key may make in a burst (the token bucket's size).</summary>
    [Range(1, 100_000)]
    public int BurstLimit { get; set; } = 120;

    /// <summary>Tokens put back every <see cref="ReplenishSeconds"/>.</summary>
    [Range(1, 100_000)]
    public int TokensPerPeriod { get; set; } = 120;

    [Range(1, 86_400)]
    public int ReplenishSeconds { get; set; } = 60;

    /// <summary>A request body larger than this is refused with 413 (a batch of 1,000 full rows is about 600 KB).</summary>
    [Range(1_024, 64 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Rows in one batch request (each batch is one transaction of the bulk intake).</summary>
    [Range(1, Core.Records.Intake.BulkIntake.MaxBatchSize)]
    public int MaxBatchRows { get; set; } = 1_000;
}
