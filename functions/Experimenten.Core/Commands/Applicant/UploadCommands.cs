using Experimenten.Domain;
using Experimenten.Storage;
using Microsoft.AspNetCore.Http;

namespace Experimenten.Commands.Applicant;

/// <summary>
/// A revised plan after "request changes", sent through the signed link in that email: a text, one file, or
/// both. The file is as the browser sent it; its type is read from its first bytes by <see cref="Uploads"/>.
/// </summary>
public sealed record UploadRevision(string Token, string Text, IFormFile? File, ReaderLanguage Language);

/// <summary>A progress or final report, sent through the signed link in the email that asked for it.</summary>
public sealed record UploadReport(string Token, string Text, IFormFile? File, ReaderLanguage Language);

/// <summary>
/// The reader's language: <see cref="Chosen"/> when they picked it (<c>?lang=</c>), which wins; otherwise the
/// application's own language once the link names one, and <see cref="Language"/> (their browser's) before that.
/// </summary>
public sealed record ReaderLanguage(string Language, bool Chosen)
{
    public string For(ApplicationView? view) => Chosen || view is null ? Language : Languages.Normalize(view.Language);
}

/// <summary>What an upload link opens: the application, the kind, the round or report number, and the reviewers' questions (a revision).</summary>
public sealed record UploadSlot(ApplicationView View, UploadKind Kind, int Number, IReadOnlyList<string> Asked, string Language);

/// <summary>
/// What opening an upload link came to, and the language its page is in: the reader's choice, else the
/// application's once the link names one (a "nothing expected now" refusal too), else the browser's.
/// </summary>
public sealed record UploadOpened(Outcome<UploadSlot> Outcome, string Language);

/// <summary>The two uploads an applicant's link can ask for.</summary>
public enum UploadKind
{
    Revision,
    Report,
}

/// <summary>An upload that was stored (the file, when there was one) and passed to the lifecycle.</summary>
public sealed record UploadReceived(UploadSlot Slot, string? Blob, DateTimeOffset At);

/// <summary>The stable codes of an upload's refusals (<c>urn:experimenten:problem:{code}</c>).</summary>
public static class UploadCodes
{
    public const string LinkInvalid = "link-invalid";
    public const string LinkExpired = "link-expired";
    public const string NotExpected = "not-expected";
    public const string FormUnreadable = "malformed-form";
    public const string Csrf = "csrf";
    public const string Empty = "upload-empty";
    public const string FileType = "unsupported-file";
    public const string TextInvalid = "text-invalid";
}
