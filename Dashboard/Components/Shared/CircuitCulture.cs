using System.Globalization;

namespace Dashboard.Components.Shared;

/// <summary>
/// The language of the person a component renders for, taken when the component is made. Live updates
/// arrive on the thread of whoever caused them (a save publishes its region; Blazor runs the update
/// inline, under that person's culture): a Chinese supervisor's save re-rendered an English board in
/// Chinese. <see cref="Run"/> renders the update in the circuit's own language and gives the thread its own back.
/// </summary>
public sealed class CircuitCulture
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public void Run(Action update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
        try
        {
            update();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    public async Task RunAsync(Func<Task> update)
    {
        ArgumentNullException.ThrowIfNull(update);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
        await update();
    }
}
