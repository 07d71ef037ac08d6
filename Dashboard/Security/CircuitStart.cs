using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace Dashboard.Security;

/// <summary>
/// Whether a page renders inside a circuit still at the address it was started for. That page was
/// already rendered once, by the HTTP request whose response started the circuit (the prerender), and
/// audited what it found missing or refused there; its interactive render must not audit the same
/// visit again, while a page reached by navigating inside the circuit has had no request and must.
/// <c>Routes</c> creates it and says whether it renders interactively, before any page renders, so
/// it sees every navigation after the first page; anywhere else (no Routes) every miss is audited.
/// </summary>
internal sealed class CircuitStart : IDisposable
{
    private readonly NavigationManager _navigation;
    private bool _interactive;
    private bool _atStartAddress = true;

    public CircuitStart(NavigationManager navigation)
    {
        _navigation = navigation;
        _navigation.LocationChanged += OnLocationChanged;
    }

    /// <summary>Whether a page should audit a record it did not find: not if the prerender of this same visit already did.</summary>
    public bool ShouldAuditMiss => !(_interactive && _atStartAddress);

    /// <summary>Called by <c>Routes</c> as it initializes: in the prerender (false) or in the circuit (true).</summary>
    public void Started(bool interactive) => _interactive = interactive;

    public void Dispose() => _navigation.LocationChanged -= OnLocationChanged;

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _atStartAddress = false;
}
