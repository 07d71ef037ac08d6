using System.Globalization;
using System.Text;

namespace Dashboard.Core.Validation;

/// <summary>
/// Text as the rules check it and the database keeps it. Pasted text carries what nobody typed:
/// zero-width spaces, bidi overrides (U+202E shows a name backwards), control characters and line
/// breaks from a spreadsheet cell. None of it is visible, so it is removed rather than refused (the
/// user could not find it to delete); what the user sees stays.
/// </summary>
public static class InputText
{
    /// <summary>One line of text (a name, a department): invisible characters removed, controls and line breaks as spaces, runs of space as one, trimmed.</summary>
    public static string Line(string? value) => Clean(value, NormalizationForm.FormC, keepLineBreaks: false);

    /// <summary>Several lines (notes): as <see cref="Line"/>, keeping line breaks (as "\n").</summary>
    public static string Lines(string? value) => Clean(value, NormalizationForm.FormC, keepLineBreaks: true);

    /// <summary>
    /// A number or code (ID, phone, serial, time): also folded by compatibility (NFKC), so full-width
    /// digits and letters typed in a Chinese input method become ASCII. Digits of other scripts
    /// (Arabic-Indic) stay as typed, for the format check to refuse.
    /// </summary>
    public static string Code(string? value) => Clean(value, NormalizationForm.FormKC, keepLineBreaks: false);

    /// <summary><see cref="Line"/>, or null when nothing is left.</summary>
    public static string? LineOrNull(string? value) => Line(value) is { Length: > 0 } line ? line : null;

    /// <summary><see cref="Lines"/>, or null when nothing is left.</summary>
    public static string? LinesOrNull(string? value) => Lines(value) is { Length: > 0 } lines ? lines : null;

    /// <summary><see cref="Code"/>, or null when nothing is left.</summary>
    public static string? CodeOrNull(string? value) => Code(value) is { Length: > 0 } code ? code : null;

    private static string Clean(string? value, NormalizationForm form, bool keepLineBreaks)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var text = WithoutLoneSurrogates(value);
        text = text.IsNormalized(form) ? text : text.Normalize(form);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (keepLineBreaks && (c == '\n' || c == '\r'))
            {
                TrimTrailingSpace(builder);
                builder.Append('\n');
                pendingSpace = false;
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 1 : 0;
                continue;
            }

            var category = char.GetUnicodeCategory(c);
            if (category == UnicodeCategory.Format)
            {
                continue;
            }

            if (category is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator || char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0 && builder[^1] != '\n';
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString().Trim('\n', ' ');
    }

    /// <summary>Half of a surrogate pair is no character at all (and normalization throws on it).</summary>
    private static string WithoutLoneSurrogates(string value)
    {
        if (!value.Any(char.IsSurrogate))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(value, i++, 2);
            }
            else if (!char.IsSurrogate(value[i]))
            {
                builder.Append(value[i]);
            }
        }

        return builder.ToString();
    }

    private static void TrimTrailingSpace(StringBuilder builder)
    {
        while (builder.Length > 0 && builder[^1] == ' ')
        {
            builder.Length--;
        }
    }
}
