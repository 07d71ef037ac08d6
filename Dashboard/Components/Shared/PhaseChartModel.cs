using System.Globalization;
using Dashboard.Core.Plans;
using Dashboard.Time;

namespace Dashboard.Components.Shared;

public enum PhaseChartRange
{
    /// <summary>The window around the regions that are not closed yet, and now.</summary>
    Active,
    /// <summary>Every region's whole history.</summary>
    All,
}

/// <summary>A phase bar; X and Width are fractions of the plot width. Its ends read as the notice wrote them.</summary>
public sealed record PhaseChartBar(PlanPhase Phase, double X, double Width, DateTimeOffset Start, DateTimeOffset? End)
{
    public PhaseChartTime? StartText { get; init; }

    public PhaseChartTime? EndText { get; init; }
}

/// <summary>A phase's start or end in the region's zone as the notice wrote it (a date, a time, "24:00"), and whether it is expected.</summary>
public sealed record PhaseChartTime(string Text, bool IsEstimated)
{
    /// <summary>The notice makes the time depend on something (a go-live after acceptance).</summary>
    public bool IsConditional { get; init; }
}

/// <summary>A window a milestone spans (a suspension from one day to another), drawn under the row's phases.</summary>
public sealed record PhaseChartWindow(double X, double Width, string Title, string Span);

/// <summary>A row whose bars all lie outside the window says when it ended or starts instead.</summary>
public sealed record PhaseChartRow(string Code, string Name, PlanPhase Phase, IReadOnlyList<PhaseChartBar> Bars, DateTimeOffset? EndedAt, DateTimeOffset? StartsAt)
{
    public IReadOnlyList<PhaseChartWindow> Windows { get; init; } = [];
}

public sealed record PhaseChartTick(double X, string Label);

/// <summary>
/// Geometry of the cross-region phase chart: one row per region, bars on a shared time axis
/// and a "now" line. Pure so that it can be tested without rendering.
/// </summary>
public sealed record PhaseChartModel(
    PhaseChartRange Range, DateTimeOffset From, DateTimeOffset To, double NowX, IReadOnlyList<PhaseChartRow> Rows, IReadOnlyList<PhaseChartTick> Ticks)
{
    /// <summary>How far an open-ended phase is drawn beyond now.</summary>
    private static readonly TimeSpan OpenEndReach = TimeSpan.FromDays(7);

    private static readonly (TimeSpan Step, string Format)[] TickSteps =
    [
        (TimeSpan.FromDays(1), "MM-dd"),
        (TimeSpan.FromDays(7), "MM-dd"),
        (TimeSpan.FromDays(30.44), "yyyy-MM"),
        (TimeSpan.FromDays(91.3), "yyyy-MM"),
        (TimeSpan.FromDays(182.6), "yyyy-MM"),
        (TimeSpan.FromDays(365.25), "yyyy"),
    ];

    public static PhaseChartModel Build(IReadOnlyList<RegionPlan> plans, DateTimeOffset now, PhaseChartRange range, TimeZoneInfo displayZone, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(plans);
        var active = plans.Where(p => p.PhaseAt(now) != PlanPhase.Closed).ToList();
        if (range == PhaseChartRange.Active && active.Count == 0)
        {
            range = PhaseChartRange.All;
        }

        var inWindow = range == PhaseChartRange.Active ? active : plans;
        var spans = inWindow.SelectMany(p => p.PhaseSpans()).ToList();
        var from = spans.Select(s => s.Start).Append(now).Min();
        var to = spans.Select(s => s.End ?? now + OpenEndReach).Append(now).Max();
        var padding = TimeSpan.FromTicks(Math.Max((to - from).Ticks / 20, TimeSpan.FromHours(12).Ticks));
        from -= padding;
        to += padding;

        double X(DateTimeOffset t) => Math.Clamp((t - from) / (to - from), 0, 1);
        var rows = plans.Select(plan => BuildRow(plan, now, from, to, X, culture)).ToList();
        return new PhaseChartModel(range, from, to, X(now), rows, BuildTicks(from, to, displayZone, X));
    }

    private static PhaseChartRow BuildRow(RegionPlan plan, DateTimeOffset now, DateTimeOffset from, DateTimeOffset to, Func<DateTimeOffset, double> x, CultureInfo culture)
    {
        var spans = plan.PhaseSpans();
        var bars = spans
            .Where(s => s.Start < to && (s.End ?? now + OpenEndReach) > from)
            .Select(s => new PhaseChartBar(s.Phase, x(s.Start), x(s.End ?? now + OpenEndReach) - x(s.Start), s.Start, s.End)
            {
                StartText = MilestoneAt(plan, s.Start),
                EndText = s.End is { } end ? s.Phase == PlanPhase.CatchUp ? DeadlineAt(plan) : MilestoneAt(plan, end) : null,
            })
            .ToList();
        DateTimeOffset? endedAt = null, startsAt = null;
        if (bars.Count == 0 && spans.Count > 0)
        {
            var lastEnd = spans.Max(s => s.End ?? now);
            if (lastEnd <= from)
            {
                // Spans end at the first instant after their last day; the label names that day.
                endedAt = lastEnd.AddTicks(-1);
            }
            else
            {
                startsAt = spans.Min(s => s.Start);
            }
        }

        return new PhaseChartRow(plan.Code, plan.Name.In(culture), plan.PhaseAt(now), bars, endedAt, startsAt)
        {
            Windows = [.. Windows(plan, from, to, x, culture)],
        };
    }

    private static IEnumerable<PhaseChartWindow> Windows(RegionPlan plan, DateTimeOffset from, DateTimeOffset to, Func<DateTimeOffset, double> x, CultureInfo culture)
    {
        foreach (var m in plan.Milestones)
        {
            // A date-only end lasts all that day.
            var end = m.EndUtc is { } e ? m.EndPrecision == MilestonePrecision.Day ? e.AddDays(1) : e : (DateTimeOffset?)null;
            if (end is { } until && m.DueUtc < to && until > from)
            {
                yield return new PhaseChartWindow(x(m.DueUtc), x(until) - x(m.DueUtc), m.Title.In(culture), Core.Time.MilestoneTimeText.FormatSpan(m, plan.TimeZone));
            }
        }
    }

    /// <summary>
    /// The milestone a phase starts or ends at, as its notice wrote it: a day-only date stays a date,
    /// "24:00" stays 24:00 (not 00:00 of the next day).
    /// </summary>
    private static PhaseChartTime MilestoneAt(RegionPlan plan, DateTimeOffset instant)
    {
        var milestone = plan.Milestones.Where(m => m.DueUtc == instant)
            .OrderBy(m => m.IsOutageStart || m.Kind == MilestoneKind.GoLive ? 0 : 1).FirstOrDefault();
        return milestone is null
            ? new PhaseChartTime(TimeTextFormatter.LocalDateTime(instant, plan.TimeZone), false)
            : new PhaseChartTime(TimeTextFormatter.MilestoneTime(milestone, plan.TimeZone), milestone.IsEstimated) { IsConditional = milestone.IsConditional };
    }

    /// <summary>Catch-up ends at the end of its last day: "2021-11-12 24:00", expected when counted from an expected go-live.</summary>
    private static PhaseChartTime? DeadlineAt(RegionPlan plan) => plan.CatchUp.LastDay is { } last
        ? new PhaseChartTime(last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 24:00", plan.CatchUp.IsEstimate)
        : null;

    private static List<PhaseChartTick> BuildTicks(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone, Func<DateTimeOffset, double> x)
    {
        var (step, format) = TickSteps.FirstOrDefault(s => (to - from) / s.Step <= 10, TickSteps[^1]);
        var ticks = new List<PhaseChartTick>();
        for (var local = FirstTick(TimeZoneInfo.ConvertTime(from, zone), step); local < to; local = NextTick(local, step))
        {
            if (local > from)
            {
                ticks.Add(new PhaseChartTick(x(local), local.ToString(format, CultureInfo.InvariantCulture)));
            }
        }

        return ticks;
    }

    /// <summary>Ticks fall on local midnights, month starts or year starts.</summary>
    private static DateTimeOffset FirstTick(DateTimeOffset local, TimeSpan step)
    {
        var midnight = new DateTimeOffset(local.Date, local.Offset);
        if (step.TotalDays < 28)
        {
            return midnight;
        }

        return step.TotalDays < 365
            ? new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, local.Offset)
            : new DateTimeOffset(local.Year, 1, 1, 0, 0, 0, local.Offset);
    }

    private static DateTimeOffset NextTick(DateTimeOffset tick, TimeSpan step) => step.TotalDays switch
    {
        < 28 => tick + step,
        < 365 => tick.AddMonths((int)Math.Round(step.TotalDays / 30.44)),
        _ => tick.AddYears(1),
    };
}
