using System.Text;

namespace Experimenten.BrowserTests.Infrastructure;

/// <summary>Small files a resident might attach, written to a temp folder for the browser's file chooser.</summary>
public static class TestFiles
{
    /// <summary>A real-enough PDF (the server sniffs "%PDF-"), large enough for upload progress to show.</summary>
    public static string Pdf(string name = "Ons plan.pdf", int size = 2 * 1024 * 1024)
    {
        var bytes = new byte[size];
        Encoding.ASCII.GetBytes("%PDF-1.7\n").CopyTo(bytes, 0);
        for (var i = 9; i < size; i++)
        {
            bytes[i] = (byte)('a' + (i % 26));
        }

        var path = Path.Combine(Directory.CreateTempSubdirectory("experimenten-upload-").FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
