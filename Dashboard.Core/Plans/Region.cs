namespace Dashboard.Core.Plans;

/// <summary>A pooling region (统筹区) that cuts over as one.</summary>
public class Region
{
    public int Id { get; set; }

    /// <summary>Stable lower-case code used in URLs, for example <c>hefei</c>.</summary>
    public required string Code { get; set; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    /// <summary>A demo region whose plan is shifted to the present so countdowns are live.</summary>
    public bool IsRehearsal { get; set; }

    public int SortOrder { get; set; }

    public CutoverPlan? Plan { get; set; }
}
