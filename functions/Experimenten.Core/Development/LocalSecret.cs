using System.Text;
using Microsoft.Extensions.Hosting;

namespace Experimenten.Development;

/// <summary>
/// A secret a host makes for itself on first start and keeps in its local data folder (git-ignored),
/// so nothing secret lives in code or settings. Created exclusively: two processes starting together
/// on one folder end up with the same value.
/// </summary>
public sealed class LocalSecret(string folder)
{
    /// <summary>The folder the secrets are kept in.</summary>
    public string Folder { get; } = folder;

    /// <summary>The given data folder, else <c>.data/</c> beside the app.</summary>
    public static string FolderFor(string? dataPath, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return string.IsNullOrWhiteSpace(dataPath) ? Path.Combine(environment.ContentRootPath, ".data") : dataPath;
    }

    public string ReadOrCreate(string fileName, Func<string> make)
    {
        ArgumentNullException.ThrowIfNull(make);
        Directory.CreateDirectory(Folder);
        var file = Path.Combine(Folder, fileName);
        if (!File.Exists(file))
        {
            try
            {
                using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write);
                stream.Write(Encoding.ASCII.GetBytes(make()));
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another process made it first; use theirs.
            }
        }

        return File.ReadAllText(file).Trim();
    }
}
