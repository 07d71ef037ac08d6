using Dashboard.Core.HeldPatients;
using Dashboard.Core.Validation;

namespace Dashboard.Components.Pages.HeldPatients;

/// <summary>
/// The entry form's state: the input as typed, which fields the user has touched, and the rule
/// check run on every change, so errors show as the user types but not before they start.
/// </summary>
public sealed class HeldPatientFormState(HeldPatientInput input, Func<HeldPatientRuleContext> rules)
{
    private readonly HashSet<string> _touched = [];
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    private bool _showAll;

    public HeldPatientInput Input { get; private set; } = input;

    public HeldPatientValues? Values { get; private set; }

    /// <summary>Errors the server returned for the last save, shown until the field changes.</summary>
    public IReadOnlyDictionary<string, string[]> ServerErrors { get; set; } = new Dictionary<string, string[]>();

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
        (errors, var values) = HeldPatientRules.Validate(Input, rules());
        _errors = errors.ToDictionary();
        Values = values;
    }

    /// <summary>The message keys to show for a field (with "::" arguments), or none.</summary>
    public IReadOnlyList<string> ErrorsFor(string field)
    {
        var shown = new List<string>();
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

    public bool HasValidIdentity => !_errors.ContainsKey(nameof(HeldPatientInput.IdNumber)) && Input.IdNumber.Length > 0;

    /// <summary>Starts a fresh entry, keeping what a desk repeats (category, insurance type, department).</summary>
    public void ResetKeepingDefaults() =>
        Replace(new HeldPatientInput { Category = Input.Category, InsuranceType = Input.InsuranceType, Department = Input.Department });

    /// <summary>Replaces the whole input (a restored draft, a fresh entry). Not a user edit: <see cref="Changed"/> is not raised.</summary>
    public void Replace(HeldPatientInput input)
    {
        Input = input;
        _touched.Clear();
        _showAll = false;
        ServerErrors = new Dictionary<string, string[]>();
        Revalidate();
    }
}
