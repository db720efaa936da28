namespace Experimenten.Commands.Coordinator;

// What a coordinator asks about an application's personal data (AVG), as the JSON API and the pages both hand it over.

/// <summary>Everything stored about the application, as a zip (recorded in the audit log).</summary>
public sealed record ExportApplication(string ApplicationId, CoordinatorActor By, string Language);

/// <summary>Erase the application now: a reason is required (it stays in the audit log) and so is the confirmation.</summary>
public sealed record EraseApplication(string ApplicationId, string Reason, bool Confirmed, CoordinatorActor By, string Language);

/// <summary>A data request answered: who did it is recorded in the audit log.</summary>
public sealed record HandleDataRequest(string ApplicationId, string RequestKey, CoordinatorActor By, string Language);
