namespace Dashboard.Core.Plans;

public sealed record RegionOption(int Id, string Code, LocalizedText Name);
