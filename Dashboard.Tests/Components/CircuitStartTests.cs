using Bunit;
using Dashboard.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Components;

/// <summary>
/// One visit to a missing or refused record is one audit row: the prerender audits it, the circuit's
/// first render of that same address does not, and every page reached inside the circuit does again.
/// (Checked in a browser while building it: a typed address, then in-circuit navigation, one row each.)
/// </summary>
public sealed class CircuitStartTests : BunitContext
{
    [Fact]
    public void Only_the_circuits_first_render_of_the_prerendered_address_skips_the_audit()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        using var prerender = new CircuitStart(navigation);
        using var circuit = new CircuitStart(navigation);
        using var elsewhere = new CircuitStart(navigation);

        prerender.Started(interactive: false);
        circuit.Started(interactive: true);

        Assert.True(prerender.ShouldAuditMiss);
        Assert.False(circuit.ShouldAuditMiss);
        Assert.True(elsewhere.ShouldAuditMiss);

        navigation.NavigateTo("/held-patients/999998");

        Assert.True(circuit.ShouldAuditMiss);
    }
}
