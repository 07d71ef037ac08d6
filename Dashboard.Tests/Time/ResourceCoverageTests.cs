using Dashboard.Core.Records;
using System.Globalization;
using System.Reflection;
using Dashboard.Core.Accounts;
using Dashboard.Core.Audit;
using Dashboard.Core.Facilities;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.PaperForms;
using Dashboard.Core.Plans;
using Dashboard.Core.Readiness;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Time;

/// <summary>Every enum value and audit action the UI names has a Chinese and an English text.</summary>
public sealed class ResourceCoverageTests
{
    public static TheoryData<string> Keys()
    {
        var keys = new TheoryData<string>();
        void Add<TEnum>(string prefix) where TEnum : struct, Enum
        {
            foreach (var value in Enum.GetValues<TEnum>())
            {
                keys.Add($"{prefix}_{value}");
            }
        }

        Add<PlanPhase>("Phase");
        Add<MilestoneStatus>("MilestoneStatus");
        Add<MilestoneKind>("MilestoneKind");
        Add<FacilityKind>("FacilityKind");
        Add<UserRole>("Role");
        Add<HeldPatientCategory>("HPCategory");
        Add<HeldPatientCategory>("HP_CategoryHint");
        Add<HeldPatientCategory>("Notice_What");
        Add<HeldPatientStatus>("HPStatus");
        Add<IdDocumentType>("IdDocumentType");
        Add<InsuranceType>("InsuranceType");
        Add<PaperFormKind>("PFKind");
        Add<PaperFormSubkind>("PFSubkind");
        Add<PaperFormStatus>("PFStatus");
        Add<ReadinessStage>("Readiness_Title");
        Add<ReadinessStage>("Board_Readiness");
        foreach (var action in typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!))
        {
            keys.Add($"AuditAction_{action}");
        }

        return keys;
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Has_chinese_and_english_text(string key)
    {
        var localizer = TestLocalizer.Create();
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            using var _ = new UiCulture(culture);
            var text = localizer[key];
            Assert.False(text.ResourceNotFound, $"{key} has no {culture} text");
        }

        using (new UiCulture("en"))
        {
            Assert.DoesNotMatch("[\\u4e00-\\u9fff]", localizer[key].Value);
        }
    }
}
