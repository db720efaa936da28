namespace Experimenten.Commands.Coordinator;

// What a coordinator asks of an application, as the JSON API and the pages both hand it over.
// By is who acts and from where (it goes into the timeline); Language is the language of a refusal.

/// <summary>Who acts: the coordinator's name and the address the request came in on (for the timeline).</summary>
public sealed record CoordinatorActor(string Name, string Via);

/// <summary>A new deadline; null when what was sent is no moment at all (the command says so, per field).</summary>
public sealed record ExtendDeadline(string ApplicationId, DateTimeOffset? Deadline, string Reason, CoordinatorActor By, string Language);

public sealed record SendReminder(string ApplicationId, CoordinatorActor By, string Language);

public sealed record ReassignReviewer(string ApplicationId, string From, string To, CoordinatorActor By, string Language);

public sealed record CancelApplication(string ApplicationId, string Reason, CoordinatorActor By, string Language);

/// <summary>Accept a report, or (Accept false) ask for changes, which needs a comment.</summary>
public sealed record JudgeReport(string ApplicationId, int Number, bool Accept, string Comment, CoordinatorActor By, string Language);

/// <summary>The fields of a new contact as sent (role resident|welfare, name, email), checked like the form checks them.</summary>
public sealed record ReplaceContact(string ApplicationId, IReadOnlyDictionary<string, string> Fields, string Reason, CoordinatorActor By, string Language);

