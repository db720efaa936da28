namespace Experimenten.Bench;

/// <summary>Counts the storage requests Azurite logged, leaving out the benchmark's own outbox reads.</summary>
sealed class StorageRequests(string log)
{
    public int Count()
    {
        if (!File.Exists(log))
        {
            return 0;
        }

        using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
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
}
