using Microsoft.AspNetCore.Localization;

namespace Dashboard.Localization;

internal static class CultureEndpoints
{
    /// <summary>
    /// <c>GET /culture/set?culture=en&amp;redirectUri=/regions/hefei</c> remembers the choice in a
    /// cookie for a year and returns to the page. Only local redirects are followed.
    /// </summary>
    public static void MapCultureEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/culture/set", (string? culture, string? redirectUri, HttpContext context) =>
        {
            if (culture is null || !UiCultures.Supported.Contains(culture))
            {
                return Results.BadRequest();
            }

            // Max-Age, not Expires: the browser counts the year from its own clock, so a server clock that
            // differs from the browser's (a test clock, a badly set server) cannot make the choice expire at once.
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(Security.LocalUrl.OrDefault(redirectUri));
        });
    }
}
