using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dashboard.Tests.Infrastructure;

/// <summary>Signs in over plain HTTP the way the browser's login form does (with its antiforgery token).</summary>
internal static partial class FormLogin
{
    public static HttpClient CreateBrowserLikeClient(this WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Posts the login form (of the page opened with <paramref name="returnUrl"/>, if any); returns the response (a redirect on success).</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var url = returnUrl is null ? "/account/login" : "/account/login?returnUrl=" + returnUrl;
        var form = await client.GetStringAsync(url);
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(url, content);
    }

    public static async Task SignInAsync(this HttpClient client, string userName, string password)
    {
        using var response = await client.PostLoginAsync(userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed: {response.StatusCode}");
        }
    }

    /// <summary>
    /// Posts a static form the way its page does: the antiforgery token from <paramref name="page"/>,
    /// then <paramref name="fields"/> to <paramref name="action"/> (the page itself if null).
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string page, IDictionary<string, string> fields, string? action = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var form = await client.GetStringAsync(page);
        var values = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryToken().Match(form).Groups[1].Value),
        };
        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(action ?? page, content);
    }

    /// <summary>Changes the password on the change-password page; returns the page's answer.</summary>
    public static Task<HttpResponseMessage> PostPasswordChangeAsync(this HttpClient client, string current, string newPassword) =>
        client.PostFormAsync("/account/password", new Dictionary<string, string>
        {
            ["_handler"] = "change-password",
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });

    /// <summary>Signs out with the user menu's form (a token from a page any signed-in user may open).</summary>
    public static Task<HttpResponseMessage> PostLogoutAsync(this HttpClient client, bool everywhere = false) =>
        client.PostFormAsync("/account/password", new Dictionary<string, string>
        {
            ["returnUrl"] = "/",
            ["everywhere"] = everywhere ? "true" : "false",
        }, "/account/logout");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
