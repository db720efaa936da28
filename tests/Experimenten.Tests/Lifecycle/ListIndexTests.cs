using Experimenten.Domain;
using Experimenten.Storage;
using Experimenten.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Experimenten.Tests.Lifecycle;

/// <summary>
/// The coordinator list's index on Azurite: one table per deadline day, read in order. What a
/// coordinator notices: the order by deadline, every application exactly once however its
/// deadline moves, and "overdue" stopping at now.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class ListIndexTests(Azurite azurite) : IAsyncLifetime
{
    readonly DateTimeOffset now = DateTimeOffset.UtcNow;
    ReadModel model = null!;

    public async Task InitializeAsync()
    {
        var clients = new StorageClients(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, Prefix = $"l{Guid.NewGuid():N}"[..12] }));
        await new StorageInitializer(clients).EnsureCreatedAsync(CancellationToken.None);
        model = new ReadModel(clients);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Pages_follow_the_deadline_across_days_and_overdue_stops_at_now()
    {
        var deadlines = new (string Id, TimeSpan? Offset, Stage Stage)[]
        {
            ("exp-far-future", TimeSpan.FromDays(9), Stage.Monitoring),
            ("exp-long-overdue", TimeSpan.FromDays(-10), Stage.InReview),
            ("exp-closed", null, Stage.Rejected),
            ("exp-soon", TimeSpan.FromHours(1), Stage.InReview),
            ("exp-just-late", TimeSpan.FromHours(-1), Stage.ChangesRequested),
            ("exp-three-days-late", TimeSpan.FromDays(-3), Stage.InReview),
            ("exp-in-two-days", TimeSpan.FromDays(2), Stage.InReview),
        };
        foreach (var (id, offset, stage) in deadlines)
        {
            await AddAsync(id, stage, offset is { } o ? now + o : null);
        }

        var expected = deadlines.Where(d => d.Offset is not null).OrderBy(d => d.Offset).Select(d => d.Id).Append("exp-closed").ToList();
        var (all, pages) = await ReadAllAsync(null, overdue: false, pageSize: 2);
        Assert.Equal(expected, all);
        Assert.Equal(4, pages);

        var (overdue, _) = await ReadAllAsync(null, overdue: true, pageSize: 50);
        Assert.Equal(["exp-long-overdue", "exp-three-days-late", "exp-just-late"], overdue);

        var (inReview, _) = await ReadAllAsync(Stage.InReview, overdue: false, pageSize: 1);
        Assert.Equal(["exp-long-overdue", "exp-three-days-late", "exp-soon", "exp-in-two-days"], inReview);
    }

    [Fact]
    public async Task An_application_moved_out_of_a_past_day_and_back_is_listed_once_each_time()
    {
        await AddAsync("exp-mover", Stage.InReview, now.AddDays(-5));
        await AddAsync("exp-stays", Stage.InReview, now.AddDays(1));

        // A coordinator extends the deadline: the past day is empty now, and reading the list prunes it.
        await model.SetDeadlineAsync("exp-mover", now.AddDays(3), CancellationToken.None);
        Assert.Equal(["exp-stays", "exp-mover"], (await ReadAllAsync(null, overdue: false, pageSize: 50)).Ids);
        Assert.Empty((await ReadAllAsync(null, overdue: true, pageSize: 50)).Ids);

        // Back into that past day (a late report cycle): the day is listed again and shows the application once.
        await model.SetDeadlineAsync("exp-mover", now.AddDays(-5), CancellationToken.None);
        Assert.Equal(["exp-mover", "exp-stays"], (await ReadAllAsync(null, overdue: false, pageSize: 50)).Ids);
        Assert.Equal(["exp-mover"], (await ReadAllAsync(null, overdue: true, pageSize: 50)).Ids);
    }

    [Fact]
    public async Task Applications_indexed_before_day_tables_are_listed_after_the_next_start()
    {
        // As an older version left it: the application row points at its rows in the one old table.
        var clients = new StorageClients(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, Prefix = $"m{Guid.NewGuid():N}"[..12] }));
        await new StorageInitializer(clients).EnsureCreatedAsync(CancellationToken.None);
        var applications = clients.Table(StorageNames.ApplicationsTable);
        var old = clients.Table(StorageNames.ListTable);
        await old.CreateIfNotExistsAsync();
        var deadline = now.AddDays(4);
        var key = ListIndex.RowKey(deadline, "exp-old");
        await applications.AddEntityAsync(new Azure.Data.Tables.TableEntity("exp-old", "application")
        {
            ["CallId"] = "demo",
            ["Title"] = "Van voor de upgrade",
            ["Stage"] = "InReview",
            ["NextDeadline"] = deadline,
            ["UpdatedAt"] = now,
            ["IndexRowKey"] = key,
            ["IndexStage"] = "InReview",
        });
        await old.AddEntityAsync(new Azure.Data.Tables.TableEntity("all", key) { ["Id"] = "exp-old" });

        await new StorageInitializer(clients).EnsureCreatedAsync(CancellationToken.None);

        var (items, _) = await new ReadModel(clients).PageAsync(null, Stage.InReview, false, now, 50, null, CancellationToken.None);
        Assert.Equal("Van voor de upgrade", Assert.Single(items).Title);
        var left = new List<string>();
        await foreach (var table in clients.Tables.QueryAsync(t => t.Name == old.Name))
        {
            left.Add(table.Name);
        }

        Assert.Empty(left);
    }

    async Task AddAsync(string id, Stage stage, DateTimeOffset? deadline)
    {
        var form = new ApplicationForm("demo", id, "", "Bench", new Contact("Anna", "anna@example.org"), "Welzijn Oost", new Contact("Bram", "bram@example.org"), "Utrecht", 1000, "plan", null, "nl");
        await model.RecordSubmittedAsync(id, form, Submission.SubmissionFingerprint.Of(form, null), now, CancellationToken.None);
        await model.ApplyAsync(new ProgressUpdate(id, stage, WaitingOn.Nobody, deadline, now, null), CancellationToken.None);
    }

    async Task<(List<string> Ids, int Pages)> ReadAllAsync(Stage? stage, bool overdue, int pageSize)
    {
        var ids = new List<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var (items, next) = await model.PageAsync(null, stage, overdue, now, pageSize, continuation, CancellationToken.None);
            ids.AddRange(items.Select(i => i.Id));
            continuation = next;
            pages++;
        }
        while (continuation is not null && pages < 50);

        return (ids, pages);
    }
}
