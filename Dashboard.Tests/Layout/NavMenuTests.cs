using Bunit;
using Dashboard.Tests.Board;
using Dashboard.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Layout;

/// <summary>The side menu: the links a role may follow, and the one for the page shown marked as current.</summary>
public sealed class NavMenuTests : BoardTestContext
{
    [Fact]
    public async Task A_supervisor_sees_the_board_marked_as_the_current_page_and_the_mark_follows_a_navigation()
    {
        await SignInAsync("supervisor");
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("board?trouble=1");
        var menu = Render<NavMenu>();

        Assert.Equal(["board"], Current(menu));

        // The regions come from the database after the first render, as a person sees them appear.
        menu.WaitForAssertion(() => Assert.NotEmpty(menu.FindAll("a[href='regions/hefei']")));
        Assert.Empty(menu.FindAll("a[href='admin/users']"));

        navigation.NavigateTo("regions/hefei");
        menu.WaitForAssertion(() => Assert.Equal(["regions/hefei"], Current(menu)));

        navigation.NavigateTo("");
        menu.WaitForAssertion(() => Assert.Equal([""], Current(menu)));
    }

    [Fact]
    public async Task A_desk_has_its_own_facility_and_record_links_and_no_board()
    {
        await SignInAsync("desk", "BillingDesk");
        Services.GetRequiredService<NavigationManager>().NavigateTo("held-patients/new?entry=0123456789abcdef");
        var menu = Render<NavMenu>();

        Assert.Equal(["held-patients"], Current(menu));
        Assert.Empty(menu.FindAll("a[href='board']"));
        Assert.Single(menu.FindAll("a[href^='facilities']"));
    }

    private static List<string> Current(IRenderedComponent<NavMenu> menu) =>
        [.. menu.FindAll("a[aria-current='page']").Select(a => a.GetAttribute("href") ?? "")];
}
