using Dashboard.Core.Persistence;
using Dashboard.Core.Records;
using Dashboard.Core.Access;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Seeding;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.HeldPatients;

/// <summary>The list's one search box finds a patient by invoice number however the number is written.</summary>
public class InvoiceSearchTests : SeededCoreTests
{
    public InvoiceSearchTests()
    {
    }

    protected InvoiceSearchTests(DatabaseProvider provider)
        : base(provider)
    {
    }

    private readonly string _id = TestIds.Resident(start: 660);

    private Task<AccessScope> Desk() => Core.ScopeOf(DemoAccounts.Desk.UserName);

    private async Task<List<string>> FindAsync(string search) =>
        (await Core.Get<HeldPatientQueries>().SearchAsync(await Desk(), new HeldPatientFilter(Search: search), 0, 10)).Items.Select(r => r.PatientName).ToList();

    private async Task LogAsync(string name, string idNumber, string invoices)
    {
        var result = await Core.Get<HeldPatientService>().CreateAsync(await Desk(), new HeldPatientInput
        {
            Category = HeldPatientCategory.InpatientSpanningOutage,
            PatientName = name,
            IdNumber = idNumber,
            AdmittedAt = "2026-11-20 09:30",
            InvoiceNumbers = invoices,
        });
        Assert.True(result.Succeeded, string.Join(", ", result.Result.Errors.SelectMany(e => e.Value)));
    }

    [Fact]
    public async Task An_invoice_number_with_letters_or_dashes_finds_its_owner()
    {
        await LogAsync("欧阳娜娜", _id, "FP2026001, 2026-000123");
        await LogAsync("赵磊", TestIds.Resident(start: 661), "FP2026002");

        Assert.Equal(["欧阳娜娜"], await FindAsync("FP2026001"));
        Assert.Equal(["欧阳娜娜"], await FindAsync(" fp2026001 "));
        Assert.Equal(["欧阳娜娜"], await FindAsync("2026-000123"));
        Assert.Equal(["赵磊"], await FindAsync("FP2026002"));
        Assert.Empty(await FindAsync("FP2026003"));
    }

    [Fact]
    public async Task Digits_still_find_id_endings_and_whole_invoices_and_names_still_match_by_prefix()
    {
        await LogAsync("欧阳娜娜", _id, "2026112000777");
        await LogAsync("John Smith", TestIds.Resident(start: 662), "FP-9");

        Assert.Equal(["欧阳娜娜"], await FindAsync(_id[^6..]));
        Assert.Equal(["欧阳娜娜"], await FindAsync("2026112000777"));
        Assert.Equal(["欧阳娜娜"], await FindAsync("欧阳"));
        Assert.Equal(["John Smith"], await FindAsync("John"));
        Assert.Equal(["John Smith"], await FindAsync("FP-9"));
    }
}

/// <summary>The same tests on PostgreSQL (issue 17).</summary>
public sealed class InvoiceSearchTestsOnPostgres() : InvoiceSearchTests(DatabaseProvider.PostgreSql);
