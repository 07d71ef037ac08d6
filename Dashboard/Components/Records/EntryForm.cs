namespace Dashboard.Components.Records;

/// <summary>
/// What a record form cascades to its fields: where their errors come from, the labels they show
/// (so a failed save can name the fields to fix), and the save that Enter in a field triggers.
/// </summary>
public sealed class EntryForm(IFieldErrors errors, Func<Task> submit)
{
    private readonly Dictionary<string, string> _labels = [];

    public IFieldErrors Errors => errors;

    public Task SubmitAsync() => submit();

    public void RegisterLabel(string field, string label) => _labels[field] = label;

    public string? LabelOf(string field) => _labels.GetValueOrDefault(field);
}

/// <summary>
/// The value a record form cascades to its fields, new on every render of the form: a field's
/// message can depend on other fields (a discharge before the admission), so every field renders
/// again whenever the form does, not only the one that changed.
/// </summary>
public sealed record EntryFields(EntryForm Form, long Generation);
