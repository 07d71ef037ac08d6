using Microsoft.Extensions.Localization;

namespace Dashboard.Components.Shared;

/// <summary>Message keys may carry arguments after "::" (e.g. "Time_DuringOutage::2021-11-30 18:00::…").</summary>
internal static class MessageText
{
    public static string Localize(this IStringLocalizer localizer, string message)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(message);
        var parts = message.Split("::");
        return parts.Length == 1 ? localizer[message] : localizer[parts[0], parts[1..]];
    }

    public static string? Localize(this IStringLocalizer localizer, IReadOnlyList<string> messages) =>
        messages.Count == 0 ? null : string.Join(" ", messages.Select(localizer.Localize));
}
