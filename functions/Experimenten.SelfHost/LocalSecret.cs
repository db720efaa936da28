using System.Text;

namespace Experimenten.SelfHost;

/// <summary>
/// A secret the self-host makes for itself on first start and keeps in its data folder (git-ignored),
/// so nothing secret lives in code or settings. Created exclusively: two processes starting together
/// end up with the same value.
/// </summary>
static class LocalSecret
{
    /// <summary>The self-host's data folder (<c>SelfHost:DataPath</c>, else <c>.data/</c> beside the app).</summary>
    public static string Folder(SelfHostOptions selfHost, IHostEnvironment environment) =>
        string.IsNullOrWhiteSpace(selfHost.DataPath) ? Path.Combine(environment.ContentRootPath, ".data") : selfHost.DataPath;

    public static string ReadOrCreate(SelfHostOptions selfHost, IHostEnvironment environment, string fileName, Func<string> make)
    {
        var folder = Folder(selfHost, environment);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, fileName);
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
