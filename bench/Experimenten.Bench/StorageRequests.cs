namespace Experimenten.Bench;

/// <summary>Counts the storage requests Azurite logged, per service, leaving out the benchmark's own outbox reads.</summary>
sealed class StorageRequests(string log)
{
    public static readonly string[] Services = ["Blob", "Queue", "Table"];

    public int Count() => Services.Sum(Count);

    public int Count(string service)
    {
        if (!File.Exists(log))
        {
            return 0;
        }

        using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var marker = $"{service}StorageContextMiddleware: RequestMethod=";
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Contains(marker, StringComparison.Ordinal)
                && !(line.Contains("RequestMethod=GET", StringComparison.Ordinal) && line.Contains("outbox", StringComparison.Ordinal)))
            {
                count++;
            }
        }

        return count;
    }

    public void Delete() => File.Delete(log);
}
