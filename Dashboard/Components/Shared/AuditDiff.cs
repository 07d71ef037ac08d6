using System.Text.Json;

namespace Dashboard.Components.Shared;

/// <summary>"Field: old → new" lines from an audit event's before/after JSON.</summary>
internal static class AuditDiff
{
    public static IEnumerable<string> Changes(Dashboard.Core.Audit.AuditEvent entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.BeforeJson is null || entry.AfterJson is null)
        {
            yield break;
        }

        var before = Flatten(entry.BeforeJson);
        var after = Flatten(entry.AfterJson);
        foreach (var (key, value) in after)
        {
            var old = before.GetValueOrDefault(key);
            if (old != value)
            {
                yield return $"{key}: {old ?? "—"} → {value ?? "—"}";
            }
        }
    }

    private static Dictionary<string, string?> Flatten(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => p.Value.GetString(),
                _ => p.Value.GetRawText(),
            });
    }
}
