using System.Globalization;
using Dashboard.Core.Validation;

namespace Dashboard.Core.CatchUp;

/// <summary>
/// How an export carries ID numbers and phones (docs/adr/0007-export-personal-data.md). A role with
/// the reveal right (desk, supervisor, administrator) exports full values, as its record pages can
/// show them. A role without it (manager) exports them masked exactly as its pages show them, unless it
/// asks for full values for re-entry into the national platform and says why; the purpose goes into the
/// export's audit event together with the ids of every record exported.
/// </summary>
public sealed record PersonalDataChoice(bool FullValues, string? Purpose = null)
{
    public const string PurposeField = "Purpose";

    /// <summary>Long enough that a purpose says something ("补录国家平台" is 6), short enough for one line.</summary>
    public const int PurposeMinLength = 5;

    public const int PurposeMaxLength = 200;

    public const string PurposeRequired = "Export_PurposeRequired";

    /// <summary>What the role's pages show: full values with the reveal right, masked ones without.</summary>
    public static PersonalDataChoice RoleDefault { get; } = new(false);

    /// <summary>Whether the workbook gets full ID numbers and phones for this caller.</summary>
    public bool WritesFullValues(AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.MayRevealPersonalData || FullValues;
    }

    /// <summary>The purpose as recorded: trimmed, null when none was needed or given.</summary>
    public string? RecordedPurpose => string.IsNullOrWhiteSpace(Purpose) ? null : Purpose.Trim();

    /// <summary>Refuses full values without a purpose for a role that may not reveal them; anything else is allowed.</summary>
    public CommandResult Check(AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!FullValues || scope.MayRevealPersonalData)
        {
            return CommandResult.Ok();
        }

        var length = Purpose?.Trim().Length ?? 0;
        if (length < PurposeMinLength)
        {
            return CommandResult.Invalid(PurposeField, new Message(PurposeRequired, PurposeMinLength.ToString(CultureInfo.InvariantCulture)));
        }

        return length > PurposeMaxLength
            ? CommandResult.Invalid(PurposeField, ValidationErrors.TooLongMessage(PurposeMaxLength, length))
            : CommandResult.Ok();
    }
}
