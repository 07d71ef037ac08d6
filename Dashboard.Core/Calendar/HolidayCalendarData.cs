using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Core.Calendar;

/// <summary>Loads the holiday-cn calendar files embedded in this assembly.</summary>
public static class HolidayCalendarData
{
    private const string ResourcePrefix = "holiday-cn/";

    public static IReadOnlyList<HolidayYear> LoadEmbedded()
    {
        var assembly = typeof(HolidayCalendarData).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
            .Select(name => Parse(assembly, name))
            .OrderBy(year => year.Year)
            .ToList();
    }

    private static HolidayYear Parse(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Missing embedded calendar {resourceName}.");
        var file = JsonSerializer.Deserialize<HolidayFile>(stream)
            ?? throw new InvalidOperationException($"Empty calendar file {resourceName}.");
        var days = file.Days.Select(d => new HolidayDay(DateOnly.Parse(d.Date, System.Globalization.CultureInfo.InvariantCulture), d.Name, d.IsOffDay)).ToList();
        return new HolidayYear(file.Year, days);
    }

    private sealed record HolidayFile(
        [property: JsonPropertyName("year")] int Year,
        [property: JsonPropertyName("days")] IReadOnlyList<HolidayFileDay> Days);

    private sealed record HolidayFileDay(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("date")] string Date,
        [property: JsonPropertyName("isOffDay")] bool IsOffDay);
}

/// <summary>One year of the official calendar: only the days that differ from the Monday-Friday week.</summary>
public sealed record HolidayYear(int Year, IReadOnlyList<HolidayDay> Days);
