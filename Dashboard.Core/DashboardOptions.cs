using System.ComponentModel.DataAnnotations;
using Dashboard.Core.Persistence;

namespace Dashboard.Core;

/// <summary>Settings of the "Dashboard" configuration section.</summary>
public sealed class DashboardOptions
{
    public const string SectionName = "Dashboard";

    /// <summary>Folder for the embedded SQLite database, relative to the content root.</summary>
    [Required]
    public string DataFolder { get; set; } = "data";

    /// <summary>Seed a rehearsal region (and, later, demo users and facilities).</summary>
    public bool DemoMode { get; set; }

    /// <summary>UI culture when the user has not chosen one: zh-CN or en.</summary>
    [Required, RegularExpression("^(zh-CN|en)$")]
    public string DefaultCulture { get; set; } = "zh-CN";

    /// <summary>
    /// The first administrator's password. If empty, one is generated and written once to the log.
    /// </summary>
    public string? AdminPassword { get; set; }

    /// <summary>
    /// Where patients reach the app from outside (e.g. https://cutover.example.gov.cn), for the QR
    /// code on the notice slip. Empty: the address the desk uses.
    /// </summary>
    [RegularExpression(@"^https?://[^\s/?#]+(/[^\s?#]*)?$")]
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Days an unsaved entry's draft is kept after its last change; then it is deleted (audited).
    /// Drafts are unsaved typing, not records, and carry full ID numbers and phones.
    /// </summary>
    [Range(1, 365)]
    public int DraftLifetimeDays { get; set; } = 7;

    /// <summary>
    /// The database engine: Sqlite (the embedded default, one node) or PostgreSql (several nodes; the
    /// connection string "Dashboard" then names the PostgreSQL database).
    /// </summary>
    public DatabaseProvider DatabaseProvider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>How long a writer waits for a locked SQLite database before failing.</summary>
    [Range(100, 120_000)]
    public int BusyTimeoutMilliseconds { get; set; } = 5000;
}
