using Dashboard.Core.Facilities;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Dashboard.Core.Records.Intake;

/// <summary>What a batch looks up and derives around its rows: the model's child tables, the callers' facilities and plans.</summary>
public sealed partial class BulkIntake
{
    /// <summary>The record's own rows in other tables (a held patient's invoice numbers), from the model.</summary>
    private static List<INavigation> ChildCollections<TRecord>(DashboardDbContext db) =>
        db.Model.FindEntityType(typeof(TRecord))!.GetNavigations().Where(n => n.IsCollection).ToList();

    /// <summary>The record's rows in one of those tables, pointed at the record's id.</summary>
    private static IEnumerable<object> ChildrenOf(INavigation navigation, PatientRecord record)
    {
        if (navigation.GetGetter().GetClrValueUsingContainingEntity(record) is not System.Collections.IEnumerable children)
        {
            yield break;
        }

        var foreignKey = navigation.ForeignKey.Properties.Single().PropertyInfo!;
        foreach (var child in children)
        {
            foreignKey.SetValue(child, record.Id);
            yield return child;
        }
    }

    /// <summary>The batch's facilities that the caller sees and that are active; any other is refused row by row.</summary>
    private static async Task<Dictionary<int, Facility>> FacilitiesAsync(DashboardDbContext db, AccessScope scope, List<int> ids, CancellationToken cancellationToken) =>
        await db.For(scope).Facilities.AsNoTracking().Where(f => f.IsActive && ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);

    private async Task<Dictionary<int, RegionPlan?>> PlansAsync(IEnumerable<Facility> facilities, CancellationToken cancellationToken)
    {
        var result = new Dictionary<int, RegionPlan?>();
        foreach (var regionId in facilities.Select(f => f.RegionId).Distinct())
        {
            result[regionId] = await plans.GetPlanAsync(regionId, cancellationToken);
        }

        return result;
    }

    private static Dictionary<string, Message[]> One((string Field, Message Message) error) => new() { [error.Field] = [error.Message] };
}
