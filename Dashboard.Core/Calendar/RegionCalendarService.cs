using System.Globalization;
using Dashboard.Core.HeldPatients;
using Dashboard.Core.Live;

namespace Dashboard.Core.Calendar;

/// <summary>What an administrator fills in to adjust one day of a region's calendar.</summary>
public sealed class RegionCalendarDayInput
{
    /// <summary>The day as typed, "2020-09-23".</summary>
    public string Date { get; set; } = "";

    /// <summary>True: an extra day off; false: an extra working day.</summary>
    public bool IsOffDay { get; set; } = true;

    public string Reason { get; set; } = "";
}

/// <summary>One local adjustment as the region page lists it.</summary>
public sealed record RegionCalendarDayRow(int Id, DateOnly Date, bool IsOffDay, string Reason, string CreatedByName, DateTimeOffset CreatedUtc, long Version);

/// <summary>
/// Local adjustments of a region's working days (SPEC section 4: "administrators can add local overrides").
/// Everyone signed in reads them; administrators add and remove them. A change moves the region's
/// catch-up deadline and with it every held patient's and paper form's deadline, and the boards hear of it.
/// </summary>
public sealed class RegionCalendarService(
    IDbContextFactory<DashboardDbContext> dbFactory, RegionCalendars calendars, HeldPatientDeadlines deadlines, AuditTrail audit, TimeProvider clock,
    RegionActivity activity)
{
    public const string DateFormat = "Calendar_DateFormat";
    public const string YearMissing = "Calendar_YearMissing";
    public const string DuplicateDate = "Calendar_DuplicateDate";
    public const string AlreadyOff = "Calendar_AlreadyOff";
    public const string AlreadyWorking = "Calendar_AlreadyWorking";
    private const string EntityType = nameof(RegionCalendarDay);
    private const string DayFormat = "yyyy-MM-dd";

    /// <summary>The region's adjustments in force, by date; empty for an unknown region.</summary>
    public async Task<IReadOnlyList<RegionCalendarDayRow>> ListAsync(AccessScope scope, string regionCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(regionCode);
        var code = regionCode.Trim().ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var days = await db.RegionCalendarDays.AsNoTracking()
            .Where(d => d.Region!.Code == code && !d.IsRemoved)
            .OrderBy(d => d.Date)
            .ToListAsync(cancellationToken);
        return [.. days.Select(d => new RegionCalendarDayRow(
            d.Id, d.Date, d.IsOffDay, d.Reason, d.CreatedByName, new DateTimeOffset(d.CreatedUtc, TimeSpan.Zero), d.Version))];
    }

    public async Task<CommandResult<int>> AddAsync(AccessScope scope, string regionCode, RegionCalendarDayInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(regionCode);
        ArgumentNullException.ThrowIfNull(input);
        if (!scope.IsAdmin)
        {
            await audit.RecordDeniedAsync(scope, EntityType, regionCode, "create", cancellationToken);
            return CommandResult.Forbidden();
        }

        var code = regionCode.Trim().ToLowerInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var regionId = await db.Regions.Where(r => r.Code == code).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (regionId is not { } id)
        {
            return CommandResult.NotFound();
        }

        if (await ValidateAsync(db, id, input, cancellationToken) is { } refused)
        {
            return await RefusedAsync(scope, regionCode, input, refused, cancellationToken);
        }

        var day = new RegionCalendarDay
        {
            RegionId = id, Date = ParseDate(input.Date)!.Value, IsOffDay = input.IsOffDay, Reason = InputText.Line(input.Reason),
            CreatedByUserId = scope.UserId, CreatedByName = scope.UserName, CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        int created;
        try
        {
            created = await AuditedChange.InsertAsync(db, audit, scope, day, EntityType, d => d.Id, Snapshot, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another administrator saved the same day first: the unique index refused ours; say so as the check would have.
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            var again = await ValidateAsync(fresh, id, input, cancellationToken) ?? throw new InvalidOperationException("Saving the calendar day failed.");
            return await RefusedAsync(scope, regionCode, input, again, cancellationToken);
        }

        await AfterChangeAsync(id, cancellationToken);
        return new CommandResult<int>(CommandResult.Ok(), created);
    }

    /// <summary>Takes an adjustment back (kept, marked removed); <paramref name="version"/> is the one the administrator saw.</summary>
    public async Task<CommandResult> RemoveAsync(AccessScope scope, int dayId, long version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.IsAdmin)
        {
            await audit.RecordDeniedAsync(scope, EntityType, dayId, "remove", cancellationToken);
            return CommandResult.Forbidden();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var day = await db.RegionCalendarDays.FirstOrDefaultAsync(d => d.Id == dayId, cancellationToken);
        if (day is null)
        {
            return CommandResult.NotFound();
        }

        var result = await AuditedChange.SaveAsync(db, audit, scope, day, version, AuditActions.Deactivate, EntityType, dayId, Snapshot, d =>
        {
            // Removed by someone else already: nothing to change, and saying "removed" would hide that it was not us.
            if (d.IsRemoved)
            {
                return Task.FromResult<CommandResult?>(CommandResult.Conflict());
            }

            d.IsRemoved = true;
            return Task.FromResult<CommandResult?>(null);
        }, cancellationToken);
        if (result.Succeeded)
        {
            await AfterChangeAsync(day.RegionId, cancellationToken);
        }
        else
        {
            await audit.RecordAsync(scope.UserId, scope.UserName, scope.Role.ToString(), scope.ClientAddress, AuditActions.Refused, EntityType,
                dayId.ToString(CultureInfo.InvariantCulture), new { attempted = "remove", version, result.Status }, cancellationToken);
        }

        return result;
    }

    private async Task<CommandResult?> ValidateAsync(DashboardDbContext db, int regionId, RegionCalendarDayInput input, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.RequireText(nameof(input.Reason), input.Reason, RegionCalendarDay.ReasonMaxLength);
        if (string.IsNullOrWhiteSpace(input.Date))
        {
            errors.Add(nameof(input.Date), ValidationErrors.Required);
        }
        else if (ParseDate(input.Date) is not { } date)
        {
            errors.Add(nameof(input.Date), DateFormat);
        }
        else if (!calendars.Official.Years.Contains(date.Year))
        {
            errors.Add(nameof(input.Date), new Message(YearMissing, date.Year.ToString(CultureInfo.InvariantCulture)));
        }
        else if (await db.RegionCalendarDays.AnyAsync(d => d.RegionId == regionId && d.Date == date && !d.IsRemoved, cancellationToken))
        {
            errors.Add(nameof(input.Date), new Message(DuplicateDate, Text(date)));
        }
        else if (calendars.Official.IsWorkingDay(date) != input.IsOffDay)
        {
            // Already what the administrator asks for: no adjustment, and a count that would not change.
            errors.Add(nameof(input.IsOffDay), new Message(input.IsOffDay ? AlreadyOff : AlreadyWorking, Text(date)));
        }

        return errors.Any ? CommandResult.Invalid(errors.ToDictionary()) : null;
    }

    private async Task<CommandResult> RefusedAsync(AccessScope scope, string regionCode, RegionCalendarDayInput input, CommandResult refused, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(scope.UserId, scope.UserName, scope.Role.ToString(), scope.ClientAddress, AuditActions.Refused, EntityType, regionCode,
            new { attempted = "create", input.Date, input.IsOffDay, Errors = refused.Errors.ToDictionary(e => e.Key, e => e.Value.Select(m => m.ToString())) },
            cancellationToken);
        return refused;
    }

    private async Task AfterChangeAsync(int regionId, CancellationToken cancellationToken)
    {
        calendars.Invalidate();
        await deadlines.RecomputeRegionAsync(regionId, cancellationToken);
        activity.Publish(regionId);
    }

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string Text(DateOnly date) => date.ToString(DayFormat, CultureInfo.InvariantCulture);

    private static object Snapshot(RegionCalendarDay d) => new { d.RegionId, Date = Text(d.Date), d.IsOffDay, d.Reason, d.IsRemoved };
}
