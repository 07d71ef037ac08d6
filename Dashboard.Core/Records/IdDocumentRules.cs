using System.Text.RegularExpressions;

namespace Dashboard.Core.Records;

/// <summary>ID document numbers on any record: a resident ID by GB 11643, other documents by shape.</summary>
public static partial class IdDocumentRules
{
    public const string OtherIdFormat = "Id_OtherFormat";

    /// <summary>Adds the field's error, if any, and returns the normalized number.</summary>
    public static string Validate(string field, IdDocumentType type, string? number, DateTimeOffset now, TimeZoneInfo timeZone, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var id = ResidentIdNumber.Normalize(number ?? "");
        if (id.Length == 0)
        {
            errors.Add(field, ValidationErrors.Required);
        }
        else if (type == IdDocumentType.ResidentId)
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, timeZone).DateTime);
            if (ResidentIdNumber.Validate(id, today) is { } error)
            {
                errors.Add(field, error);
            }
        }
        else if (!OtherDocumentNumber().IsMatch(id))
        {
            errors.Add(field, OtherIdFormat);
        }

        return id;
    }

    [GeneratedRegex("^[A-Z0-9-]{4,30}$")]
    private static partial Regex OtherDocumentNumber();
}
