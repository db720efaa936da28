using System.IO.Compression;
using System.Text;

namespace Experimenten.Submission;

/// <summary>
/// Decides a plan file's type from its content, never from its name or the browser's header:
/// PDF, DOCX, ODT, PNG or JPEG. Everything else is refused.
/// </summary>
public static class FileTypes
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Odt = "application/vnd.oasis.opendocument.text";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";

    public static string ExtensionFor(string contentType) => contentType switch
    {
        Pdf => "pdf",
        Docx => "docx",
        Odt => "odt",
        Png => "png",
        Jpeg => "jpg",
        _ => "bin",
    };

    /// <summary>Returns the content type, or null when the content is none of the accepted kinds.</summary>
    public static string? Sniff(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        Span<byte> head = stackalloc byte[8];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        head = head[..read];

        string? type = null;
        if (head.StartsWith("%PDF-"u8))
        {
            type = Pdf;
        }
        else if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            type = Png;
        }
        else if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            type = Jpeg;
        }
        else if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return SniffZip(content);
        }

        return type is not null && !IsPolyglot(content) ? type : null;
    }

    /// <summary>
    /// A PDF or image that is also something else: markup near its start (a browser or viewer may take it
    /// for a web page), or a zip archive at its end (zip readers start from the end, so it opens as one).
    /// </summary>
    static bool IsPolyglot(Stream content)
    {
        try
        {
            var head = new byte[Math.Min(content.Length, 1024)];
            content.ReadExactly(head);
            var text = Encoding.Latin1.GetString(head);
            if (Markup.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }

            // A zip's end record sits in its last 22 bytes plus at most a 64 KB comment.
            var tail = new byte[Math.Min(content.Length, 22 + 65535)];
            content.Position = content.Length - tail.Length;
            content.ReadExactly(tail);
            return tail.AsSpan().IndexOf("PK\u0005\u0006"u8) >= 0;
        }
        finally
        {
            content.Position = 0;
        }
    }

    static readonly string[] Markup = ["<html", "<script", "<!doctype", "<body", "<iframe", "<svg", "<object", "<embed"];

    /// <summary>Both DOCX and ODT are zip packages: look inside for what marks each.</summary>
    static string? SniffZip(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);

            // Judged by what the archive says it holds, before anything is unpacked.
            if (zip.Entries.Count > SubmissionLimits.MaxZipEntries || zip.Entries.Sum(e => e.Length) > SubmissionLimits.MaxUnpackedBytes)
            {
                return null;
            }

            var mimetype = zip.GetEntry("mimetype");
            if (mimetype is not null && mimetype.Length < 200)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                if (reader.ReadToEnd().Trim() == Odt)
                {
                    return Odt;
                }
            }

            return zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("word/document.xml") is not null ? Docx : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }
}
