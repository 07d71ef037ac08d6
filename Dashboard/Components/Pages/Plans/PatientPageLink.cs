namespace Dashboard.Components.Pages.Plans;

/// <summary>
/// The absolute address of a region's public patient page, as printed in the notice slip's QR code.
/// It names the region only: a code on paper that leaves the hospital carries no personal data.
/// </summary>
public static class PatientPageLink
{
    /// <param name="regionCode">The region whose page opens.</param>
    /// <param name="publicBaseUrl">Dashboard:PublicBaseUrl: where patients reach the app from outside.</param>
    /// <param name="appBaseUri">The address the clerk uses, when no public one is set.</param>
    public static string For(string regionCode, string? publicBaseUrl, string appBaseUri)
    {
        var root = string.IsNullOrWhiteSpace(publicBaseUrl) ? appBaseUri : publicBaseUrl.Trim();
        return $"{root.TrimEnd('/')}/regions/{Uri.EscapeDataString(regionCode)}/patients";
    }
}
