using Dashboard.Core.Access;
using Dashboard.Core.Validation;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Dashboard.Components.Shared;

/// <summary>Turns command results into the messages users read: per field, or as a snackbar.</summary>
internal static class CommandFeedback
{
    /// <summary>The localized errors for one field, or null when it has none.</summary>
    public static string? ErrorFor(this CommandResult? result, IStringLocalizer localizer, string field) =>
        result?.Errors.TryGetValue(field, out var messages) == true ? localizer.Localize(messages) : null;

    /// <summary>Reports the outcome; returns true on success.</summary>
    public static bool Report(this CommandResult result, ISnackbar snackbar, IStringLocalizer localizer, string successKey)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(snackbar);
        ArgumentNullException.ThrowIfNull(localizer);
        var (message, severity) = result.Status switch
        {
            CommandStatus.Ok => (successKey, Severity.Success),
            CommandStatus.Conflict => ("Command_Conflict", Severity.Warning),
            CommandStatus.NotFound => ("Command_NotFound", Severity.Error),
            CommandStatus.Forbidden => ("Command_Forbidden", Severity.Error),
            _ => (result.Errors.TryGetValue("", out var general) ? general[0] : "Command_Invalid", Severity.Error),
        };
        snackbar.Add(localizer.Localize(message), severity);
        return result.Succeeded;
    }
}
