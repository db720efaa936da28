namespace Experimenten.Bench;

/// <summary>
/// Counts the storage requests Azurite logged (one log per service: <c>{log}.blob</c>, <c>.queue</c>,
/// <c>.table</c>), leaving out the benchmark's own outbox reads.
/// </summary>
sealed class StorageRequests(string log)
{
    public static readonly string[] Services = ["blob", "queue", "table"];

    public int Count() => Services.Sum(Count);

    public int Count(string service)
    {
        var path = $"{log}.{service}";
        if (!File.Exists(path))
        {
            return 0;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Contains("ContextMiddleware: RequestMethod=", StringComparison.Ordinal)
                && !(line.Contains("RequestMethod=GET", StringComparison.Ordinal) && line.Contains("outbox", StringComparison.Ordinal)))
            {
                count++;
            }
        }

        return count;
    }

    public void Delete()
    {
        foreach (var service in Services)
        {
            File.Delete($"{log}.{service}");
        }
    }
}
