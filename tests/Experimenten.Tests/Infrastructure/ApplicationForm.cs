using System.Net.Http.Headers;
using System.Text;

namespace Experimenten.Tests.Infrastructure;

/// <summary>A multipart application as a browser or curl would send it; tests change one field at a time.</summary>
public sealed class TestApplication
{
    public Dictionary<string, string> Fields { get; } = new()
    {
        ["callId"] = "demo",
        ["title"] = "Samen de buurtkamer openhouden",
        ["summary"] = "Bewoners en het opbouwwerk draaien samen de buurtkamer.",
        ["initiativeName"] = "Buurtkamer De Linde",
        ["residentContactName"] = "Anna de Vries",
        ["residentContactEmail"] = "anna@example.org",
        ["welfareOrganisation"] = "Welzijn Oost",
        ["welfareContactName"] = "Bram Jansen",
        ["welfareContactEmail"] = "bram@example.org",
        ["municipality"] = "Utrecht",
        ["budgetRequested"] = "7500",
        ["planText"] = "We willen een jaar lang samen de buurtkamer draaien en leren hoe we taken verdelen.",
        ["language"] = "nl",
        ["consent"] = "true",
    };

    public (byte[] Content, string FileName)? File { get; set; }

    public TestApplication With(string field, string value)
    {
        Fields[field] = value;
        return this;
    }

    public TestApplication Without(string field)
    {
        Fields.Remove(field);
        return this;
    }

    public TestApplication WithFile(byte[] content, string fileName)
    {
        File = (content, fileName);
        return this;
    }

    public MultipartFormDataContent ToContent()
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in Fields)
        {
            content.Add(new StringContent(value, Encoding.UTF8), name);
        }

        if (File is { } file)
        {
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(part, "plan", file.FileName);
        }

        return content;
    }

    public static byte[] Pdf(int size = 2048)
    {
        var bytes = new byte[size];
        Encoding.ASCII.GetBytes("%PDF-1.7\n").CopyTo(bytes, 0);
        for (var i = 9; i < size; i++)
        {
            bytes[i] = (byte)('a' + (i % 26));
        }

        return bytes;
    }
}
