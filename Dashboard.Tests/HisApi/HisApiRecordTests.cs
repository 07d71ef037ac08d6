using System.Globalization;
using System.Net;
using System.Text.Json;
using Dashboard.Components.Shared;
using Dashboard.Core.Audit;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Persistence;
using Dashboard.Core.Plans;
using Dashboard.Localization;
using Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Tests.HisApi.HisApiRequests;

namespace Dashboard.Tests.HisApi;

/// <summary>
/// A hospital system creates and reads its facility's records with its key, held to the forms'
/// rules through the bulk intake, and sees nothing of another facility's.
/// </summary>
public abstract class HisApiRecordTestsBase(HisApiApp app)
{
    [Fact]
    public async Task A_created_held_patient_is_read_back_masked_listed_and_audited_as_the_key()
    {
        using var his = app.Client(app.KeyA);
        var idNumber = TestIds.Resident(birth: "19800101");

        using var created = await his.PostAsync(HeldPatientsPath(app.FacilityA), HisApiApp.Json(HeldPatient("接口患者", idNumber)));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await HisApiApp.ReadAsync(created)).GetProperty("id").GetInt32();
        Assert.Equal($"{HeldPatientsPath(app.FacilityA)}/{id}", created.Headers.Location!.OriginalString);
        var record = await HisApiApp.ReadAsync(await his.GetAsync($"{HeldPatientsPath(app.FacilityA)}/{id}"));
        Assert.Equal("接口患者", record.GetProperty("patientName").GetString());
        Assert.Equal(idNumber[..6] + "********" + idNumber[^4..], record.GetProperty("maskedIdNumber").GetString());
        Assert.Equal("139****5678", record.GetProperty("maskedPhone").GetString());
        Assert.DoesNotContain(idNumber, record.GetRawText(), StringComparison.Ordinal);
        var page = await HisApiApp.ReadAsync(await his.GetAsync(HeldPatientsPath(app.FacilityA) + "?page=1&pageSize=200"));
        Assert.Contains(page.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt32() == id);

        await using var db = CreateDb();
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == AuditActions.Create && a.EntityType == nameof(HeldPatient) && a.EntityId == id.ToString(CultureInfo.InvariantCulture));
        Assert.StartsWith("HIS A (API ", audit.UserName, StringComparison.Ordinal);
        Assert.Equal("BillingDesk", audit.Role);
        Assert.DoesNotContain(idNumber, audit.AfterJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Facility_As_key_cannot_create_list_or_read_at_B_and_Bs_record_answers_404()
    {
        using var hisB = app.Client(app.KeyB);
        using var createdAtB = await hisB.PostAsync(HeldPatientsPath(app.FacilityB), HisApiApp.Json(HeldPatient("乙院患者", TestIds.Resident(birth: "19810101"))));
        var idAtB = (await HisApiApp.ReadAsync(createdAtB)).GetProperty("id").GetInt32();
        using var hisA = app.Client(app.KeyA);

        using var create = await hisA.PostAsync(HeldPatientsPath(app.FacilityB), HisApiApp.Json(HeldPatient("越权", TestIds.Resident(birth: "19810102"))));
        using var list = await hisA.GetAsync(HeldPatientsPath(app.FacilityB));
        using var readThere = await hisA.GetAsync($"{HeldPatientsPath(app.FacilityB)}/{idAtB}");
        using var readHere = await hisA.GetAsync($"{HeldPatientsPath(app.FacilityA)}/{idAtB}");
        using var listHere = await hisA.GetAsync(HeldPatientsPath(app.FacilityA) + "?pageSize=200");

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.NotFound],
            new[] { create.StatusCode, list.StatusCode, readThere.StatusCode, readHere.StatusCode });
        Assert.All(new[] { create, list, readThere, readHere }, r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType!.MediaType));
        Assert.DoesNotContain("乙院患者", await readHere.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain((await HisApiApp.ReadAsync(listHere)).GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt32() == idAtB);
        await using var db = CreateDb();
        Assert.Equal(3, await db.AuditEvents.CountAsync(a => a.Action == AuditActions.ApiRequestRefused && a.AfterJson!.Contains("WrongFacility")
            && a.UserName.StartsWith("HIS A")));
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == AuditActions.AuthorizationFailed && a.EntityId == idAtB.ToString(CultureInfo.InvariantCulture)
            && a.UserName.StartsWith("HIS A")));
        Assert.False(await db.HeldPatients.AnyAsync(p => p.PatientName == "越权"));
    }

    [Theory]
    [InlineData("en", "en")]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.5", "zh-CN")]
    [InlineData(null, "en")]
    public async Task Refused_fields_carry_the_forms_own_messages_in_the_requested_language(string? acceptLanguage, string culture)
    {
        using var his = app.Client(app.KeyA, acceptLanguage);
        var body = HeldPatient("", TestIds.Resident(birth: "19820101")[..17]);
        body["phone"] = "12345";
        body["admittedAt"] = "2026-11-25 08:00";

        using var response = await his.PostAsync(HeldPatientsPath(app.FacilityA), HisApiApp.Json(body));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await HisApiApp.ReadAsync(response)).GetProperty("errors");
        var expected = await FormMessagesAsync(body, culture);
        Assert.Equal(expected.Keys.Order(), errors.EnumerateObject().Select(p => p.Name).Order());
        foreach (var (field, messages) in expected)
        {
            Assert.Equal(messages, errors.GetProperty(field).EnumerateArray().Select(m => m.GetString()!));
        }
    }

    [Fact]
    public async Task The_same_patient_with_an_overlapping_stay_is_refused_as_a_duplicate_naming_the_first()
    {
        using var his = app.Client(app.KeyA);
        var body = HeldPatient("重复患者", TestIds.Resident(birth: "19830101"));
        using var first = await his.PostAsync(HeldPatientsPath(app.FacilityA), HisApiApp.Json(body));
        var firstId = (await HisApiApp.ReadAsync(first)).GetProperty("id").GetInt32();

        using var again = await his.PostAsync(HeldPatientsPath(app.FacilityA), HisApiApp.Json(body));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        var message = (await HisApiApp.ReadAsync(again)).GetProperty("errors").GetProperty("idNumber")[0].GetString()!;
        Assert.Contains(firstId.ToString(CultureInfo.InvariantCulture), message, StringComparison.Ordinal);
        await using var db = CreateDb();
        Assert.Equal(1, await db.HeldPatients.CountAsync(p => p.PatientName == "重复患者"));
    }

    [Fact]
    public async Task A_batch_with_mixed_rows_writes_the_valid_ones_and_reports_the_others_by_row_and_field()
    {
        using var his = app.Client(app.KeyA);
        var bad = HeldPatient("坏行", TestIds.Resident(birth: "19840101"));
        bad["admittedAt"] = "not a time";
        var rows = new[] { HeldPatient("批量一", TestIds.Resident(birth: "19840102")), bad, HeldPatient("批量三", TestIds.Resident(birth: "19840103")) };

        using var response = await his.PostAsync(HeldPatientsPath(app.FacilityA) + "/batch", HisApiApp.Json(new { rows }));

        Assert.Equal(HttpStatusCode.MultiStatus, response.StatusCode);
        var result = await HisApiApp.ReadAsync(response);
        var ids = result.GetProperty("ids").EnumerateArray().ToList();
        Assert.Equal([JsonValueKind.Number, JsonValueKind.Null, JsonValueKind.Number], ids.Select(i => i.ValueKind));
        Assert.Equal(2, result.GetProperty("created").GetInt32());
        var refused = Assert.Single(result.GetProperty("refused").EnumerateArray());
        Assert.Equal(1, refused.GetProperty("row").GetInt32());
        Assert.True(refused.GetProperty("errors").TryGetProperty("admittedAt", out _));
        using var again = await his.PostAsync(HeldPatientsPath(app.FacilityA) + "/batch", HisApiApp.Json(new { rows }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal(3, (await HisApiApp.ReadAsync(again)).GetProperty("refused").GetArrayLength());
        await using var db = CreateDb();
        Assert.Equal(2, await db.HeldPatients.CountAsync(p => p.PatientName.StartsWith("批量")));
    }

    [Fact]
    public async Task Paper_forms_are_created_at_the_keys_facility_and_a_number_used_there_is_refused()
    {
        using var his = app.Client(app.KeyA);

        using var created = await his.PostAsync(PaperFormsPath(app.FacilityA) + "/batch",
            HisApiApp.Json(new { rows = new[] { PaperForm("API-0001"), PaperForm("API-0002", 401), PaperForm("API-0001", 402) } }));

        Assert.Equal(HttpStatusCode.MultiStatus, created.StatusCode);
        var result = await HisApiApp.ReadAsync(created);
        var id = result.GetProperty("ids")[0].GetInt32();
        Assert.True(result.GetProperty("refused")[0].GetProperty("errors").TryGetProperty("serialNumber", out _));
        var form = await HisApiApp.ReadAsync(await his.GetAsync($"{PaperFormsPath(app.FacilityA)}/{id}"));
        Assert.Equal(app.FacilityA, form.GetProperty("facilityId").GetInt32());
        Assert.Equal("API-0001", form.GetProperty("serialNumber").GetString());
        Assert.Equal(2, (await HisApiApp.ReadAsync(await his.GetAsync(PaperFormsPath(app.FacilityA)))).GetProperty("totalCount").GetInt32());
    }

    private DashboardDbContext CreateDb() => app.Factory.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContext();

    /// <summary>What the entry form says about the same input, per field, in <paramref name="culture"/>.</summary>
    private async Task<Dictionary<string, string[]>> FormMessagesAsync(Dictionary<string, object?> body, string culture)
    {
        var input = JsonSerializer.Deserialize<HeldPatientInput>(JsonSerializer.Serialize(body), new JsonSerializerOptions(JsonSerializerOptions.Web)
        {
            Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        })!;
        var plan = (await app.Factory.Services.GetRequiredService<CutoverPlanService>().GetPlanAsync("rehearsal"))!;
        var (errors, _) = HeldPatientRules.Validate(input, HeldPatientRuleContext.Of(plan, app.Clock.GetUtcNow()));
        var text = new CultureLocalizer(TestLocalizer.Create(), CultureInfo.GetCultureInfo(culture));
        return errors.ToDictionary().ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value.Select(text.Localize).ToArray());
    }
}

public sealed class HisApiRecordTests(HisApiApp app) : HisApiRecordTestsBase(app), IClassFixture<HisApiApp>;

/// <summary>The same requests against the app on PostgreSQL (issue 17).</summary>
public sealed class HisApiRecordTestsOnPostgres(PostgresHisApiApp app) : HisApiRecordTestsBase(app), IClassFixture<PostgresHisApiApp>;
