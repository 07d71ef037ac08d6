namespace Dashboard.Core.Validation;

/// <summary>
/// What to tell the user, as a resource key and the values to put into it (a time, a length, a
/// form number). Core never formats text for people; the UI localizes the key with the arguments.
/// </summary>
public sealed class Message : IEquatable<Message>
{
    public Message(string key, params IReadOnlyList<string> args)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(args);
        Key = key;
        Args = args;
    }

    public string Key { get; }

    public IReadOnlyList<string> Args { get; }

    /// <summary>A message without arguments, from its key.</summary>
    public static implicit operator Message(string key) => FromKey(key);

    public static Message FromKey(string key) => new(key);

    public bool Equals(Message? other) => other is not null && Key == other.Key && Args.SequenceEqual(other.Args);

    public override bool Equals(object? obj) => Equals(obj as Message);

    public override int GetHashCode() => HashCode.Combine(Key, Args.Count);

    /// <summary>For logs and test failures: the key with its arguments.</summary>
    public override string ToString() => Args.Count == 0 ? Key : $"{Key}({string.Join(", ", Args)})";
}
