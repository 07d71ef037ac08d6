namespace Dashboard.Components.Shared;

/// <summary>
/// How much a text box takes from the browser. Every box needs a cap: MudBlazor's default (524,288
/// characters) lets a paste grow past the connection's message limit (256 KB, about 85,000 Chinese
/// characters), and the connection then drops the paste and reconnects, with nothing said next to the box.
/// </summary>
public static class InputCap
{
    /// <summary>
    /// A box whose rule has a length limit: the browser is not told that limit (it would cut a paste
    /// silently) but ten times it, so the rule's own message says what is too long.
    /// </summary>
    public static int For(int ruleLimit) => Math.Max(ruleLimit * 10, 500);

    /// <summary>A search or filter box: nothing longer is a useful search, and the browser cutting it loses nothing.</summary>
    public const int Search = 200;
}
