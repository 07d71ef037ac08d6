namespace Dashboard.Core.Drafts;

/// <summary>
/// What a user has typed into a form and not saved yet, kept on the server so a dropped
/// connection or a closed tab loses nothing. One per user and form.
/// </summary>
public class FormDraft
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>The form, e.g. "held-patient:new" or "held-patient:42".</summary>
    public required string FormKey { get; set; }

    public required string Json { get; set; }

    public DateTime UpdatedUtc { get; set; }
}
