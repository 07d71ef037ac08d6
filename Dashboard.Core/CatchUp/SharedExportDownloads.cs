using System.Data;
using Npgsql;
using NpgsqlTypes;

namespace Dashboard.Core.CatchUp;

/// <summary>A finished export waiting in the database for its one download (PostgreSQL: any node serves it).</summary>
public sealed class ExportDownload
{
    public required string Token { get; set; }

    public required string UserId { get; set; }

    public required string FileName { get; set; }

    public DateTime ExpiresUtc { get; set; }

    public required byte[] Content { get; set; }
}

/// <summary>
/// Several nodes (ADR 0012): a file written on node A is fetched through whichever node the browser's
/// next request reaches. The finished file goes into <c>ExportDownloads</c> (streamed, not held in
/// memory) and is taken out by one atomic DELETE ... RETURNING, so a token is still good once.
/// </summary>
public sealed class SharedExportDownloads(IDbContextFactory<DashboardDbContext> dbFactory)
{
    public const string Table = "ExportDownloads";

    /// <summary>Stores the file under the token, streamed from its path.</summary>
    public async Task AddAsync(string token, string path, string fileName, string userId, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var content = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);
        await using var command = new NpgsqlCommand(
            $"INSERT INTO \"{Table}\" (\"Token\", \"UserId\", \"FileName\", \"ExpiresUtc\", \"Content\") VALUES ($1, $2, $3, $4, $5)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = token });
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        command.Parameters.Add(new NpgsqlParameter { Value = fileName });
        command.Parameters.Add(new NpgsqlParameter { Value = expires.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = content, NpgsqlDbType = NpgsqlDbType.Bytea });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Takes the user's unexpired file out of the database into <paramref name="path"/>; its name, or null.</summary>
    public async Task<string?> TakeAsync(string token, string userId, DateTimeOffset now, string path, Func<string, FileStream> create, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"DELETE FROM \"{Table}\" WHERE \"Token\" = $1 AND \"UserId\" = $2 AND \"ExpiresUtc\" >= $3 RETURNING \"FileName\", \"Content\"", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = token });
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        command.Parameters.Add(new NpgsqlParameter { Value = now.UtcDateTime });
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var fileName = reader.GetString(0);
        await using (var file = create(path))
        await using (var content = reader.GetStream(1))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        return fileName;
    }

    /// <summary>The file name behind someone else's token, for the refusal's audit.</summary>
    public async Task<string?> FileNameOfAnotherAsync(string token, string userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var downloads = ((PostgresDashboardDbContext)db).ExportDownloads;
        return await downloads.Where(d => d.Token == token && d.UserId != userId).Select(d => d.FileName).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Expired files go, whichever node wrote them.</summary>
    public async Task RemoveExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var expired = now.UtcDateTime;
        await ((PostgresDashboardDbContext)db).ExportDownloads.Where(d => d.ExpiresUtc < expired).ExecuteDeleteAsync(cancellationToken);
    }
}
