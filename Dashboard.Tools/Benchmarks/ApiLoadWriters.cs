using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Core.HeldPatients;

namespace Dashboard.Tools.Benchmarks;

/// <summary>One writer of the load: a hospital system with its facility's key and its own stream of new patients.</summary>
internal sealed record ApiLoadWriter(int FacilityId, string Key, Func<HeldPatientInput> NextPatient);

/// <summary>What the writers saw: per request its latency and outcome, and the ids the app gave back with the ID numbers sent.</summary>
internal sealed class ApiLoadOutcome
{
    public List<double> LatenciesMs { get; } = [];

    /// <summary>Created record ids as the app answered them, with the ID number each row carried.</summary>
    public List<(int Id, string IdNumber)> Created { get; } = [];

    /// <summary>Failed requests by kind: "422", "500", "timeout", an exception's name; partly refused batches as "207".</summary>
    public Dictionary<string, int> Errors { get; } = [];

    /// <summary>The first answer of each kind of failure, to say what went wrong.</summary>
    public Dictionary<string, string> ErrorSamples { get; } = [];

    public int Requests => LatenciesMs.Count;

    public TimeSpan Elapsed { get; set; }

    public void Add(ApiLoadOutcome other)
    {
        LatenciesMs.AddRange(other.LatenciesMs);
        Created.AddRange(other.Created);
        foreach (var (kind, count) in other.Errors)
        {
            Errors[kind] = Errors.GetValueOrDefault(kind) + count;
            ErrorSamples.TryAdd(kind, other.ErrorSamples[kind]);
        }
    }

    public void Failed(string kind, string sample)
    {
        Errors[kind] = Errors.GetValueOrDefault(kind) + 1;
        ErrorSamples.TryAdd(kind, sample.Length > 400 ? sample[..400] : sample);
    }
}

/// <summary>
/// N writers POST new held patients for a fixed time, each waiting for its answer before the next request
/// (as a hospital system's interface queue does), at least one each. A request running at the end is awaited, not cancelled,
/// so every row the app created has its answer; only a request past <see cref="RequestTimeout"/> is given up.
/// </summary>
internal static class ApiLoadWriters
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The API's JSON: camelCase, enums as their names.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<ApiLoadOutcome> RunAsync(HttpClient client, IReadOnlyList<ApiLoadWriter> writers, int batch, TimeSpan duration, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(writers.Select(writer => Task.Run(() => WriteAsync(client, writer, batch, duration, clock, cancellationToken), cancellationToken)));
        var total = new ApiLoadOutcome { Elapsed = clock.Elapsed };
        foreach (var outcome in outcomes)
        {
            total.Add(outcome);
        }

        return total;
    }

    private static async Task<ApiLoadOutcome> WriteAsync(HttpClient client, ApiLoadWriter writer, int batch, TimeSpan duration, Stopwatch clock, CancellationToken cancellationToken)
    {
        var outcome = new ApiLoadOutcome();
        var path = $"api/v1/facilities/{writer.FacilityId}/held-patients";
        do
        {
            var rows = Enumerable.Range(0, batch).Select(_ => writer.NextPatient()).ToList();
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(batch == 1 ? path : path + "/batch", UriKind.Relative))
            {
                Content = new ByteArrayContent(batch == 1 ? JsonSerializer.SerializeToUtf8Bytes(rows[0], Json) : JsonSerializer.SerializeToUtf8Bytes(new { rows }, Json)),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", writer.Key);
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(RequestTimeout);
                using var response = await client.SendAsync(request, timeout.Token);
                var body = await response.Content.ReadAsStringAsync(timeout.Token);
                outcome.LatenciesMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Record(outcome, response.StatusCode, body, rows);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                outcome.LatenciesMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                outcome.Failed("timeout", $"no answer within {RequestTimeout.TotalSeconds:0} s");
            }
            catch (HttpRequestException ex)
            {
                outcome.LatenciesMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                outcome.Failed(ex.HttpRequestError.ToString(), ex.Message);
            }
        }
        while (clock.Elapsed < duration);

        return outcome;
    }

    /// <summary>201 with the id (one row) or ids (a batch); 207 when a batch was partly refused; any other status is an error of its own kind.</summary>
    private static void Record(ApiLoadOutcome outcome, HttpStatusCode status, string body, IReadOnlyList<HeldPatientInput> rows)
    {
        if (status is not (HttpStatusCode.Created or HttpStatusCode.MultiStatus))
        {
            outcome.Failed(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), body);
            return;
        }

        using var answer = JsonDocument.Parse(body);
        if (rows.Count == 1 && status == HttpStatusCode.Created && answer.RootElement.TryGetProperty("id", out var id))
        {
            outcome.Created.Add((id.GetInt32(), rows[0].IdNumber));
            return;
        }

        if (!answer.RootElement.TryGetProperty("ids", out var idList) || idList.ValueKind != JsonValueKind.Array || idList.GetArrayLength() != rows.Count)
        {
            outcome.Failed("unreadable " + ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), body);
            return;
        }

        var ids = idList.EnumerateArray().ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i].ValueKind == JsonValueKind.Number)
            {
                outcome.Created.Add((ids[i].GetInt32(), rows[i].IdNumber));
            }
        }

        if (status == HttpStatusCode.MultiStatus)
        {
            outcome.Failed("207", body);
        }
    }
}
