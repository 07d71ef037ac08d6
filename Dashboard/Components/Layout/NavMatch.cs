using Microsoft.AspNetCore.Components.Routing;

namespace Dashboard.Components.Layout;

/// <summary>Whether a menu link names the page shown: NavLink's rule, on the path alone (a query or fragment does not change the page).</summary>
public static class NavMatch
{
    public static bool IsCurrent(Uri link, Uri current, NavLinkMatch match)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(current);
        var linkPath = link.GetLeftPart(UriPartial.Path).TrimEnd('/');
        var currentPath = current.GetLeftPart(UriPartial.Path).TrimEnd('/');
        if (string.Equals(linkPath, currentPath, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return match == NavLinkMatch.Prefix
            && currentPath.StartsWith(linkPath + "/", StringComparison.OrdinalIgnoreCase);
    }
}
