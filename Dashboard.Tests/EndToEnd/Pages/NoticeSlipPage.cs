using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd.Pages;

/// <summary>A held patient's notice slip (/held-patients/{id}/notice) and its language toggle.</summary>
internal sealed class NoticeSlipPage(IPage page) : AppShell(page)
{
    /// <summary>The slip itself, the part that prints (an article named in the slip's language).</summary>
    public ILocator Slip => Page.GetByRole(AriaRole.Article);

    /// <summary>The line with the last day; a paragraph of the slip told apart by its place.</summary>
    public ILocator LastDay => Page.Locator(".notice-deadline");

    public ILocator QrCode => Page.GetByRole(AriaRole.Img, new() { Name = Ui.Text("Notice_QrCaption") });

    /// <summary>The address the QR code encodes, kept on its figure for checking.</summary>
    public Task<string?> QrUrlAsync() => Page.Locator(".notice-qr").GetAttributeAsync("data-url");

    public ILocator QrCaption(string culture) => Page.GetByText(Ui.In(culture, "Notice_QrCaption"), new() { Exact = true });

    public ILocator Language(string name) =>
        Page.GetByRole(AriaRole.Navigation, new() { Name = Ui.Text("Notice_Language") }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public ILocator Title => Page.GetByRole(AriaRole.Heading, new() { Name = Ui.Text("Notice_Title") });

    public ILocator Print => Button("Notice_Print");

    /// <summary>The buttons above the slip; the print style hides them.</summary>
    public ILocator Toolbar => Page.Locator(".print-toolbar");

    /// <summary>Opens the slip and waits until it is live (its language links work only then).</summary>
    public async Task OpenAsync(string recordUrl) => await Page.OpenAsync(recordUrl + "/notice");

    /// <summary>The slip's last-day sentence with any date and weekday: "请最迟于 2026 年 12 月 18 日（星期五）当天…".</summary>
    public static Regex LastDayLine(string culture) => Ui.Matching(culture, "Notice_ByWhen", DatePattern(culture));

    /// <summary>A written date with its weekday, as the slip and the patient page write it.</summary>
    public static string DatePattern(string culture) => culture == Ui.English
        ? @"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d{1,2} [A-Z][a-z]+ \d{4}"
        : @"\d{4} 年 \d{1,2} 月 \d{1,2} 日（星期[一二三四五六日]）";

    /// <summary>The slip printed to a PDF; the number of pages is in its /Count.</summary>
    public async Task<string> PrintToPdfAsync()
    {
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Microsoft.Playwright.Assertions.Expect(Toolbar).ToBeHiddenAsync();
        var pdf = await Page.PdfAsync(new() { PreferCSSPageSize = true });
        return System.Text.Encoding.Latin1.GetString(pdf);
    }
}

/// <summary>/regions/{code}/patients: the public page the slip's QR code opens, made for phones.</summary>
internal sealed class PatientInfoPage(IPage page) : AppShell(page)
{
    /// <summary>The phase in words; a chip in the phase section, which has no role of its own.</summary>
    public ILocator Phase => Page.Locator(".patient-phase .phase-chip");

    /// <summary>The go-live as the notice wrote it; the first line of its section.</summary>
    public ILocator GoLive => Page.Locator(".go-live-time");

    public ILocator LastDay => Page.Locator(".deadline-last-day");

    public ILocator WhatToBring => Page.Locator(".patient-bring");

    public static Regex AnyPhase(string culture) =>
        new("^(" + string.Join('|', new[] { "Preparation", "Outage", "CatchUp", "Closed" }.Select(p => Regex.Escape(Ui.In(culture, "Phase_" + p)))) + ")$");

    public static Regex LastDayLine(string culture) => Ui.Matching(culture, "Patients_DeadlineBy", NoticeSlipPage.DatePattern(culture));
}
