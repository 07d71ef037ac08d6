using Dashboard.Core.HeldPatients;
using Dashboard.Core.Notifications;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Notifications;

/// <summary>
/// A facility's overdue count reaching a target's threshold is announced once, with the facility's name
/// and counts and nothing about the patients; falling below and reaching it again announces it again.
/// </summary>
public sealed class OverdueThresholdTests : NotificationTestBase
{
    private const string PatientName = "王秀英";

    [Fact]
    public async Task Reaching_the_threshold_is_announced_once_with_counts_and_no_personal_data()
    {
        await AddTargetAsync("rehearsal", WebhookKind.Generic, "/hooks/a", NotificationEvents.OverdueThreshold, threshold: 2);
        var past = Core.Clock.GetUtcNow().UtcDateTime.AddHours(-1);
        await Core.AddHeldAsync("REH-H01", PatientName, deadlineUtc: past);
        await Core.AddHeldAsync("REH-H01", "李四", deadlineUtc: past.AddDays(30));
        await ScanAndDeliverAsync();
        Assert.Empty(await MessagesAsync());

        var formId = await Core.AddFormAsync("REH-H01", "赵六", deadlineUtc: past);
        await ScanAndDeliverAsync();
        await Core.AddHeldAsync("REH-H01", "钱七", deadlineUtc: past);
        await ScanAndDeliverAsync();

        var request = Assert.Single(Receiver.Requests);
        var facility = request.Json.GetProperty("facility");
        Assert.Equal("facilityOverdueThreshold", request.Json.GetProperty("event").GetString());
        Assert.Equal(("演练市第一人民医院", 2, 3, 2), (
            facility.GetProperty("name").GetString(), facility.GetProperty("overdue").GetInt32(),
            facility.GetProperty("outstanding").GetInt32(), facility.GetProperty("threshold").GetInt32()));
        await AssertNoPersonalDataAsync(request.Body);
        Assert.True(formId > 0);
    }

    [Fact]
    public async Task Falling_below_the_threshold_arms_it_again_for_every_kind_of_target()
    {
        await AddTargetAsync("rehearsal", WebhookKind.WeCom, "/cgi-bin/webhook/send?key=k", NotificationEvents.OverdueThreshold, threshold: 1);
        await AddTargetAsync("rehearsal", WebhookKind.DingTalk, "/robot/send?access_token=t", NotificationEvents.OverdueThreshold, threshold: 1);
        var past = Core.Clock.GetUtcNow().UtcDateTime.AddHours(-1);
        var first = await Core.AddHeldAsync("REH-H02", PatientName, deadlineUtc: past);
        await ScanAndDeliverAsync();
        await using (var db = Core.CreateDb())
        {
            var record = await db.HeldPatients.FindAsync(first);
            record!.Status = HeldPatientStatus.Closed;
            await db.SaveChangesAsync();
        }

        await ScanAndDeliverAsync();
        Core.Clock.Advance(TimeSpan.FromMinutes(5));
        await Core.AddHeldAsync("REH-H02", PatientName, deadlineUtc: past);
        await ScanAndDeliverAsync();

        Assert.Equal(4, Receiver.Requests.Count);
        Assert.All(Receiver.Requests, r => Assert.Contains("演练市中医医院", r.Body, StringComparison.Ordinal));
        foreach (var request in Receiver.Requests)
        {
            await AssertNoPersonalDataAsync(request.Body);
        }
    }

    /// <summary>No name, ID number or phone of any patient in the database appears in a payload.</summary>
    private async Task AssertNoPersonalDataAsync(string body)
    {
        await using var db = Core.CreateDb();
        var people = db.HeldPatients.Select(p => new { p.PatientName, p.IdNumber, p.Phone }).AsEnumerable()
            .Concat(db.PaperForms.Select(f => new { f.PatientName, f.IdNumber, Phone = (string?)null }).AsEnumerable()).ToList();
        Assert.NotEmpty(people);
        foreach (var person in people)
        {
            Assert.DoesNotContain(person.PatientName, body, StringComparison.Ordinal);
            Assert.DoesNotContain(person.IdNumber, body, StringComparison.Ordinal);
            if (!string.IsNullOrEmpty(person.Phone))
            {
                Assert.DoesNotContain(person.Phone, body, StringComparison.Ordinal);
            }
        }
    }
}
