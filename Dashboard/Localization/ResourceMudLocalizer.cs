using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Dashboard.Localization;

/// <summary>
/// MudBlazor's own texts (pagers, tables, pickers, dialogs, aria labels) from the app's resources,
/// so they follow the UI language like everything else. A MudBlazor key such as
/// <c>MudTablePager_NextPage</c> is stored as <c>Mud_MudTablePager_NextPage</c>.
/// </summary>
internal sealed class ResourceMudLocalizer(IStringLocalizer<SharedResource> localizer) : MudLocalizer
{
    public const string Prefix = "Mud_";

    public override LocalizedString this[string key] => Translate(key, localizer[Prefix + key]);

    public override LocalizedString this[string key, params object[] arguments] => Translate(key, localizer[Prefix + key, arguments]);

    // MudBlazor falls back to its built-in English when a key is reported as not found.
    private static LocalizedString Translate(string key, LocalizedString text) =>
        new(key, text.Value, text.ResourceNotFound, text.SearchedLocation);
}
