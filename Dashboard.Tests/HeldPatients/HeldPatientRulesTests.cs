using Dashboard.Core.HeldPatients;
using Dashboard.Core.Records;
using Dashboard.Core.Time;
using Dashboard.Core.Validation;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.HeldPatients;

/// <summary>The validation matrix of a held-patient entry, against Hefei's outage (2021-11-30 18:00 to 2021-12-12 08:00).</summary>
public sealed class HeldPatientRulesTests
{
    private static readonly TimeZoneInfo Zone = RegionTimeZone.Default;
    private static readonly HeldPatientRuleContext Hefei = new(
        SeededPlans.Shanghai(2021, 11, 30, 18, 0), SeededPlans.Shanghai(2021, 12, 12, 8, 0), Zone, SeededPlans.Shanghai(2021, 12, 20, 9, 0));

    private static HeldPatientInput Valid() => new()
    {
        Category = HeldPatientCategory.InpatientAdmittedDuringOutage,
        PatientName = "张伟",
        IdNumber = TestIds.Resident(),
        Phone = "13812345678",
        AdmittedAt = "2021-12-03 10:15",
        Amount = "1280.50",
        InvoiceNumbers = "2021120100001, 2021120100002",
    };

    /// <summary>The field's messages as "Key" or "Key(arguments)".</summary>
    private static IReadOnlyList<string> ErrorsOf(HeldPatientInput input, string field) =>
        [.. (HeldPatientRules.Validate(input, Hefei).Errors.ToDictionary().GetValueOrDefault(field) ?? []).Select(m => m.ToString())];

    [Fact]
    public void A_complete_entry_is_valid_and_normalized()
    {
        var input = Valid();
        input.IdNumber = " " + TestIds.Resident(endingInX: true).ToLowerInvariant() + " ";

        var (errors, values) = HeldPatientRules.Validate(input, Hefei);

        Assert.False(errors.Any);
        Assert.NotNull(values);
        Assert.EndsWith("X", values.IdNumber, StringComparison.Ordinal);
        Assert.Equal(1280.50m, values.AmountAdvanced);
        Assert.Equal(["2021120100001", "2021120100002"], values.InvoiceNumbers);
        Assert.Equal(new DateTime(2021, 12, 3, 2, 15, 0, DateTimeKind.Utc), values.Times.AdmittedUtc);
    }

    [Theory]
    [InlineData("34010419900307123", "Id_Length(17)")]
    [InlineData("3401041990030712345", "Id_Length(19)")]
    [InlineData("340104900307123", ResidentIdNumber.FifteenDigitError)]
    [InlineData("34010419900307A234", ResidentIdNumber.FormatError)]
    [InlineData("040104199003071234", ResidentIdNumber.FormatError)]
    [InlineData("340104199002301234", ResidentIdNumber.BirthDateError)]
    [InlineData("340104209901011234", ResidentIdNumber.BornInFutureError)]
    [InlineData("340104188912311234", ResidentIdNumber.BornTooEarlyError)]
    [InlineData("", ValidationErrors.Required)]
    public void Invalid_resident_ids_are_refused_with_the_reason(string id, string expected)
    {
        var input = Valid();
        input.IdNumber = id;

        Assert.Equal([expected], ErrorsOf(input, nameof(HeldPatientInput.IdNumber)));
    }

    [Fact]
    public void A_typo_in_one_digit_breaks_the_checksum()
    {
        var good = TestIds.Resident();
        var typo = good[..15] + (good[15] == '9' ? '0' : (char)(good[15] + 1)) + good[16..];
        var input = Valid();
        input.IdNumber = typo;

        Assert.Equal([ResidentIdNumber.ChecksumError], ErrorsOf(input, nameof(HeldPatientInput.IdNumber)));
    }

    [Theory]
    [InlineData(IdDocumentType.Passport, "E12345678", true)]
    [InlineData(IdDocumentType.HongKongMacauPermit, "h1234567801", true)]
    [InlineData(IdDocumentType.Passport, "E1", false)]
    [InlineData(IdDocumentType.Other, "有中文", false)]
    public void Other_documents_need_4_to_30_letters_or_digits(IdDocumentType type, string number, bool valid)
    {
        var input = Valid();
        input.IdDocumentType = type;
        input.IdNumber = number;

        Assert.Equal(valid, ErrorsOf(input, nameof(HeldPatientInput.IdNumber)).Count == 0);
    }

    [Theory]
    [InlineData("13812345678", true)]
    [InlineData("0551-62001001", true)]
    [InlineData("055162001001", true)]
    [InlineData("12812345678", false)]
    [InlineData("1381234567", false)]
    [InlineData("phone", false)]
    public void Phones_are_mobiles_or_landlines(string phone, bool valid)
    {
        var input = Valid();
        input.Phone = phone;

        Assert.Equal(valid, ErrorsOf(input, nameof(HeldPatientInput.Phone)).Count == 0);
    }

    [Theory]
    [InlineData("100", null)]
    [InlineData("0.00", null)]
    [InlineData("1,280.5", null)]
    [InlineData("-5", HeldPatientRules.AmountNegative)]
    [InlineData("12.345", HeldPatientRules.AmountFormat)]
    [InlineData("abc", HeldPatientRules.AmountFormat)]
    public void Amounts_are_yuan_with_two_decimals_and_not_negative(string amount, string? expected)
    {
        var input = Valid();
        input.Amount = amount;

        Assert.Equal(expected is null ? [] : [expected], ErrorsOf(input, nameof(HeldPatientInput.Amount)));
    }

    [Fact]
    public void Discharge_before_admission_is_refused()
    {
        var input = Valid();
        input.Category = HeldPatientCategory.InpatientDischargedDuringOutage;
        input.AdmittedAt = "2021-12-05 10:00";
        input.DischargedAt = "2021-12-04 10:00";

        Assert.Contains(HeldPatientRules.DischargeBeforeAdmission, ErrorsOf(input, nameof(HeldPatientInput.DischargedAt)));
    }

    [Theory]
    [InlineData(HeldPatientCategory.InpatientSpanningOutage, "AdmittedAt", "2021-11-30 18:00", HeldPatientRules.AdmittedBeforeStop)]
    [InlineData(HeldPatientCategory.InpatientSpanningOutage, "AdmittedAt", "2021-11-30 17:59", null)]
    [InlineData(HeldPatientCategory.InpatientAdmittedDuringOutage, "AdmittedAt", "2021-11-30 17:59", HeldPatientRules.DuringOutage)]
    [InlineData(HeldPatientCategory.InpatientAdmittedDuringOutage, "AdmittedAt", "2021-12-12 08:00", HeldPatientRules.DuringOutage)]
    [InlineData(HeldPatientCategory.OutpatientAdvance, "VisitAt", "2021-12-11 20:00", null)]
    [InlineData(HeldPatientCategory.OutpatientAdvance, "VisitAt", "2021-12-13 09:00", HeldPatientRules.DuringOutage)]
    [InlineData(HeldPatientCategory.MaternityOrSingleDisease, "AdmittedAt", "2021-12-12 09:00", HeldPatientRules.BeforeGoLive)]
    public void Times_must_agree_with_the_regions_stop_and_go_live(HeldPatientCategory category, string field, string time, string? expected)
    {
        var input = Valid();
        input.Category = category;
        input.AdmittedAt = field == "AdmittedAt" ? time : null;
        input.VisitAt = field == "VisitAt" ? time : null;

        var errors = ErrorsOf(input, field).Select(e => e.Split("(")[0]).ToList();

        Assert.Equal(expected is null ? [] : [expected], errors);
    }

    [Theory]
    [InlineData("2021-12-03 10:15")]
    [InlineData("2021/12/3 10:15")]
    [InlineData("20211203 1015")]
    [InlineData("2021-12-03")]
    public void Common_ways_of_typing_a_time_are_understood(string text)
    {
        var input = Valid();
        input.AdmittedAt = text;

        Assert.Empty(ErrorsOf(input, nameof(HeldPatientInput.AdmittedAt)));
    }

    [Theory]
    [InlineData("2021-13-03 10:15", HeldPatientRules.TimeFormat)]
    [InlineData("yesterday", HeldPatientRules.TimeFormat)]
    [InlineData("2021-12-25 10:15", HeldPatientRules.TimeInFuture)]
    public void Unreadable_or_future_times_are_refused(string text, string expected)
    {
        var input = Valid();
        input.Category = HeldPatientCategory.InpatientSpanningOutage;
        input.AdmittedAt = text;

        Assert.Equal([expected], ErrorsOf(input, nameof(HeldPatientInput.AdmittedAt)));
    }

    [Fact]
    public void Each_category_requires_its_own_times_and_an_outpatient_advance_its_amount()
    {
        var discharged = new HeldPatientInput { Category = HeldPatientCategory.InpatientDischargedDuringOutage, PatientName = "李娜", IdNumber = TestIds.Resident() };
        var outpatient = new HeldPatientInput { Category = HeldPatientCategory.OutpatientAdvance, PatientName = "李娜", IdNumber = TestIds.Resident() };

        Assert.Equal([ValidationErrors.Required], ErrorsOf(discharged, nameof(HeldPatientInput.AdmittedAt)));
        Assert.Equal([ValidationErrors.Required], ErrorsOf(discharged, nameof(HeldPatientInput.DischargedAt)));
        Assert.Equal([ValidationErrors.Required], ErrorsOf(outpatient, nameof(HeldPatientInput.VisitAt)));
        Assert.Equal([ValidationErrors.Required], ErrorsOf(outpatient, nameof(HeldPatientInput.Amount)));
    }
}
