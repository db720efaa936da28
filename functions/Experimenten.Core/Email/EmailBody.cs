using System.Text;

namespace Experimenten.Email;

public enum EmailBlockKind
{
    Paragraph,
    Bullet,
    Link,
}

/// <summary>One piece of an email: a paragraph, a bullet, or a link (its label; the address in <see cref="Url"/>).</summary>
public sealed record EmailBlock(EmailBlockKind Kind, string Content, string? Url = null);

/// <summary>
/// What an email says, collected once by its template and then written twice: as plain text here and as HTML by
/// <see cref="Templates.EmailHtml"/>. Both come from these blocks, so the text and the HTML never say different things.
/// </summary>
public sealed class EmailBody
{
    readonly List<EmailBlock> blocks = [];

    public IReadOnlyList<EmailBlock> Blocks => blocks;

    /// <summary>Every address the email links to, in order (the outbox and the tests follow them).</summary>
    public List<string> Links { get; } = [];

    public void Paragraph(string text) => blocks.Add(new(EmailBlockKind.Paragraph, text));

    public void Bullet(string text) => blocks.Add(new(EmailBlockKind.Bullet, text));

    /// <summary>A sentence saying what the link is for, then the link itself.</summary>
    public void Link(string intro, string label, string url)
    {
        Paragraph(intro);
        blocks.Add(new(EmailBlockKind.Link, label, url));
        Links.Add(url);
    }

    /// <summary>The blocks with each run of bullets as one group, the way HTML lists them.</summary>
    public IEnumerable<IReadOnlyList<EmailBlock>> Groups()
    {
        var bullets = new List<EmailBlock>();
        foreach (var block in blocks)
        {
            if (block.Kind == EmailBlockKind.Bullet)
            {
                bullets.Add(block);
                continue;
            }

            if (bullets.Count > 0)
            {
                yield return bullets;
                bullets = [];
            }

            yield return [block];
        }

        if (bullets.Count > 0)
        {
            yield return bullets;
        }
    }

    /// <summary>Plain text: a blank line after each paragraph and link, bullets on consecutive lines; a link shows its address.</summary>
    public string Text()
    {
        var text = new StringBuilder();
        foreach (var block in blocks)
        {
            text.Append(block.Kind switch
            {
                EmailBlockKind.Bullet => $"- {block.Content}\n",
                EmailBlockKind.Link => $"{block.Url}\n\n",
                _ => $"{block.Content}\n\n",
            });
        }

        return text.ToString().TrimEnd() + "\n";
    }
}
