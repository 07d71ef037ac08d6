namespace Dashboard;

/// <summary>Marker for the UI's string resources (Resources/SharedResource*.resx).</summary>
public sealed class SharedResource;
