namespace Dashboard.Core.Accounts;

/// <summary>
/// A signed-out session: its cookie is refused even if someone kept a copy. Kept until every cookie
/// of the session has expired on its own.
/// </summary>
public class RevokedSession
{
    public const int IdLength = 32;

    public required string Id { get; set; }

    public DateTime ExpiresUtc { get; set; }
}
