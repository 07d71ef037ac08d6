using System.Globalization;

namespace Dashboard.Core.Validation;

/// <summary>Collects per-field error messages (localized by the UI).</summary>
public sealed class ValidationErrors
{
    public const string Required = "Validation_Required";
    public const string TooLong = "Validation_TooLong";
    public const string Phone = "Validation_Phone";
    public const string PhoneDigits = "Validation_PhoneDigits";

    private readonly Dictionary<string, List<Message>> _errors = [];

    public bool Any => _errors.Count > 0;

    public void Add(string field, Message message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    public void RequireText(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, Required);
        }
        else
        {
            LimitLength(field, value, maxLength);
        }
    }

    /// <summary>Text over the limit is refused with both numbers, so the user knows how much to cut (nothing is cut for them).</summary>
    public void LimitLength(string field, string? value, int maxLength)
    {
        var length = value?.Trim().Length ?? 0;
        if (length > maxLength)
        {
            Add(field, TooLongMessage(maxLength, length));
        }
    }

    public static Message TooLongMessage(int maxLength, int length) =>
        new(TooLong, maxLength.ToString(CultureInfo.InvariantCulture), length.ToString(CultureInfo.InvariantCulture));

    public IReadOnlyDictionary<string, Message[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
