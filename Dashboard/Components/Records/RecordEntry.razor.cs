using Dashboard.Components.Shared;
using Dashboard.Core.Access;
using Dashboard.Time;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Components.Records;

/// <summary>
/// The one entry form shell for every record kind: restores the form instance's draft, keeps it
/// as the user types, checks before saving (and asks for an explicit confirmation when needed),
/// saves, and reports the outcome. The record kind supplies its fields, rules and save.
/// </summary>
public sealed partial class RecordEntry<TInput, TValues> : IDisposable
    where TInput : class
    where TValues : class
{
    private EntryForm _form = default!;
    private DraftAutosave<TInput>? _autosave;
    private bool _ready;
    private DateTime? _restoredDraft;
    private RenderFragment? _confirmation;
    private bool _confirmationAddsAnother;
    private ElementReference _confirmationRef;
    private bool _focusConfirmation;
    private string? _problem;
    private bool _saving;
    private bool _conflict;
    private int _entryNumber;
    private long _generation;

    [Parameter, EditorRequired] public RecordFormState<TInput, TValues> State { get; set; } = default!;

    [Parameter, EditorRequired] public AccessScope Scope { get; set; } = default!;

    /// <summary>This form instance's draft, e.g. "held-patient:new:&lt;tab's entry id&gt;".</summary>
    [Parameter, EditorRequired] public string DraftKey { get; set; } = "";

    [Parameter, EditorRequired] public TimeZoneInfo TimeZone { get; set; } = default!;

    [Parameter, EditorRequired] public RenderFragment Fields { get; set; } = default!;

    [Parameter] public RenderFragment? Intro { get; set; }

    /// <summary>Saves the values; returns the result, and the record id when one was created.</summary>
    [Parameter, EditorRequired] public Func<TInput, Task<CommandResult<int>>> OnSave { get; set; } = default!;

    /// <summary>A check before saving valid values (e.g. possible duplicates): what to show, or null to save.</summary>
    [Parameter] public Func<TValues, Task<RenderFragment?>>? ConfirmBeforeSave { get; set; }

    /// <summary>The text of the "saved" message for an input.</summary>
    [Parameter, EditorRequired] public Func<TInput, string> SavedMessage { get; set; } = default!;

    [Parameter] public EventCallback<int> OnSaved { get; set; }

    [Parameter] public bool AllowAddAnother { get; set; }

    /// <summary>The next entry after "save and add another": keeps what a desk repeats.</summary>
    [Parameter] public Func<TInput, TInput>? NextEntry { get; set; }

    /// <summary>A fresh input, for discarding a restored draft.</summary>
    [Parameter, EditorRequired] public Func<TInput> FreshInput { get; set; } = default!;

    /// <summary>Called when an entry starts with defaults (fresh, discarded, or the next one), to fill e.g. a default time.</summary>
    [Parameter] public EventCallback OnEntryStarted { get; set; }

    [Parameter] public string CancelHref { get; set; } = "";

    /// <summary>After a conflict: load the latest saved values (the user's unsaved edits are dropped).</summary>
    [Parameter] public EventCallback OnReload { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _form = new EntryForm(State, SubmitFromFieldAsync);
        _autosave = new DraftAutosave<TInput>(Drafts, Scope, DraftKey, Clock, LoggerFactory.CreateLogger("Dashboard.Drafts"));
        _autosave.FailingChanged += OnDraftStatusChanged;

        // The fields appear only once the draft is known: typing into fields that a late draft
        // then replaces would lose keystrokes.
        if (await _autosave.LoadAsync() is { } draft)
        {
            State.Replace(draft.Value);
            _restoredDraft = draft.UpdatedUtc;
        }
        else
        {
            await OnEntryStarted.InvokeAsync();
        }

        State.Changed += OnChanged;
        _ready = true;
    }

    private EntryFields NextFields() => new(_form, ++_generation);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_focusConfirmation)
        {
            // Focus moves to the warning itself, not to a button: a second Enter must not confirm it.
            _focusConfirmation = false;
            await _confirmationRef.FocusAsync();
        }
    }

    private void OnChanged()
    {
        _problem = null;
        _confirmation = null;
        _autosave!.Schedule(State.Input);
        StateHasChanged();
    }

    private void OnDraftStatusChanged() => _ = InvokeAsync(StateHasChanged);

    private async Task DiscardDraftAsync()
    {
        await _autosave!.DiscardAsync();
        _restoredDraft = null;
        await StartEntryAsync(FreshInput());
    }

    private async Task StartEntryAsync(TInput input)
    {
        State.Replace(input);
        _confirmation = null;
        _problem = null;
        _entryNumber++;
        await OnEntryStarted.InvokeAsync();
    }

    private Task SaveAsync(bool addAnother) => SaveAsync(addAnother, confirmed: false);

    /// <summary>Enter in a field: the event belongs to the field, so this form renders its outcome itself.</summary>
    private async Task SubmitFromFieldAsync()
    {
        var saving = SaveAsync(addAnother: false);
        StateHasChanged();
        await saving;
        StateHasChanged();
    }

    private Task ConfirmAsync() => SaveAsync(_confirmationAddsAnother, confirmed: true);

    private async Task SaveAsync(bool addAnother, bool confirmed)
    {
        if (_saving)
        {
            return;
        }

        _problem = null;
        if (!State.ValidateAll())
        {
            _confirmation = null;
            _problem = FixErrorsMessage();
            return;
        }

        _saving = true;
        try
        {
            if (!confirmed && ConfirmBeforeSave is not null && await ConfirmBeforeSave(State.Values!) is { } warning)
            {
                _confirmation = warning;
                _confirmationAddsAnother = addAnother;
                _focusConfirmation = true;
                return;
            }

            _confirmation = null;
            CommandResult<int> result;
            try
            {
                result = await OnSave(State.Input);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The service commits last, so an exception means nothing was saved; the input stays.
                LogSaveFailed(LoggerFactory.CreateLogger("Dashboard.Records"), ex);
                _problem = L["Entry_SaveFailed"];
                return;
            }

            await HandleResultAsync(result, addAnother);
        }
        finally
        {
            _saving = false;
        }
    }

    /// <summary>Names the fields to fix, so a refusal always says where, even for a field scrolled out of view.</summary>
    private string FixErrorsMessage()
    {
        var labels = State.FieldsWithErrors().Select(_form.LabelOf).OfType<string>().Distinct().ToList();
        var general = State.ErrorsFor("");
        var text = labels.Count == 0 ? L["HP_FixErrors"].Value : L["Entry_FixFields", string.Join(L["Entry_FieldSeparator"], labels)].Value;
        return general.Count == 0 ? text : $"{L.Localize(general)} {text}";
    }

    private async Task HandleResultAsync(CommandResult<int> result, bool addAnother)
    {
        switch (result.Result.Status)
        {
            case CommandStatus.Ok:
                Snackbar.Add(SavedMessage(State.Input), Severity.Success);
                await _autosave!.DiscardAsync();
                _restoredDraft = null;
                if (addAnother && NextEntry is not null)
                {
                    await StartEntryAsync(NextEntry(State.Input));
                }
                else
                {
                    await OnSaved.InvokeAsync(result.Value);
                }

                break;
            case CommandStatus.Invalid:
                State.ServerErrors = result.Result.Errors;
                _problem = FixErrorsMessage();
                break;
            case CommandStatus.Conflict:
                _problem = L["HP_Conflict"];
                _conflict = true;
                break;
            default:
                result.Result.Report(Snackbar, L, "Common_Saved");
                break;
        }
    }

    private async Task ReloadLatestAsync()
    {
        await _autosave!.DiscardAsync();
        await OnReload.InvokeAsync();
    }

    private static readonly Action<ILogger, Exception?> LogSaveFailedMessage =
        LoggerMessage.Define(LogLevel.Error, new EventId(1, "SaveFailed"), "Saving a record failed; the user's input was kept in the form.");

    private static void LogSaveFailed(ILogger logger, Exception ex) => LogSaveFailedMessage(logger, ex);

    public void Dispose()
    {
        State.Changed -= OnChanged;
        if (_autosave is not null)
        {
            _autosave.FailingChanged -= OnDraftStatusChanged;
            _autosave.Dispose();
        }
    }
}
