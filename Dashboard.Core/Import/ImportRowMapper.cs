using System.Reflection;

namespace Dashboard.Core.Import;

/// <summary>
/// Fills an entry form's input from a sheet row, as if a desk had typed each cell into its field:
/// text as text (the form's rules then judge it), a list cell by its label in any UI language or
/// its value's name. A list cell that is none of its values is this row's error; nothing else is judged here.
/// </summary>
public static class ImportRowMapper
{
    public const string UnknownChoice = "Import_UnknownChoice";

    public static (TInput Input, IReadOnlyDictionary<string, Message[]> Errors) Map<TInput>(ImportRow row, IReadOnlyList<ImportColumn> columns, ImportTexts texts)
        where TInput : new()
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(texts);
        var input = new TInput();
        var errors = new ValidationErrors();
        foreach (var column in columns)
        {
            var property = typeof(TInput).GetProperty(column.Field, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new InvalidOperationException($"{typeof(TInput).Name} has no {column.Field}.");
            var text = row.Cells.GetValueOrDefault(column.Field);
            if (column.Kind != ImportCellKind.Choice)
            {
                property.SetValue(input, text ?? (property.PropertyType == typeof(string) && !IsNullable(property) ? "" : null));
            }
            else if (text is null)
            {
                errors.Add(column.Field, ValidationErrors.Required);
            }
            else if (column.Choices.FirstOrDefault(c => Matches(c, text, texts)) is { } choice)
            {
                property.SetValue(input, property.PropertyType == typeof(bool) ? bool.Parse(choice.Value) : Enum.Parse(property.PropertyType, choice.Value));
            }
            else
            {
                errors.Add(column.Field, new Message(UnknownChoice, text, string.Join("、", column.Choices.Select(c => texts.Text(c.LabelKey)))));
            }
        }

        return (input, errors.ToDictionary());
    }

    private static bool Matches(ImportChoice choice, string text, ImportTexts texts) =>
        string.Equals(choice.Value, text, StringComparison.OrdinalIgnoreCase) || texts.AllOf(choice.LabelKey).Contains(text, StringComparer.OrdinalIgnoreCase);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<PropertyInfo, bool> Nullable = new();

    private static bool IsNullable(PropertyInfo property) =>
        Nullable.GetOrAdd(property, p => new NullabilityInfoContext().Create(p).WriteState == NullabilityState.Nullable);
}
