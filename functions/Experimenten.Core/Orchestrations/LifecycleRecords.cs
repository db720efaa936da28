using Experimenten.Domain;

namespace Experimenten.Orchestrations;

/// <summary>Input of <see cref="ApplicationLifecycle"/>: everything it decides on, captured at submission.</summary>
/// <remarks>The call is a snapshot: changing the seeds later never changes a running application.</remarks>
public sealed record LifecycleInput(string ApplicationId, ApplicationForm Form, Call Call, DateTimeOffset SubmittedAt, IReadOnlyList<Reviewer> Panel);

public sealed record LifecycleOutcome(Stage Stage);

/// <summary>The orchestration's custom status: what the runtime shows while it waits.</summary>
public sealed record LifecycleStatus(Stage Stage, WaitingOn WaitingOn, DateTimeOffset? NextDeadline);
