using System.Text;
using Experimenten.Submission;

namespace Experimenten.Storage;

/// <summary>Turns a user's file name into a blob-safe one; the extension follows the sniffed type, not the name.</summary>
public static class SafeFileName
{
    public static string From(string? userFileName, string contentType)
    {
        var stem = Path.GetFileNameWithoutExtension(userFileName ?? "") ?? "";
        var builder = new StringBuilder();
        foreach (var c in stem.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if ((c is ' ' or '-' or '_' or '.') && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }

            if (builder.Length >= 60)
            {
                break;
            }
        }

        var safe = builder.ToString().Trim('-');
        return (safe.Length == 0 ? "plan" : safe) + "." + FileTypes.ExtensionFor(contentType);
    }
}
