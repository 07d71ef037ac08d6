using Dashboard.Core.Records;
using System.Globalization;
using System.Text.Json;
using Dashboard.Core.Audit;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.PaperForms;
using Dashboard.Core.Plans;
using Dashboard.Time;
using Microsoft.Extensions.Localization;

namespace Dashboard.Components.Shared;

/// <summary>
/// "Field: old → new" lines from an audit event's before/after JSON, as a clerk reads them: field
/// names and enum values in the UI language, instants in the record's zone. A field or value the
/// resources do not know is shown as stored, so an older or newer snapshot never breaks the history.
/// </summary>
internal static class AuditDiff
{
    private const string Missing = "—";

    /// <summary>How one snapshot field is labelled and, for enums, which resource prefix names its values.</summary>
    private sealed record Field(string LabelKey, string? EnumPrefix = null);

    private static readonly Dictionary<string, Field> Shared = new(StringComparer.Ordinal)
    {
        [nameof(HeldPatient.FacilityId)] = new("HP_Facility"),
        [nameof(HeldPatient.PatientName)] = new("HP_PatientName"),
        [nameof(HeldPatient.IdDocumentType)] = new("HP_IdDocumentType", nameof(IdDocumentType)),
        [nameof(HeldPatient.IdNumber)] = new("HP_IdNumber"),
        [nameof(HeldPatient.Category)] = new("HP_Category", "HPCategory"),
        [nameof(HeldPatient.InsuranceType)] = new("HP_InsuranceType", nameof(InsuranceType)),
        [nameof(HeldPatient.Phone)] = new("HP_Phone"),
        [nameof(HeldPatient.AdmittedUtc)] = new("HP_AdmittedAt"),
        [nameof(HeldPatient.DischargedUtc)] = new("HP_DischargedAt"),
        [nameof(HeldPatient.VisitUtc)] = new("HP_VisitAt"),
        [nameof(HeldPatient.Department)] = new("HP_Department"),
        [nameof(HeldPatient.AmountAdvanced)] = new("HP_Amount"),
        ["InvoiceNumbers"] = new("HP_InvoiceNumbers"),
        [nameof(HeldPatient.Notes)] = new("HP_Notes"),
        [nameof(HeldPatient.NewPlatformNumber)] = new("HP_NewPlatformNumber"),
        [nameof(HeldPatient.VoidReason)] = new("HP_VoidReason"),
        [nameof(PaperForm.Subkind)] = new("PF_Subkind", "PFSubkind"),
        [nameof(PaperForm.SerialNumber)] = new("PF_Serial"),
        [nameof(PaperForm.FromPlace)] = new("PF_FromPlace"),
        [nameof(PaperForm.Destination)] = new("PF_Destination"),
        [nameof(PaperForm.IssuedUtc)] = new("PF_IssuedAt"),
        [nameof(PaperForm.Reason)] = new("PF_Reason"),
        [nameof(PaperForm.SignedAndStamped)] = new("PF_Signed"),
        [nameof(PaperForm.IssuedBy)] = new("PF_IssuedBy"),
        [nameof(PaperForm.HeldPatientId)] = new("PF_HeldPatient"),
        [nameof(PaperForm.FilingNumber)] = new("PF_FilingNumber"),
        [nameof(PaperForm.StatusReason)] = new("Status_Reason"),
        [nameof(Milestone.DueUtc)] = new("MS_Time"),
        [nameof(Milestone.Precision)] = new("History_Precision", nameof(MilestonePrecision)),
        [nameof(Milestone.WrittenAsEndOfDay)] = new("History_WrittenAsEndOfDay"),
        [nameof(Milestone.IsEstimated)] = new("History_IsEstimated"),
        [nameof(Milestone.StatusNote)] = new("MS_StatusNote"),
        [nameof(Milestone.ActualUtc)] = new("History_ActualTime"),
        [nameof(Milestone.TitleZh)] = new("MS_TitleZh"),
        [nameof(Milestone.TitleEn)] = new("MS_TitleEn"),
        [nameof(Milestone.IsRemoved)] = new("History_IsRemoved"),
        [nameof(Milestone.IsConditional)] = new("MS_Conditional"),
        [nameof(Milestone.ConditionZh)] = new("MS_ConditionZh"),
        [nameof(Milestone.NoteZh)] = new("MS_Note"),
        [nameof(Milestone.NoteEn)] = new("MS_NoteEn"),
    };

    // Kind and Status mean different enums on different records.
    private static readonly Dictionary<(string Entity, string Field), Field> ByEntity = new()
    {
        [(nameof(HeldPatient), nameof(HeldPatient.Status))] = new("HP_Status", "HPStatus"),
        [(nameof(PaperForm), nameof(PaperForm.Status))] = new("HP_Status", "PFStatus"),
        [(nameof(PaperForm), nameof(PaperForm.Kind))] = new("PF_Kind", "PFKind"),
        [(nameof(Milestone), nameof(Milestone.Status))] = new("HP_Status", nameof(MilestoneStatus)),
        [(nameof(Milestone), nameof(Milestone.Kind))] = new("MS_Kind", nameof(MilestoneKind)),
        [(nameof(CutoverPlan), "RegionNameZh")] = new("Plan_NameZh"),
        [(nameof(CutoverPlan), "RegionNameEn")] = new("Plan_NameEn"),
        [(nameof(CutoverPlan), nameof(CutoverPlan.OldSystemNameZh))] = new("PlanSettings_OldSystemZh"),
        [(nameof(CutoverPlan), nameof(CutoverPlan.OldSystemNameEn))] = new("PlanSettings_OldSystemEn"),
        [(nameof(CutoverPlan), nameof(CutoverPlan.NewSystemNameZh))] = new("PlanSettings_NewSystemZh"),
        [(nameof(CutoverPlan), nameof(CutoverPlan.NewSystemNameEn))] = new("PlanSettings_NewSystemEn"),
        [(nameof(CutoverPlan), nameof(CutoverPlan.CatchUpRuleKind))] = new("PlanSettings_RuleKind", "CatchUpRule"),
        [(nameof(CutoverPlan), nameof(CutoverPlan.CatchUpWorkingDays))] = new("PlanSettings_WorkingDays"),
        [(nameof(CutoverPlan), nameof(CutoverPlan.CatchUpFixedDate))] = new("PlanSettings_FixedDate"),
        [(nameof(CutoverPlan), nameof(CutoverPlan.CatchUpRuleFromNotice))] = new("PlanSettings_FromNotice"),
        [(nameof(CutoverPlan), nameof(CutoverPlan.TimeZoneId))] = new("PlanSettings_TimeZone"),
        [(nameof(CutoverPlan), nameof(CutoverPlan.SourceNotice))] = new("PlanSettings_SourceTitle"),
        [(nameof(CutoverPlan), nameof(CutoverPlan.SourceIssuer))] = new("PlanSettings_SourceIssuer"),
        [(nameof(CutoverPlan), nameof(CutoverPlan.SourceDocumentNumber))] = new("PlanSettings_SourceNumber"),
        [(nameof(CutoverPlan), nameof(CutoverPlan.SourcePublishedOn))] = new("PlanSettings_SourceDate"),
        [(nameof(CutoverPlan), nameof(CutoverPlan.SourceUrl))] = new("PlanSettings_SourceUrl"),
        [(nameof(CutoverPlan), "MilestoneTimes")] = new("PlanSettings_MilestoneTimes"),
    };

    /// <summary>A milestone's time, and a window's end, are three stored fields each read as one: the instant, date-only, and "24:00".</summary>
    private sealed record TimeParts(string LabelKey, string Due, string Precision, string EndOfDay)
    {
        public bool Contains(string name) => name == Due || name == Precision || name == EndOfDay;
    }

    private static readonly TimeParts[] MilestoneTimes =
    [
        new("MS_Time", nameof(Milestone.DueUtc), nameof(Milestone.Precision), nameof(Milestone.WrittenAsEndOfDay)),
        new("MS_EndShort", nameof(Milestone.EndUtc), nameof(Milestone.EndPrecision), nameof(Milestone.EndWrittenAsEndOfDay)),
    ];

    public static IEnumerable<string> Changes(AuditEvent entry, IStringLocalizer localizer, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(zone);
        if (Flatten(entry.BeforeJson) is not { } before || Flatten(entry.AfterJson) is not { } after)
        {
            yield break;
        }

        var timesShown = new HashSet<TimeParts>();
        foreach (var (name, value) in after)
        {
            if (entry.EntityType == nameof(Milestone) && MilestoneTimes.FirstOrDefault(t => t.Contains(name)) is { } time)
            {
                // One line per time however many of its parts changed, each side as the notice wrote it.
                var oldTime = MilestoneTimeText(before, time, zone) ?? Missing;
                var newTime = MilestoneTimeText(after, time, zone) ?? Missing;
                if (timesShown.Add(time) && oldTime != newTime)
                {
                    yield return localizer["History_Change", Lookup(localizer, time.LabelKey, name), oldTime, newTime];
                }

                continue;
            }

            // A field the older snapshot lacks reads as Undefined, shown as empty.
            var old = before.GetValueOrDefault(name);
            if (old.ValueKind != JsonValueKind.Undefined && old.GetRawText() == value.GetRawText())
            {
                continue;
            }

            var field = ByEntity.GetValueOrDefault((entry.EntityType ?? "", name)) ?? Shared.GetValueOrDefault(name);
            var label = field is null ? name : Lookup(localizer, field.LabelKey, name);
            yield return localizer["History_Change", label, Value(old, name, field, localizer, zone), Value(value, name, field, localizer, zone)];
        }
    }

    private static string Value(JsonElement element, string name, Field? field, IStringLocalizer localizer, TimeZoneInfo zone) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => Missing,
        JsonValueKind.True => localizer["Common_Yes"],
        JsonValueKind.False => localizer["Common_No"],
        JsonValueKind.String => Scalar(element.GetString() ?? "", name, field, localizer, zone),
        JsonValueKind.Number when name == nameof(HeldPatient.AmountAdvanced) && element.TryGetDecimal(out var yuan) =>
            yuan.ToString("0.00", CultureInfo.InvariantCulture),
        JsonValueKind.Array => element.GetArrayLength() == 0
            ? Missing
            : string.Join(", ", element.EnumerateArray().Select(item => Value(item, name, field, localizer, zone))),
        _ => element.GetRawText(),
    };

    private static string Scalar(string text, string name, Field? field, IStringLocalizer localizer, TimeZoneInfo zone)
    {
        if (field?.EnumPrefix is { } prefix)
        {
            return Lookup(localizer, $"{prefix}_{text}", text);
        }

        // Snapshots name their instants ...Utc and store them as ISO 8601 UTC.
        return name.EndsWith("Utc", StringComparison.Ordinal) &&
            DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? TimeTextFormatter.LocalDateTime(instant, zone)
            : text;
    }

    /// <summary>"2026-12-06 22:40", "2026-12-07 24:00" or "2026-12-07" from a milestone snapshot; null without a time.</summary>
    private static string? MilestoneTimeText(Dictionary<string, JsonElement> snapshot, TimeParts time, TimeZoneInfo zone)
    {
        if (!snapshot.TryGetValue(time.Due, out var due) || due.ValueKind != JsonValueKind.String ||
            !DateTimeOffset.TryParse(due.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dueUtc))
        {
            return null;
        }

        var precision = snapshot.TryGetValue(time.Precision, out var p) && p.ValueKind == JsonValueKind.String &&
            Enum.TryParse<MilestonePrecision>(p.GetString(), out var parsed) ? parsed : MilestonePrecision.Minute;
        var endOfDay = snapshot.TryGetValue(time.EndOfDay, out var e) && e.ValueKind == JsonValueKind.True;
        return TimeTextFormatter.MilestoneTime(dueUtc, precision, endOfDay, zone);
    }

    private static string Lookup(IStringLocalizer localizer, string key, string fallback) =>
        localizer[key] is { ResourceNotFound: false } found ? found.Value : fallback;

    /// <summary>The snapshot's top-level fields, or null when there is no snapshot or it is not an object.</summary>
    private static Dictionary<string, JsonElement>? Flatten(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
