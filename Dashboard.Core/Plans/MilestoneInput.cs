namespace Dashboard.Core.Plans;

/// <summary>A milestone as an editor, or a plan author accepting a notice's proposal, fills it in.</summary>
public sealed class MilestoneInput
{
    public MilestoneKind Kind { get; set; } = MilestoneKind.Other;

    /// <summary>Local time as written: "2021-11-30 18:00", "2021-11-30 24:00" or a date.</summary>
    public string LocalTime { get; set; } = "";

    /// <summary>The end of a window, written the same way; empty for a single point in time.</summary>
    public string? EndLocalTime { get; set; }

    public bool IsEstimated { get; set; }

    /// <summary>The notice makes the time depend on something; <see cref="ConditionZh"/> says what.</summary>
    public bool IsConditional { get; set; }

    public string? ConditionZh { get; set; }

    public string? ConditionEn { get; set; }

    public string TitleZh { get; set; } = "";

    public string TitleEn { get; set; } = "";

    public string? Owner { get; set; }

    public string? NoteZh { get; set; }

    public string? NoteEn { get; set; }

    public static MilestoneInput From(MilestoneView m, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new MilestoneInput
        {
            Kind = m.Kind, LocalTime = Time.MilestoneTimeText.Format(m, zone), EndLocalTime = Time.MilestoneTimeText.FormatEnd(m, zone),
            IsEstimated = m.IsEstimated, IsConditional = m.IsConditional, ConditionZh = m.Condition?.Zh, ConditionEn = m.Condition?.En,
            TitleZh = m.Title.Zh, TitleEn = m.Title.En, Owner = m.Owner, NoteZh = m.Note?.Zh, NoteEn = m.Note?.En,
        };
    }
}

/// <summary>
/// One set of rules for a milestone's fields wherever one is written (the editor, a new plan from a
/// notice): each refusal is keyed by its field, under an optional prefix for rows of a list.
/// </summary>
public static class MilestoneInputRules
{
    public const string TimeFormat = "Milestone_TimeFormat";
    public const string WindowEndBeforeStart = "Milestone_WindowEndBeforeStart";

    public sealed record Times((DateTime DueUtc, MilestonePrecision Precision, bool EndOfDay) Start, (DateTime DueUtc, MilestonePrecision Precision, bool EndOfDay)? End);

    public static Times? Validate(MilestoneInput input, TimeZoneInfo zone, ValidationErrors errors, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(errors);
        errors.RequireText(prefix + nameof(input.TitleZh), input.TitleZh, 300);
        errors.LimitLength(prefix + nameof(input.TitleEn), input.TitleEn, 300);
        errors.LimitLength(prefix + nameof(input.ConditionZh), input.ConditionZh, 300);
        errors.LimitLength(prefix + nameof(input.ConditionEn), input.ConditionEn, 300);
        if (!MilestoneTimeParser.TryParse(input.LocalTime, zone, out var start))
        {
            errors.Add(prefix + nameof(input.LocalTime), TimeFormat);
            return null;
        }

        if (string.IsNullOrWhiteSpace(input.EndLocalTime))
        {
            return new Times(start, null);
        }

        if (!MilestoneTimeParser.TryParse(input.EndLocalTime, zone, out var end))
        {
            errors.Add(prefix + nameof(input.EndLocalTime), TimeFormat);
            return null;
        }

        // A date-only end lasts all that day: "9月10日至9月10日" is a one-day window, not an error.
        var endsAt = end.Precision == MilestonePrecision.Day ? end.DueUtc.AddDays(1) : end.DueUtc;
        if (endsAt <= start.DueUtc)
        {
            errors.Add(prefix + nameof(input.EndLocalTime), new Message(WindowEndBeforeStart, input.EndLocalTime.Trim(), input.LocalTime.Trim()));
            return null;
        }

        return new Times(start, end);
    }

    public static void Apply(MilestoneInput input, Times times, Milestone m)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(m);
        (m.Kind, m.DueUtc, m.Precision, m.WrittenAsEndOfDay, m.IsEstimated) = (input.Kind, times.Start.DueUtc, times.Start.Precision, times.Start.EndOfDay, input.IsEstimated);
        (m.EndUtc, m.EndPrecision, m.EndWrittenAsEndOfDay) = times.End is { } end ? ((DateTime?)end.DueUtc, end.Precision, end.EndOfDay) : (null, MilestonePrecision.Minute, false);
        m.TitleZh = InputText.Line(input.TitleZh);
        m.TitleEn = OrZh(input.TitleEn, m.TitleZh)!;
        m.Owner = InputText.LineOrNull(input.Owner);
        m.NoteZh = InputText.LinesOrNull(input.NoteZh);
        m.NoteEn = m.NoteZh is null ? null : InputText.LinesOrNull(input.NoteEn) ?? m.NoteZh;
        m.IsConditional = input.IsConditional;
        m.ConditionZh = input.IsConditional ? InputText.LineOrNull(input.ConditionZh) : null;
        m.ConditionEn = m.ConditionZh is null ? null : OrZh(input.ConditionEn, m.ConditionZh);
    }

    /// <summary>An English text left empty shows the Chinese one rather than nothing.</summary>
    private static string? OrZh(string? en, string? zh) => InputText.LineOrNull(en) ?? zh;
}
