namespace Experimenten.UpgradeTests;

/// <summary>releases.json (docs/releases.md): what the upgrade test reads, and the answers it gives when it cannot.</summary>
public sealed class ReleasesFileTests : IDisposable
{
    readonly string file = Path.Combine(Path.GetTempPath(), $"releases-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(file);

    Release[] Load(string json)
    {
        File.WriteAllText(file, json);
        return [.. Releases.Load(file)];
    }

    [Fact]
    public void The_repository_names_at_least_one_release_and_its_dates_never_go_back()
    {
        var releases = Releases.Load();
        Assert.NotEmpty(releases);
        Assert.Equal(releases.OrderBy(r => r.Date), releases);
        Assert.Equal(releases.Count, releases.Select(r => r.Version).Distinct().Count());
    }

    [Fact]
    public void The_previous_release_is_the_last_entry()
    {
        var releases = Load("""
            { "releases": [
              { "version": "1.0.0", "commit": "04af1b661b103686d5971c4e9b8494152db00d1f", "date": "2026-12-03" },
              { "version": "1.1.0", "commit": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "date": "2027-02-01" }
            ] }
            """);
        Assert.Equal(["1.0.0", "1.1.0"], releases.Select(r => r.Version));
        Assert.Equal(new Release("1.1.0", new string('a', 40), new DateOnly(2027, 2, 1)), Releases.Previous(file));
    }

    [Theory]
    [InlineData("""{ "releases": [] }""", "at least one release")]
    [InlineData("""{ "releases": [ { "version": "1.0.0", "commit": "04af1b6", "date": "2026-12-03" } ] }""", "full 40-character sha")]
    [InlineData("""{ "releases": [ { "version": "1.0.0", "commit": "04af1b661b103686d5971c4e9b8494152db00d1f", "date": "3 Dec 2026" } ] }""", "yyyy-MM-dd")]
    [InlineData("""{ "releases": [ { "commit": "04af1b661b103686d5971c4e9b8494152db00d1f", "date": "2026-12-03" } ] }""", "no \"version\"")]
    public void A_malformed_file_says_what_to_write(string json, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Load(json));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_release_whose_commit_this_clone_lacks_fails_and_says_to_fetch_the_history()
    {
        var missing = new Release("0.0.1", "0123456789abcdef0123456789abcdef01234567", new DateOnly(2026, 1, 1));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PreviousBuild.EnsureAsync(missing, _ => { }));
        Assert.Contains("does not have that commit", error.Message, StringComparison.Ordinal);
        Assert.Contains("full history", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(PreviousBuild.Folder(missing)));
    }
}
