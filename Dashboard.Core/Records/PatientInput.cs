namespace Dashboard.Core.Records;

/// <summary>Who a record is about, as an entry form types it: the same three fields on every kind of record.</summary>
public interface IPatientInput
{
    string PatientName { get; set; }

    IdDocumentType IdDocumentType { get; set; }

    string IdNumber { get; set; }
}

public static class PatientInput
{
    /// <summary>The input with the saved record's patient filled in, for editing the record.</summary>
    public static TInput WithPatientOf<TInput>(this TInput input, PatientRecord record)
        where TInput : IPatientInput
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(record);
        input.PatientName = record.PatientName;
        input.IdDocumentType = record.IdDocumentType;
        input.IdNumber = record.IdNumber;
        return input;
    }
}
