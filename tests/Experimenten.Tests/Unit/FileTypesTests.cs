using System.IO.Compression;
using System.Text;
using Experimenten.Storage;
using Experimenten.Submission;

namespace Experimenten.Tests.Unit;

public sealed class FileTypesTests
{
    [Fact]
    public void Pdf_png_and_jpeg_are_recognised_by_their_content()
    {
        Assert.Equal(FileTypes.Pdf, Sniff(Encoding.ASCII.GetBytes("%PDF-1.4 rest")));
        Assert.Equal(FileTypes.Png, Sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]));
        Assert.Equal(FileTypes.Jpeg, Sniff([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]));
    }

    [Fact]
    public void Docx_and_odt_are_told_apart_by_what_their_zip_holds()
    {
        Assert.Equal(FileTypes.Docx, Sniff(Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"))));
        Assert.Equal(FileTypes.Odt, Sniff(Zip(("mimetype", FileTypes.Odt), ("content.xml", "<office:document-content/>"))));
    }

    [Fact]
    public void Executables_plain_zips_and_text_are_refused_whatever_their_name()
    {
        Assert.Null(Sniff([0x4D, 0x5A, 0x90, 0x00]));
        Assert.Null(Sniff([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1]));
        Assert.Null(Sniff(Zip(("evil.exe", "MZ"))));
        Assert.Null(Sniff(Encoding.UTF8.GetBytes("<script>alert(1)</script>")));
        Assert.Null(Sniff([]));
    }

    [Theory]
    [InlineData("../../etc/passwd", FileTypes.Pdf, "passwd.pdf")]
    [InlineData("Plan van de Buurtkamer (v2).PDF.exe", FileTypes.Pdf, "plan-van-de-buurtkamer-v2-pdf.pdf")]
    [InlineData("", FileTypes.Png, "plan.png")]
    [InlineData("één café.docx", FileTypes.Docx, "een-cafe.docx")]
    public void Stored_names_are_safe_and_take_their_extension_from_the_sniffed_type(string name, string type, string expected) =>
        Assert.Equal(expected, SafeFileName.From(name, type));

    static string? Sniff(byte[] content)
    {
        using var stream = new MemoryStream(content);
        return FileTypes.Sniff(stream);
    }

    static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        }

        return memory.ToArray();
    }
}
