using Microsoft.AspNetCore.Http.Features;

namespace Experimenten.Submission;

public static class SubmissionLimits
{
    /// <summary>How every multipart body with a file is read: the application form, a revised plan, a report.</summary>
    public static FormOptions Form => new()
    {
        MultipartBodyLengthLimit = MaxBodyBytes,
        MemoryBufferThreshold = UploadMemoryBufferBytes,
        ValueLengthLimit = MaxPlanText * 4,
        ValueCountLimit = MaxFormValues,
    };

    /// <summary>One plan file of at most 10 MB.</summary>
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>The whole multipart body: the file plus the text fields.</summary>
    public const long MaxBodyBytes = MaxFileBytes + (512 * 1024);

    /// <summary>
    /// Of each uploaded file at most this much stays in memory; the rest buffers to a temporary file that
    /// goes when the request ends. Half a plan (5 MB) in memory per request let a burst of uploads hold hundreds of MB.
    /// </summary>
    public const int UploadMemoryBufferBytes = 64 * 1024;

    /// <summary>Form fields in one submission: the form has fewer than 20; more is not a browser.</summary>
    public const int MaxFormValues = 64;

    /// <summary>
    /// What a DOCX or ODT may unpack to in all, and how many parts it may hold. A plan of one A4 is far
    /// below both; a zip bomb (a small file that unpacks to gigabytes) is far above.
    /// </summary>
    public const long MaxUnpackedBytes = 100 * 1024 * 1024;

    public const int MaxZipEntries = 2000;

    public const int MaxTitle = 200;
    public const int MaxShortText = 200;
    public const int MaxSummary = 2000;
    public const int MaxPlanText = 30000;
}
