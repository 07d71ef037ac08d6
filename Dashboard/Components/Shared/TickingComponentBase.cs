using Dashboard.Time;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Components.Shared;

/// <summary>
/// A page whose text depends on the clock. It listens to the circuit's one ticker once it is
/// interactive and stops listening when the user leaves, so nothing ticks for a closed page.
/// </summary>
public abstract class TickingComponentBase : ComponentBase, IDisposable
{
    private IDisposable? _subscription;

    [Inject] protected CircuitTicker Ticker { get; set; } = default!;

    /// <summary>The instant this render shows; advanced every tick.</summary>
    protected DateTimeOffset Now { get; private set; }

    protected override void OnInitialized() => Now = Ticker.Now;

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _subscription = Ticker.Subscribe(() => InvokeAsync(() =>
            {
                Now = Ticker.Now;
                StateHasChanged();
            }));
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
