using Dashboard.Core.Validation;
using Microsoft.Extensions.Localization;

namespace Dashboard.Components.Shared;

/// <summary>Puts a Core message (a resource key and its arguments) into the user's language.</summary>
internal static class MessageText
{
    public static string Localize(this IStringLocalizer localizer, Message message)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(message);
        return message.Args.Count == 0 ? localizer[message.Key] : localizer[message.Key, [.. message.Args]];
    }

    public static string? Localize(this IStringLocalizer localizer, IReadOnlyList<Message> messages) =>
        messages.Count == 0 ? null : string.Join(" ", messages.Select(localizer.Localize));
}
