namespace Dashboard.Core.Access;

public enum CommandStatus
{
    Ok,
    /// <summary>No such record in the caller's scope (existence is not revealed).</summary>
    NotFound,
    /// <summary>The caller's role may not do this at all.</summary>
    Forbidden,
    /// <summary>Input was rejected; <see cref="CommandResult.Errors"/> says why, per field.</summary>
    Invalid,
    /// <summary>Someone else saved the record first; reload and try again.</summary>
    Conflict,
}

/// <summary>
/// The outcome of a command. Errors are messages (localized by the UI) per field; the empty
/// field name is for the form as a whole.
/// </summary>
public sealed record CommandResult(CommandStatus Status, IReadOnlyDictionary<string, Message[]> Errors)
{
    private static readonly IReadOnlyDictionary<string, Message[]> NoErrors = new Dictionary<string, Message[]>();

    public bool Succeeded => Status == CommandStatus.Ok;

    public static CommandResult Ok() => new(CommandStatus.Ok, NoErrors);

    public static CommandResult NotFound() => new(CommandStatus.NotFound, NoErrors);

    public static CommandResult Forbidden() => new(CommandStatus.Forbidden, NoErrors);

    public static CommandResult Conflict() => new(CommandStatus.Conflict, NoErrors);

    public static CommandResult Invalid(string field, Message message) =>
        new(CommandStatus.Invalid, new Dictionary<string, Message[]> { [field] = [message] });

    public static CommandResult Invalid(IReadOnlyDictionary<string, Message[]> errors) => new(CommandStatus.Invalid, errors);
}

/// <summary>A command result that carries a value on success (a new id, a one-time password).</summary>
public sealed record CommandResult<T>(CommandResult Result, T? Value)
{
    public bool Succeeded => Result.Succeeded;

    public static implicit operator CommandResult<T>(CommandResult result) => new(result, default);
}
