using System.Runtime.CompilerServices;
using System.Text;
using Experimenten.Domain;
using Experimenten.Email;
using Experimenten.Links;
using Experimenten.Tests.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

// Not Experimenten.Tests.Email: that would hide Experimenten.Email from the tests that say Email.OutboxMessage.
namespace Experimenten.Tests.Emails;

/// <summary>
/// Every email kind in every language, rendered from the same facts at the same moment with the same link key,
/// compared with its snapshot (<c>Snapshots/{kind}.{lang}.txt</c>): subject, links, text and HTML. A new kind
/// or language has no snapshot yet and fails until one is recorded. To record or accept a change, run with
/// <c>UPDATE_SNAPSHOTS=1</c> and review the diff in git.
/// </summary>
public sealed class EmailSnapshotTests
{
    static readonly DateTimeOffset Now = new(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);

    public static TheoryData<EmailKind, string> Cases()
    {
        var cases = new TheoryData<EmailKind, string>();
        foreach (var kind in Enum.GetValues<EmailKind>())
        {
            foreach (var language in Languages.All)
            {
                cases.Add(kind, language);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Email_is_as_recorded(EmailKind kind, string language)
    {
        using var services = PageServices.Build(Now, s =>
        {
            s.AddSingleton(Options.Create(new LinksOptions { SigningKey = "snapshot-signing-key-0123456789abcdef", BaseUrl = "https://experimenten.example" }));
            s.AddSingleton<LinkSigner>();
            s.AddSingleton<EmailLinks>();
            s.AddSingleton<EmailComposer>();
        });
        var composer = services.GetRequiredService<EmailComposer>();

        var message = await composer.ComposeAsync(EmailSnapshotFacts.Request(kind, language));

        var actual = Describe(message);
        var file = Path.Combine(SnapshotFolder(), $"{kind}.{language}.txt");
        var received = Path.ChangeExtension(file, ".received.txt");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            await File.WriteAllTextAsync(file, actual);
            File.Delete(received);
            return;
        }

        var expected = File.Exists(file) ? await File.ReadAllTextAsync(file) : null;
        if (expected != actual)
        {
            await File.WriteAllTextAsync(received, actual);
            Assert.Fail(expected is null
                ? $"No snapshot for {kind} in {language}: wrote {received}. Review it, then run with UPDATE_SNAPSHOTS=1 to record it."
                : $"{kind} in {language} differs from its snapshot: see `diff {file} {received}`. If the change is meant, run with UPDATE_SNAPSHOTS=1.");
        }

        File.Delete(received);
    }

    static string Describe(EmailMessage message)
    {
        var text = new StringBuilder()
            .Append("Key: ").Append(message.Key).Append('\n')
            .Append("To: ").Append(message.ToName).Append(" <").Append(message.To).Append(">\n")
            .Append("Subject: ").Append(message.Subject).Append('\n')
            .Append("Links:\n");
        foreach (var link in message.Links)
        {
            text.Append("  ").Append(link).Append('\n');
        }

        return text.Append("--- text ---\n").Append(message.Text)
            .Append("--- html ---\n").Append(message.Html).Append('\n')
            .ToString();
    }

    static string SnapshotFolder([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Snapshots");
}
