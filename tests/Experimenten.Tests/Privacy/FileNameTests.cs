using Experimenten.Tests.Infrastructure;

namespace Experimenten.Tests.Privacy;

/// <summary>
/// A file's path goes into durable history with its revision or report; the uploader's own name for it ("plan familie
/// Jansen.pdf") may name a person, so it stays out of the path and still comes back as the download's name.
/// </summary>
[Collection(StorageCollection.Name)]
public sealed class FileNameTests(Azurite azurite)
{
    [Fact]
    public async Task The_uploaders_file_name_is_not_in_the_stored_path_and_comes_back_on_download()
    {
        await using var host = new SelfHostFactory(azurite);
        await host.StartAsync();
        using var content = new MemoryStream("%PDF-1.4\n"u8.ToArray());
        var revision = await host.Plans.SavePlanAsync("app-files", 2, "plan familie Jansen.pdf", "application/pdf", content, default);
        using var report = new MemoryStream("%PDF-1.4\n"u8.ToArray());
        var reportPath = await host.Plans.SaveReportAsync("app-files", 1, "verslag Jansen.pdf", "application/pdf", report, default);

        Assert.DoesNotContain("jansen", revision, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("jansen", reportPath, StringComparison.OrdinalIgnoreCase);
        var (stream, type, name) = await host.Plans.OpenAsync(revision, default);
        await stream.DisposeAsync();
        Assert.Equal("application/pdf", type);
        Assert.Contains("jansen", name, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
    }
}
