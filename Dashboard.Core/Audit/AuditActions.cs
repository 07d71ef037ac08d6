namespace Dashboard.Core.Audit;

/// <summary>The names of audited actions, stable because filters and reports use them.</summary>
public static class AuditActions
{
    public const string SignIn = "SignIn";
    public const string SignInFailed = "SignInFailed";
    public const string SignInLockedOut = "SignInLockedOut";
    public const string SignOut = "SignOut";
    public const string SignOutEverywhere = "SignOutEverywhere";
    public const string PasswordChanged = "PasswordChanged";
    public const string AuthorizationFailed = "AuthorizationFailed";

    /// <summary>Someone addressed a record id that does not exist (a mistyped link, or someone probing ids).</summary>
    public const string NotFound = "NotFound";

    /// <summary>The duplicate check told a desk about a record it may not open: which facility has it, since when, its status.</summary>
    public const string DuplicateRevealed = "DuplicateRevealed";
    public const string Create = "Create";
    public const string Update = "Update";
    public const string Deactivate = "Deactivate";
    public const string Reactivate = "Reactivate";
    public const string PasswordReset = "PasswordReset";
    public const string RevealPersonalData = "RevealPersonalData";
    public const string Export = "Export";
    public const string StatusChange = "StatusChange";

    /// <summary>A filled-in catch-up list applied: the ids it moved on (each has its own StatusChange event too).</summary>
    public const string ReEntryApplied = "ReEntryApplied";
    public const string MilestoneMove = "MilestoneMove";

    /// <summary>An API key revoked: refused from the next request on, kept in the list.</summary>
    public const string Revoke = "Revoke";

    /// <summary>An HTTP API request refused: no, a malformed, unknown or revoked key, another facility, or over the rate limit.</summary>
    public const string ApiRequestRefused = "ApiRequestRefused";

    /// <summary>An unsaved entry's draft deleted by the app after its lifetime (the owner and form are in the details, never the content).</summary>
    public const string DraftExpired = "DraftExpired";

    /// <summary>A workbook's valid rows taken in (file, kind, facility, counts); each record also has its own Create event.</summary>
    public const string Import = "Import";

    /// <summary>An uploaded workbook refused as a whole (not a workbook, too large, formulas...): nothing was written.</summary>
    public const string ImportRefused = "ImportRefused";

    /// <summary>The user looked at an import's preview and chose to import nothing.</summary>
    public const string ImportCancelled = "ImportCancelled";

    /// <summary>An online backup of the database written and checked (file name, size, the copy's last audit link).</summary>
    public const string Backup = "Backup";

    /// <summary>A change the rules refused (invalid input, a stale version): who tried what, and why not.</summary>
    public const string Refused = "Refused";
}
