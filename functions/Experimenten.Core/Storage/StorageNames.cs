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
    /// <summary>The coordinator list's index: a prefix of one table per deadline day (see ListIndex).</summary>
    public const string ListTable = "applist";
    public const string ListDirectoryTable = "applistdir";

    /// <summary>Words people typed, referred to from durable history by id (<see cref="TextStore"/>); keyed by application id.</summary>
    public const string TextsTable = "texts";

    /// <summary>Data requests of applicants (AVG art. 15), keyed by application id.</summary>
    public const string DataRequestsTable = "datarequests";

    /// <summary>Anonymous statistics of erased applications: kept, never keyed by an application id.</summary>
    public const string StatisticsTable = "statistics";

    /// <summary>Who exported or erased which application, and why: kept, without personal data.</summary>
    public const string AuditTable = "audit";

    /// <summary>The calls, each with every version it had (who saved it, when): kept, edited by coordinators.</summary>
    public const string CallsTable = "calls";

    /// <summary>The review panel: one row per reviewer.</summary>
    public const string ReviewersTable = "reviewers";

    public static readonly string[] Containers = [PlansContainer, ReportsContainer, KeyRingContainer];
    public static readonly string[] Tables = [ApplicationsTable, TimelineTable, OutboxTable, SentMailTable, ReviewsTable, ReportsTable, ListDirectoryTable, TextsTable, DataRequestsTable, StatisticsTable, AuditTable, CallsTable, ReviewersTable];

    /// <summary>
    /// Every table whose PartitionKey is the application id: an export reads all of them, an erasure deletes the
    /// application's partition from all of them. A new application-scoped table belongs here, or erasure misses it.
    /// The applications table is last: its row is what makes a half-done erasure findable again.
    /// </summary>
    public static readonly string[] ApplicationTables = [TimelineTable, ReviewsTable, ReportsTable, TextsTable, DataRequestsTable, ApplicationsTable];
}
