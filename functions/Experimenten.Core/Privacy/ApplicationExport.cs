using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Experimenten.Storage;
using Microsoft.Extensions.Logging;

namespace Experimenten.Privacy;

/// <summary>An export, ready to send: a zip on a temporary file that is deleted when the stream is closed.</summary>
public sealed record ExportFile(Stream Content, string FileName, int Rows, int Files);

/// <summary>
/// Everything stored about one application, as a zip for a subject access request (AVG art. 15):
/// <c>application.json</c> with every row of the application in every application-scoped table and every mail
/// record about it, in readable JSON, and its plan and report files under <c>files/</c>. Coordinators only.
/// </summary>
/// <remarks>
/// Never in it: signed link tokens (an email's links would let whoever reads the export act as that contact or
/// reviewer, so they are replaced by <see cref="LinkRemoved"/>), the signing keys, other applications' rows, and the
/// erasure's bookkeeping. Reviewers' names are in it (they decided about this application); a coordinator checks
/// what is third parties' data before sending it on.
/// </remarks>
public sealed partial class ApplicationExport(ApplicationTraces traces, PlanStore plans, ILogger<ApplicationExport> log)
{
    public const string LinkRemoved = "[link removed]";

    static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The zip, or null when the application is not there.</summary>
    public async Task<ExportFile?> ExportAsync(string applicationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(applicationId);
        var document = new Dictionary<string, object?> { ["applicationId"] = applicationId, ["exportedAt"] = now };
        var rows = 0;
        await foreach (var trace in traces.RowsAsync(applicationId, cancellationToken))
        {
            Add(document, trace);
            rows++;
        }

        if (!document.ContainsKey(StorageNames.ApplicationsTable))
        {
            return null;
        }

        await foreach (var trace in traces.MailAsync(applicationId, cancellationToken))
        {
            Add(document, trace);
            rows++;
        }

        var temp = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        var files = new List<string>();
        using (var zip = new ZipArchive(temp, ZipArchiveMode.Create, leaveOpen: true))
        {
            await foreach (var blob in traces.BlobsAsync(applicationId, cancellationToken))
            {
                // files/plans/v1/plan.pdf: the stored path without the application id, which names itself already.
                var name = $"files/{blob.Container}/{blob.Name[(applicationId.Length + 1)..]}";
                var (content, _, _) = await plans.OpenAsync(blob.Stored, cancellationToken);
                await using (content)
                await using (var entry = await zip.CreateEntry(name, CompressionLevel.Optimal).OpenAsync(cancellationToken))
                {
                    await content.CopyToAsync(entry, cancellationToken);
                }

                files.Add(name);
            }

            document["files"] = files;
            await using var json = await zip.CreateEntry("application.json", CompressionLevel.Optimal).OpenAsync(cancellationToken);
            await JsonSerializer.SerializeAsync(json, document, Json, cancellationToken);
        }

        temp.Position = 0;
        Logs.ApplicationExported(log, applicationId, rows, files.Count);
        return new ExportFile(temp, $"experimenten-{new string([.. applicationId.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-')])}.zip", rows, files.Count);
    }

    /// <summary>A row as JSON members, under its table's name; never the erasure's keys nor a link token.</summary>
    static void Add(Dictionary<string, object?> document, TraceRow trace)
    {
        if (document.GetValueOrDefault(trace.Table) is not List<Dictionary<string, object?>> list)
        {
            document[trace.Table] = list = [];
        }

        var row = new Dictionary<string, object?>();
        foreach (var (name, value) in trace.Row.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (name.StartsWith("odata.", StringComparison.Ordinal) || name.StartsWith("Erasure", StringComparison.Ordinal))
            {
                continue;
            }

            row[name] = value is string text ? WithoutTokens(text) : value;
        }

        list.Add(row);
    }

    /// <summary>Replaces every signed link token (<c>v1.{claims}.{mac}</c>) in a text.</summary>
    public static string WithoutTokens(string text) => TokenPattern().Replace(text, LinkRemoved);

    [GeneratedRegex(@"v1\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")]
    private static partial Regex TokenPattern();
}
