using Microsoft.DurableTask;

namespace Experimenten.Orchestrations;

/// <summary>
/// The versions of the orchestrations' shape (docs/upgrades.md). An instance keeps the version it started
/// with for life; code that changes a running shape branches on it with <see cref="AtLeast"/>.
/// </summary>
public static class OrchestrationVersions
{
    /// <summary>Release 1.0.0: the lifecycle, its review rounds and report cycles, and retention.</summary>
    public const string V1 = "1.0";

    /// <summary>Each review round first asks the panel who is still active (<c>ChooseReviewers</c>): calls and reviewers are edited in the product.</summary>
    public const string V11 = "1.1";

    /// <summary>
    /// A report cycle records each step (the report, the stage or a timeline line, and its emails) in one activity
    /// (<c>Advance</c>) instead of up to four: a third fewer activities per lifecycle, and their storage requests.
    /// </summary>
    public const string V12 = "1.2";

    /// <summary>What new instances start on; the worker runs this and older.</summary>
    public const string Current = V12;

    /// <summary>Every version whose instances this code still runs. Remove one only when none is running.</summary>
    public static readonly IReadOnlyList<string> Supported = [V1, V11, V12];

    /// <summary>Whether this instance started on <paramref name="version"/> or later.</summary>
    public static bool AtLeast(this TaskOrchestrationContext context, string version)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CompareVersionTo(version) >= 0;
    }

    /// <summary>
    /// Stops an instance of a version this code no longer has (retired, or from before 1.0) before it takes
    /// a step: a clear failure instead of wrong steps.
    /// </summary>
    public static void Require(TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Supported.Contains(context.Version))
        {
            throw new UnsupportedOrchestrationVersionException(context.Name, context.Version);
        }
    }
}

public sealed class UnsupportedOrchestrationVersionException(string orchestration, string version)
    : InvalidOperationException($"{orchestration} instances of version '{version}' are no longer supported (docs/upgrades.md, \"Retiring a version\").");
