using Dashboard.Tools.Commands;

namespace Dashboard.Tools;

/// <summary>
/// The entry point. Not top-level statements: the tests see this project's internals next to the
/// app's public <c>Program</c>, and a second global <c>Program</c> would make that name ambiguous.
/// </summary>
internal static class ToolProgram
{
    public static Task<int> Main(string[] args) => ToolCommands.InvokeAsync(args, ToolContext.FromProcess(), Console.Out, Console.Error);
}
