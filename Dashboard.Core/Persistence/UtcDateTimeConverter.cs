using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dashboard.Core.Persistence;

/// <summary>Writes instants as UTC and reads them back marked as UTC.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
