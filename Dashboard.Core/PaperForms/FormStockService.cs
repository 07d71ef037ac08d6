using System.Globalization;

namespace Dashboard.Core.PaperForms;

/// <summary>
/// Numbered form stock: the ranges of pre-printed numbers a facility issued, and per range which
/// numbers are used, voided, or missing (skipped while later numbers were used: a lost form).
/// </summary>
public sealed class FormStockService(IDbContextFactory<DashboardDbContext> dbFactory, PaperFormService forms, AuditTrail audit, TimeProvider clock)
{
    public const string RangeFormat = "Stock_RangeFormat";
    public const string RangeOverlap = "Stock_RangeOverlap";
    public const int MaxRangeSize = 100_000;

    public async Task<CommandResult<int>> AddRangeAsync(AccessScope scope, StockRangeInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(input);
        var place = (await forms.PlacesAsync(scope, cancellationToken)).FirstOrDefault(p => p.FacilityId == input.FacilityId);
        if (place is null)
        {
            await audit.RecordDeniedAsync(scope, nameof(FormStockRange), "new", "create", cancellationToken);
            return CommandResult.Forbidden();
        }

        var first = SerialParts.Parse(input.FirstSerial);
        var last = SerialParts.Parse(input.LastSerial);
        if (first is null || last is null || first.Value.Prefix != last.Value.Prefix || first.Value.Width != last.Value.Width ||
            first.Value.Number > last.Value.Number || last.Value.Number - first.Value.Number >= MaxRangeSize)
        {
            return CommandResult.Invalid(nameof(input.FirstSerial), RangeFormat);
        }

        var (prefix, low, width) = first.Value;
        var high = last.Value.Number;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var overlapping = await db.FormStockRanges.AnyAsync(
            r => r.FacilityId == place.FacilityId && r.Kind == input.Kind && r.Prefix == prefix && r.First <= high && low <= r.Last, cancellationToken);
        if (overlapping)
        {
            return CommandResult.Invalid(nameof(input.FirstSerial), RangeOverlap);
        }

        var range = new FormStockRange
        {
            FacilityId = place.FacilityId,
            RegionId = place.RegionId,
            Kind = input.Kind,
            Prefix = prefix,
            First = low,
            Last = high,
            Width = width,
            IssuedTo = InputText.LineOrNull(input.IssuedTo),
            EnteredByName = scope.UserName,
            EnteredUtc = clock.GetUtcNow().UtcDateTime,
        };
        var id = await AuditedChange.InsertAsync(db, audit, scope, range, nameof(FormStockRange), r => r.Id,
            r => new { r.FacilityId, r.Kind, From = r.Format(r.First), To = r.Format(r.Last), r.IssuedTo }, cancellationToken);
        return new CommandResult<int>(CommandResult.Ok(), id);
    }

    /// <summary>Every range the caller may see, with its used, voided and missing numbers.</summary>
    public async Task<IReadOnlyList<StockRangeReport>> ReportAsync(AccessScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = db.For(scope);
        var ranges = await db.FormStockRanges.AsNoTracking()
            .Join(visible.Facilities, r => r.FacilityId, f => f.Id, (r, f) => new { Range = r, FacilityName = f.Name })
            .OrderBy(x => x.FacilityName).ThenBy(x => x.Range.Kind).ThenBy(x => x.Range.First)
            .ToListAsync(cancellationToken);
        var reports = new List<StockRangeReport>();
        foreach (var group in ranges.GroupBy(x => (x.Range.FacilityId, x.Range.Kind)))
        {
            var serials = await visible.PaperForms.AsNoTracking()
                .Where(f => f.FacilityId == group.Key.FacilityId && f.Kind == group.Key.Kind)
                .Select(f => new { f.SerialNumber, f.Status })
                .ToListAsync(cancellationToken);
            foreach (var item in group)
            {
                reports.Add(Report(item.Range, item.FacilityName, serials.Select(s => (s.SerialNumber, s.Status))));
            }
        }

        return reports;
    }

    internal static StockRangeReport Report(FormStockRange range, string facilityName, IEnumerable<(string Serial, PaperFormStatus Status)> forms)
    {
        var recorded = new Dictionary<int, PaperFormStatus>();
        foreach (var (serial, status) in forms)
        {
            if (SerialParts.Parse(serial) is { } parts && parts.Prefix == range.Prefix && parts.Number >= range.First && parts.Number <= range.Last)
            {
                recorded[parts.Number] = status;
            }
        }

        var highest = recorded.Count == 0 ? range.First - 1 : recorded.Keys.Max();
        var missing = Enumerable.Range(range.First, Math.Max(highest - range.First + 1, 0)).Where(n => !recorded.ContainsKey(n)).ToList();
        return new StockRangeReport(
            range.Id, facilityName, range.Kind, range.Format(range.First), range.Format(range.Last), range.IssuedTo,
            recorded.Count(r => r.Value != PaperFormStatus.Voided), recorded.Count(r => r.Value == PaperFormStatus.Voided),
            Runs(missing, range), range.Last - highest);
    }

    /// <summary>"0005", "0009–0011": consecutive missing numbers as runs.</summary>
    private static List<string> Runs(List<int> numbers, FormStockRange range)
    {
        var runs = new List<string>();
        for (var i = 0; i < numbers.Count;)
        {
            var j = i;
            while (j + 1 < numbers.Count && numbers[j + 1] == numbers[j] + 1)
            {
                j++;
            }

            runs.Add(i == j ? range.Format(numbers[i]) : $"{range.Format(numbers[i])}–{range.Format(numbers[j])}");
            i = j + 1;
        }

        return runs;
    }
}

/// <summary>A printed form number split into its text prefix and its trailing digits.</summary>
public static class SerialParts
{
    /// <summary>The number printed on the next form of a pad: "0042" → "0043", "T-0099" → "T-0100"; null without trailing digits.</summary>
    public static string? Next(string? serial) =>
        Parse(serial) is { } parts && parts.Number < 999_999_999
            ? parts.Prefix + (parts.Number + 1).ToString(CultureInfo.InvariantCulture).PadLeft(parts.Width, '0')
            : null;

    public static (string Prefix, int Number, int Width)? Parse(string? serial)
    {
        var text = serial?.Trim().ToUpperInvariant() ?? "";
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[text.Length - 1 - digits]))
        {
            digits++;
        }

        if (digits == 0 || digits > 9)
        {
            return null;
        }

        var number = int.Parse(text.AsSpan(text.Length - digits), NumberStyles.None, CultureInfo.InvariantCulture);
        return (text[..^digits], number, digits);
    }
}
