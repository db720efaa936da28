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

        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return Png;
        }

        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return Jpeg;
        }

        return head.StartsWith("PK\u0003\u0004"u8) ? SniffZip(content) : null;
    }

    /// <summary>Both DOCX and ODT are zip packages: look inside for what marks each.</summary>
    static string? SniffZip(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
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
