using Dashboard.Core.Validation;

namespace Dashboard.Components.Records;

/// <summary>What a field needs from its form: the messages to show under it, and a way to say it changed.</summary>
public interface IFieldErrors
{
    IReadOnlyList<Message> ErrorsFor(string field);

    void Touch(string field);
}

/// <summary>
/// An entry form's state: the input as typed, which fields the user has touched, and the rule
/// check run on every change, so errors show as the user types but not before they start.
/// One type for every record form (held patients, paper forms).
/// </summary>
public sealed class RecordFormState<TInput, TValues>(TInput input, Func<TInput, (ValidationErrors Errors, TValues? Values)> validate) : IFieldErrors
    where TInput : class
    where TValues : class
{
    private readonly HashSet<string> _touched = [];
    private IReadOnlyDictionary<string, Message[]> _errors = new Dictionary<string, Message[]>();
    private bool _showAll;

    public TInput Input { get; private set; } = input;

    /// <summary>The parsed values when the input is valid, otherwise null.</summary>
    public TValues? Values { get; private set; }

    /// <summary>Errors the server returned for the last save, shown until the field changes.</summary>
    public IReadOnlyDictionary<string, Message[]> ServerErrors { get; set; } = new Dictionary<string, Message[]>();

    /// <summary>Raised after the user changed a field and the input was checked again.</summary>
    public event Action? Changed;

    public void Touch(string field)
    {
        _touched.Add(field);
        if (ServerErrors.ContainsKey(field))
        {
            ServerErrors = ServerErrors.Where(e => e.Key != field).ToDictionary();
        }

        Revalidate();
        Changed?.Invoke();
    }

    /// <summary>On a save attempt every error shows, touched or not.</summary>
    public bool ValidateAll()
    {
        _showAll = true;
        Revalidate();
        return Values is not null;
    }

    public void Revalidate()
    {
        ValidationErrors errors;
        (errors, var values) = validate(Input);
        _errors = errors.ToDictionary();
        Values = errors.Any ? null : values;
    }

    /// <summary>The messages to show for a field, or none.</summary>
    public IReadOnlyList<Message> ErrorsFor(string field)
    {
        var shown = new List<Message>();
        if ((_showAll || _touched.Contains(field)) && _errors.TryGetValue(field, out var keys))
        {
            shown.AddRange(keys);
        }

        if (ServerErrors.TryGetValue(field, out var server))
        {
            shown.AddRange(server.Except(shown));
        }

        return shown;
    }

    /// <summary>Every field with an error to show, in the order the rules reported them.</summary>
    public IEnumerable<string> FieldsWithErrors() =>
        _errors.Keys.Where(f => _showAll || _touched.Contains(f)).Concat(ServerErrors.Keys).Distinct();

    /// <summary>Replaces the whole input (a restored draft, a fresh entry). Not a user edit: <see cref="Changed"/> is not raised.</summary>
    public void Replace(TInput replacement)
    {
        Input = replacement;
        _touched.Clear();
        _showAll = false;
        ServerErrors = new Dictionary<string, Message[]>();
        Revalidate();
    }
}
