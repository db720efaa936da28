namespace Experimenten.Submission;

public static class SubmissionLimits
{
    /// <summary>One plan file of at most 10 MB.</summary>
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>The whole multipart body: the file plus the text fields.</summary>
    public const long MaxBodyBytes = MaxFileBytes + (512 * 1024);

    public const int MaxTitle = 200;
    public const int MaxShortText = 200;
    public const int MaxSummary = 2000;
    public const int MaxPlanText = 30000;
}
