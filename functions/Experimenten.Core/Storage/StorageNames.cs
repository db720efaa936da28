namespace Experimenten.Storage;

/// <summary>Every container and table the product uses, created once at start.</summary>
public static class StorageNames
{
    public const string PlansContainer = "plans";
    public const string ReportsContainer = "reports";
    /// <summary>ASP.NET Core data-protection keys (coordinator cookies, CSRF tokens), shared by every host.</summary>
    public const string KeyRingContainer = "keyring";
    public const string ApplicationsTable = "applications";
    public const string TimelineTable = "timeline";
    public const string OutboxTable = "outbox";
    public const string SentMailTable = "sentmail";
    public const string ReviewsTable = "reviews";
    public const string ReportsTable = "reports";
    /// <summary>Words people typed, referred to from durable history by id (<see cref="TextStore"/>).</summary>
    public const string TextsTable = "texts";
    /// <summary>The coordinator list's index: a prefix of one table per deadline day (see ListIndex).</summary>
    public const string ListTable = "applist";
    public const string ListDirectoryTable = "applistdir";

    public static readonly string[] Containers = [PlansContainer, ReportsContainer, KeyRingContainer];
    public static readonly string[] Tables = [ApplicationsTable, TimelineTable, OutboxTable, SentMailTable, ReviewsTable, ReportsTable, TextsTable, ListDirectoryTable];
}
